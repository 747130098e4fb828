import type { Prisma } from "@/lib/db/generated/client";
import { validationError } from "@/lib/errors/validation";
import { PROBLEM_AGE_BUCKETS, type ListCasesQuery } from "@/lib/cases/schemas/case-schemas";
import { prefixUpperBound, searchWordsOf } from "@/lib/cases/search-tokens";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";

// The case list's filters as a Prisma `where`: the one definition behind the list, the API and the
// landing page's figures (lib/cases/list/landing-summary.ts counts with it), so a figure and the list
// it links to cannot disagree. Every filter is added only when its value is present: a filter is
// never built from an undefined value.

const HOUR_MS = 3_600_000;

export type CaseFilterQuery = Omit<ListCasesQuery, "sort" | "dir" | "cursor" | "limit">;

export function caseListWhere(ctx: TenantContext, query: CaseFilterQuery, now: Date): Prisma.CaseWhereInput[] {
  const and: Prisma.CaseWhereInput[] = [{ tenantId: ctx.tenantId }];
  if (query.status.length > 0) and.push({ status: { in: query.status } });
  if (query.platform.length > 0) and.push({ platforms: { hasSome: query.platform } });
  if (query.escalationReady === true) and.push({ escalationReadyAt: { lte: now } });
  if (query.escalationReady === false) and.push({ OR: [{ escalationReadyAt: null }, { escalationReadyAt: { gt: now } }] });
  if (query.returned === true) and.push({ escalationReturnedAt: { not: null } });
  if (query.returned === false) and.push({ escalationReturnedAt: null });
  if (query.customerReplied === true) and.push({ customerRepliedAt: { not: null } });
  if (query.customerReplied === false) and.push({ customerRepliedAt: null });
  if (query.assignee === "unassigned") and.push({ assigneeId: null });
  else if (query.assignee === "me") and.push({ assigneeId: myUserId(ctx) });
  else if (query.assignee !== undefined) and.push({ assigneeId: query.assignee });

  const [bucketMin, bucketMax] = query.problemAge ? PROBLEM_AGE_BUCKETS[query.problemAge] : [null, null];
  const minHours = query.problemAgeMinHours ?? bucketMin;
  const maxHours = query.problemAgeMaxHours ?? bucketMax;
  // Older problems have earlier problemSince: a minimum age is an upper bound on the date.
  if (minHours !== null) and.push({ problemSince: { lte: new Date(now.getTime() - minHours * HOUR_MS) } });
  if (maxHours !== null) and.push({ problemSince: { gt: new Date(now.getTime() - maxHours * HOUR_MS) } });
  // No activity: no write of any kind (every write sets updatedAt) for at least this long.
  if (query.inactiveMinHours !== undefined) and.push({ updatedAt: { lte: new Date(now.getTime() - query.inactiveMinHours * HOUR_MS) } });

  // Text search: every query word is a prefix of one of the case's tokens. A prefix is a range on
  // the token table's primary key (tenantId, token, caseId): comparisons are leakproof, so the
  // index scan runs under RLS (LIKE would not; docs/decisions/0006-text-search-under-rls.md).
  for (const word of query.q ? searchWordsOf(query.q) : []) {
    const upper = prefixUpperBound(word);
    const token: Prisma.StringFilter<"CaseSearchToken"> = upper === null ? { gte: word } : { gte: word, lt: upper };
    and.push({ searchTokens: { some: { tenantId: ctx.tenantId, token } } });
  }
  return and;
}

function myUserId(ctx: TenantContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw validationError([{ path: "assignee", message: "'me' needs a signed-in user; API tokens are not assignees" }]);
  return userId;
}
