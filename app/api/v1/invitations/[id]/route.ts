import { apiRoute } from "@/app/_server/api-route";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { MEMBER_OPERATIONS } from "@/lib/api/member-operations";

// DELETE /api/v1/invitations/{id} — withdraw a pending invitation; its link stops working at once.
export const DELETE = apiRoute<{ id: string }>(MEMBER_OPERATIONS.revokeInvitation, async ({ ctx, params }) => revokeInvitation(ctx, params.id));
