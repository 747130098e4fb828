import { loadCaseRecord } from "@/lib/cases/case-record";
import type { CaseView } from "@/lib/cases/view/case-view";
import { saveCase } from "@/lib/cases/save-case";
import { statusChange } from "@/lib/cases/status-transitions";
import type { ApproveEscalationInput, ReturnEscalationInput } from "@/lib/escalation/escalation-schemas";
import { claimForReview, reviewConflict } from "@/lib/escalation/review-conflict";
import type { TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * A supervisor's decision on a case in review (SPEC §4), inside the caller's transaction:
 * approve → escalated with Apple's case number; return → open with a reason the agent sees until
 * the case is submitted again or resolved. Version-checked: of two supervisors acting at once, the
 * second gets a 409 naming who decided first.
 */
export async function reviewEscalation(
  tx: TenantTx,
  ctx: TenantContext,
  caseId: string,
  input: ApproveEscalationInput | ReturnEscalationInput,
  now: Date,
): Promise<CaseView> {
  const { tenantId } = ctx;
  await claimForReview(tx, tenantId, caseId, input.version, now);
  const record = (await loadCaseRecord(tx, tenantId, caseId))!;
  if (record.row.status !== "escalation_review") throw await reviewConflict(tx, tenantId, caseId, "awaiting review");

  const packet = await tx.escalationPacket.findFirst({
    where: { tenantId, caseId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const packetId = packet?.id ?? null;

  if (input.action === "approve") {
    const change = statusChange(caseId, "escalation_review", "escalated", now, { escalation: "approved", appleCaseNumber: input.appleCaseNumber, packetId });
    return saveCase(tx, ctx, { record, now, data: { ...change.data, appleCaseNumber: input.appleCaseNumber }, events: [change.event] });
  }
  const change = statusChange(caseId, "escalation_review", "open", now, { escalation: "returned", reason: input.reason, packetId });
  return saveCase(tx, ctx, {
    record,
    now,
    data: { ...change.data, escalationReturnedAt: now, escalationReturnNote: input.reason },
    events: [change.event],
  });
}
