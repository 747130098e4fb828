import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { loadCaseView, type CaseView } from "@/lib/cases/view/case-view";
import { saveCase } from "@/lib/cases/save-case";
import { canSubmitFrom, statusChange } from "@/lib/cases/status-transitions";
import { buildPacketDocument } from "@/lib/escalation/build-packet";
import type { SubmitEscalationInput } from "@/lib/escalation/escalation-schemas";
import { insertPacket } from "@/lib/escalation/packet-store";
import { claimForReview, reviewConflict } from "@/lib/escalation/review-conflict";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * Submits a case for the supervisors' review (SPEC §4), inside the caller's transaction:
 * claims the version the agent saw, checks readiness as the server computes it now, freezes the
 * packet as it stands, and moves the case to escalation_review through saveCase. A case that is not
 * ready answers 409 with `missing`; a supervisor may submit it anyway with an override reason.
 */
export async function submitEscalation(
  tx: TenantTx,
  ctx: TenantContext & { actor: StaffActor },
  caseId: string,
  input: SubmitEscalationInput,
  now: Date,
): Promise<CaseView> {
  const { tenantId } = ctx;
  await claimForReview(tx, tenantId, caseId, input.version, now);
  const record = (await loadCaseRecord(tx, tenantId, caseId))!;
  const from = record.row.status;
  if (!canSubmitFrom(from)) throw await reviewConflict(tx, tenantId, caseId, "open");

  const { settings } = record;
  const view = (await loadCaseView(tx, tenantId, caseId, now, settings))!;
  const overrideReason = view.escalation.ready ? null : overrideFor(ctx.actor, input, view);

  const packetId = randomUUID();
  const note = input.note ?? null;
  const document = await buildPacketDocument(tx, tenantId, view, {
    kind: "submission",
    now,
    submission: { id: packetId, submittedAt: now.toISOString(), submittedBy: { kind: ctx.actor.kind, name: ctx.actor.label }, note, overrideReason },
  });
  // The frozen document shows the case as it leaves the agent: in review, at the version this write gives it.
  document.case = { ...document.case, status: "escalation_review", version: view.version };
  await insertPacket(tx, ctx, { id: packetId, caseId, caseVersion: view.version, submittedAt: now, note, overrideReason, document });

  const change = statusChange(caseId, from, "escalation_review", now, { escalation: "submitted", packetId, note, overrideReason });
  return saveCase(tx, ctx, {
    record,
    settings,
    now,
    data: { ...change.data, escalationSubmittedAt: now },
    events: [change.event],
  });
}

/** A not-ready case goes ahead only on a supervisor's stated reason. */
function overrideFor(actor: StaffActor, input: SubmitEscalationInput, view: CaseView): string {
  const { missing, criteria } = view.escalation;
  if (!input.override) {
    throw new AppError("conflict", `The case is not ready to escalate: ${missing.join("; ")}`, { missing, criteria });
  }
  if (!can(actor.role, "escalation:review")) {
    throw new AppError("forbidden", "Only a supervisor can submit a case that is not ready (with an override reason)", { missing });
  }
  return input.override;
}
