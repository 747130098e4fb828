import { AppError, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validation";
import { assertCan } from "@/lib/auth/permissions";
import type { CaseView } from "@/lib/cases/view/case-view";
import { ESCALATION_ACTION_PERMISSION, escalationActionSchema } from "@/lib/escalation/escalation-schemas";
import { reviewEscalation } from "@/lib/escalation/review-escalation";
import { submitEscalation } from "@/lib/escalation/submit-escalation";
import { isUuid } from "@/lib/util/uuid";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/**
 * POST /api/v1/cases/{id}/escalation and the review forms: validates the body (400 naming each bad
 * field), checks the action's permission (submit: agent and up; approve/return: supervisor and
 * up, else 403), then runs it in one transaction. Any refusal leaves nothing written.
 */
export async function runEscalationAction(
  ctx: TenantContext,
  unverifiedCaseId: string,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<CaseView> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const input = parseInput(escalationActionSchema, raw);
  const actor = staffActor(ctx);
  assertCan(actor.role, ESCALATION_ACTION_PERMISSION[input.action]);
  const caseId = unverifiedCaseId;
  const now = options.now ?? new Date();
  const staffCtx = { tenantId: ctx.tenantId, actor };

  return withTenant(ctx.tenantId, (tx) =>
    input.action === "submit" ? submitEscalation(tx, staffCtx, caseId, input, now) : reviewEscalation(tx, staffCtx, caseId, input, now),
  );
}

function staffActor(ctx: TenantContext): StaffActor {
  if (ctx.actor.kind === "user" || ctx.actor.kind === "api_token") return ctx.actor;
  throw new AppError("forbidden", "Only staff and API tokens take part in the escalation review");
}
