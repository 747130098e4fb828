import { AppError, notFound } from "@/lib/errors/app-error";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * Optimistic concurrency for every versioned write (docs/decisions/0005): bumps the version only
 * when the case still has the one the caller read, which also locks the row until the transaction
 * ends. A concurrent writer with the same version waits, then matches nothing and gets a 409
 * carrying the current version; a case outside this tenant is a 404.
 */
export async function claimCaseVersion(tx: TenantTx, tenantId: string, caseId: string, expected: number, now: Date): Promise<void> {
  const claimed = await tx.case.updateMany({
    where: { tenantId, id: caseId, version: expected },
    data: { version: { increment: 1 }, updatedAt: now },
  });
  if (claimed.count === 1) return;
  const current = await tx.case.findUnique({ where: { tenantId_id: { tenantId, id: caseId } }, select: { version: true } });
  if (!current) throw notFound("Case");
  throw new AppError("conflict", "This case was changed by someone else since you opened it. Reload to see the latest version.", {
    expectedVersion: expected,
    currentVersion: current.version,
  });
}
