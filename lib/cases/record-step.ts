import { notFound } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import { recordStepSchema } from "@/lib/cases/case-schemas";
import { loadCaseRecord } from "@/lib/cases/case-record";
import type { CaseView, StepView } from "@/lib/cases/case-view";
import { lockCase } from "@/lib/cases/lock-case";
import { isUuid } from "@/lib/util/uuid";
import { saveCase } from "@/lib/cases/save-case";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

// A step report may arrive a little ahead of the server clock; beyond this it is a typo.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records a tried step. Steps are appended, never merged, so concurrent reports cannot lose each
 * other and no version is needed; the case row is locked so the derived escalation column is
 * computed from every step. The facts' version is not bumped: a step does not invalidate an open edit.
 */
export async function recordStep(
  ctx: TenantContext,
  unverifiedCaseId: string,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<{ step: StepView; case: CaseView }> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const input = parseInput(recordStepSchema, raw);
  const now = options.now ?? new Date();
  const triedAt = input.triedAt ? new Date(input.triedAt) : now;
  if (triedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw validationError([{ path: "triedAt", message: "Tried at can't be in the future" }]);
  }
  const caseId = unverifiedCaseId;
  const { tenantId } = ctx;

  return withTenant(tenantId, async (tx) => {
    if (!(await lockCase(tx, tenantId, caseId))) throw notFound("Case");
    const step = await tx.triedStep.create({
      data: {
        tenantId,
        caseId,
        ruleId: input.ruleId,
        outcome: input.outcome,
        note: input.note,
        triedAt,
        recordedById: actorUserId(ctx.actor),
        actorKind: ctx.actor.kind,
        createdAt: now,
      },
    });
    const record = (await loadCaseRecord(tx, tenantId, caseId))!;
    const view = await saveCase(tx, ctx, {
      record,
      recordIsCurrent: true,
      now,
      events: [{ caseId, type: "step.recorded", data: { stepId: step.id, ruleId: step.ruleId, outcome: step.outcome, note: step.note } }],
    });
    return { step: view.steps.find((s) => s.id === step.id)!, case: view };
  });
}
