import type { Prisma, StepOutcome } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import { recordStepSchema } from "@/lib/cases/schemas/case-schemas";
import type { NewCaseEvent } from "@/lib/cases/case-events";
import { loadCaseRecord } from "@/lib/cases/case-record";
import type { CaseView, StepView } from "@/lib/cases/view/case-view";
import { stepView } from "@/lib/cases/case-history";
import { lockCase } from "@/lib/cases/lock-case";
import { isUuid } from "@/lib/util/uuid";
import { saveCase } from "@/lib/cases/save-case";
import type { RuleSettings } from "@/lib/rules/settings";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";

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
    return appendStep(tx, ctx, {
      caseId,
      step: { ruleId: input.ruleId, outcome: input.outcome, note: input.note, noteVisibleToCustomer: input.noteVisibleToCustomer, triedAt },
      now,
    });
  });
}

export interface NewStep {
  ruleId: string;
  outcome: StepOutcome;
  note: string | null;
  noteVisibleToCustomer: boolean;
  triedAt: Date;
}

/**
 * Appends one step to a case whose row the caller has locked, then ends the write through saveCase
 * with the `step.recorded` event (plus the caller's own column changes and events, e.g. a status
 * move). Shared by staff steps and customer reports so every step is written the same way.
 */
export async function appendStep(
  tx: TenantTx,
  ctx: TenantContext,
  write: { caseId: string; step: NewStep; now: Date; data?: Prisma.CaseUncheckedUpdateInput; events?: NewCaseEvent[]; settings?: RuleSettings },
): Promise<{ step: StepView; case: CaseView }> {
  const { tenantId } = ctx;
  const { caseId, step: input, now } = write;
  const step = await tx.triedStep.create({
    data: {
      tenantId,
      caseId,
      ruleId: input.ruleId,
      outcome: input.outcome,
      note: input.note,
      noteVisibleToCustomer: input.noteVisibleToCustomer,
      triedAt: input.triedAt,
      recordedById: actorUserId(ctx.actor),
      actorKind: ctx.actor.kind,
      createdAt: now,
    },
  });
  const record = (await loadCaseRecord(tx, tenantId, caseId))!;
  const view = await saveCase(tx, ctx, {
    record,
    // Read after the step was inserted, and a step changes no relation the view shows (decision 0083).
    recordIsCurrent: true,
    now,
    settings: write.settings,
    data: write.data,
    events: [
      { caseId, type: "step.recorded", data: { stepId: step.id, ruleId: step.ruleId, outcome: step.outcome, note: step.note, noteVisibleToCustomer: step.noteVisibleToCustomer } },
      ...(write.events ?? []),
    ],
  });
  // Built from the row itself: the new step need not be among the latest the view shows.
  return { step: stepView(step, { kind: ctx.actor.kind, name: ctx.actor.label }), case: view };
}
