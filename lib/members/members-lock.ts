import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * Serialises changes to a tenant's members and invitations until the transaction ends: two admins
 * demoting each other at once must not both pass the "another active admin remains" check, and two
 * invitations for one email must not both pass the duplicate check. A transaction-scoped advisory
 * lock on the tenant id (hashed into the lock space), so case work in the tenant is not blocked.
 */
export async function lockTenantMembers(tx: TenantTx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`members:${tenantId}`}, 0))`;
}
