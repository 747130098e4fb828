import { apiRoute } from "@/app/_server/api-route";
import { getPacket } from "@/lib/escalation/get-packet";

// GET /api/v1/cases/{id}/packet — the escalation packet: the frozen submission (if any), the case
// as it is now, and what changed in between.
export const GET = apiRoute<{ id: string }>("case:read", async ({ ctx, params }) => getPacket(ctx, params.id));
