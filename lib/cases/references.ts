import type { FieldIssue } from "@/lib/errors/app-error";
import type { CaseFacts } from "@/lib/facts/schema";
import { isUuid } from "@/lib/util/uuid";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// Checks ids a client put in a body (assignee, screenshots) against this tenant's rows. A foreign
// or unknown id is a field error: the client named something that does not exist for it.

export async function assigneeIssues(tx: TenantTx, tenantId: string, assigneeId: string | null | undefined, path = "assigneeId"): Promise<FieldIssue[]> {
  if (assigneeId === null || assigneeId === undefined) return [];
  const member = await tx.membership.findFirst({
    where: { tenantId, userId: assigneeId, deactivatedAt: null },
    select: { userId: true },
  });
  return member ? [] : [{ path, message: "Assignee is not an active member of this team" }];
}

export async function screenshotIssues(tx: TenantTx, tenantId: string, caseId: string | null, facts: CaseFacts, prefix = ""): Promise<FieldIssue[]> {
  const wanted = facts.statusMessages
    .map((status, index) => ({ id: status.screenshotId, index }))
    .filter((entry): entry is { id: string; index: number } => entry.id !== null);
  if (wanted.length === 0) return [];
  const validIds = wanted.map((entry) => entry.id).filter(isUuid);
  const found = validIds.length
    ? await tx.attachment.findMany({ where: { tenantId, id: { in: validIds } }, select: { id: true, caseId: true } })
    : [];
  const usable = new Set(found.filter((row) => row.caseId === null || row.caseId === caseId).map((row) => row.id));
  return wanted
    .filter((entry) => !usable.has(entry.id))
    .map((entry) => ({ path: `${prefix}statusMessages.${entry.index}.screenshotId`, message: "Screenshot not found: upload it first" }));
}

/** Attaches uploaded screenshots that were not tied to a case yet to this one. */
export async function claimScreenshots(tx: TenantTx, tenantId: string, caseId: string, facts: CaseFacts): Promise<void> {
  const ids = facts.statusMessages.map((status) => status.screenshotId).filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  await tx.attachment.updateMany({ where: { tenantId, id: { in: ids }, caseId: null }, data: { caseId } });
}
