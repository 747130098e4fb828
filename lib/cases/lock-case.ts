import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * Locks the case row until the transaction ends, so writers that recompute derived columns from
 * the case's steps and facts take turns instead of overwriting each other. False when the case
 * does not exist in this tenant.
 */
export async function lockCase(tx: TenantTx, tenantId: string, caseId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Case" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${caseId}::uuid FOR UPDATE`;
  return rows.length === 1;
}
