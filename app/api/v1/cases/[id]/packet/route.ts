import { apiRoute } from "@/app/_server/api-route";
import { getPacket } from "@/lib/escalation/get-packet";
import { ESCALATION_OPERATIONS } from "@/lib/api/escalation-operations";

// GET /api/v1/cases/{id}/packet — the escalation packet: the frozen submission (if any), the case
// as it is now, and what changed in between.
export const GET = apiRoute<{ id: string }>(ESCALATION_OPERATIONS.getEscalationPacket, async ({ ctx, params }) => getPacket(ctx, params.id));
