import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { runEscalationAction } from "@/lib/escalation/escalation-action";
import { ESCALATION_OPERATIONS } from "@/lib/api/escalation-operations";

// POST /api/v1/cases/{id}/escalation — { action: "submit" | "approve" | "return", version, … }:
// submit for review (agent and up), approve with Apple's case number or return with a reason
// (supervisor and up). Answers the case; not ready → 409 with `missing`; stale → 409 naming who acted.
export const POST = apiRoute<{ id: string }>(ESCALATION_OPERATIONS.escalationAction, async ({ ctx, request, params }) =>
  runEscalationAction(ctx, params.id, await readJson(request)),
);
