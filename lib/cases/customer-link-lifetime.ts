// How long a customer's link works (SPEC §7): the tenant's number of days from its creation, and
// never more than 14 days after the case was resolved (reopening the case revives it). Both are
// read when the link is used, so an admin shortening the lifetime ends older links at once.

const DAYS_AFTER_RESOLVED = 14;
const DAY_MS = 86_400_000;

export function customerLinkExpiresAt(link: { createdAt: Date }, linkDays: number, resolvedAt: Date | null): Date {
  const byAge = link.createdAt.getTime() + linkDays * DAY_MS;
  const byResolution = resolvedAt ? resolvedAt.getTime() + DAYS_AFTER_RESOLVED * DAY_MS : Number.POSITIVE_INFINITY;
  return new Date(Math.min(byAge, byResolution));
}
