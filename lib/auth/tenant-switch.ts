import { activeMemberships } from "@/lib/auth/staff-session";
import { withTenant } from "@/lib/tenancy/with-tenant";

// A person who works for several tenants signs in to their first and picks or switches from there.
// The session (JWT) holds the user and the chosen tenant; switching asks the server, which changes
// the tenant only to one where the person has an active membership right now.

/** Whether `userId` may work in `tenantId` now (active membership, account not disabled). */
export async function canEnterTenant(userId: string, tenantId: string): Promise<boolean> {
  const memberships = await activeMemberships(userId);
  return memberships.some((membership) => membership.tenantId === tenantId);
}

/** Remembers when the person last signed in to (or switched to) the tenant. Best effort. */
export async function recordTenantEntry(userId: string, tenantId: string, now = new Date()): Promise<void> {
  await withTenant(tenantId, (tx) =>
    tx.membership.updateMany({ where: { tenantId, userId }, data: { lastSignInAt: now } }),
  ).catch(() => undefined);
}
