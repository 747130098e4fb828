import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { changeMember } from "@/lib/members/change-member";
import { MEMBER_OPERATIONS } from "@/lib/api/member-operations";

// PATCH /api/v1/members/{userId} — { role?, active? }: change the role, deactivate or reactivate;
// the last active admin can't be demoted or deactivated (409).
export const PATCH = apiRoute<{ userId: string }>(MEMBER_OPERATIONS.changeMember, async ({ ctx, request, params }) =>
  changeMember(ctx, params.userId, await readJson(request)),
);
