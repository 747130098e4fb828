import { z } from "zod";
import { defineOperations } from "@/lib/api/api-operation";
import { DEMO_INVITATION } from "@/lib/api/examples/admin-examples";
import { changeMemberSchema, inviteMemberSchema } from "@/lib/members/member-schemas";
import { memberViewSchema, invitationViewSchema } from "@/lib/members/member-views";
import { membersListSchema } from "@/lib/members/list-members";
import { issuedInvitationSchema } from "@/lib/members/invite-member";

// The contracts of app/api/v1/members/** and app/api/v1/invitations/** (tenant administration).

const noStore = z.object({ "Cache-Control": z.literal("no-store") });

export const MEMBER_OPERATIONS = defineOperations({
  listMembers: {
    method: "get",
    path: "/api/v1/members",
    summary: "List members and pending invitations",
    description: "Name, email, role, whether active, last sign-in; invitations neither accepted nor withdrawn.",
    tag: "Administration",
    access: { kind: "staff", permission: "users:manage" },
    response: { status: 200, description: "The tenant's members and invitations", body: membersListSchema },
    errors: [],
  },
  inviteMember: {
    method: "post",
    path: "/api/v1/members",
    summary: "Invite a member",
    description:
      "Answers a one-time link (valid 7 days) to hand over: the invitee sets a password (or, with an account elsewhere, confirms theirs) and joins with the role. A role above the caller's is a `403`; an email that is already a member or invited is a `400` on `email`.",
    tag: "Administration",
    access: { kind: "staff", permission: "users:manage" },
    request: { body: inviteMemberSchema, example: DEMO_INVITATION },
    response: { status: 201, description: "The invitation and its link (shown only now)", body: issuedInvitationSchema, headers: noStore },
    errors: [400],
  },
  changeMember: {
    method: "patch",
    path: "/api/v1/members/{userId}",
    summary: "Change a member's role, deactivate or reactivate them",
    description:
      "Takes effect at the member's next request. The last active admin can't be demoted or deactivated (`409`). A role above the caller's is a `403`.",
    tag: "Administration",
    access: { kind: "staff", permission: "users:manage" },
    request: {
      path: z.object({ userId: z.uuid().meta({ description: "The member's user id (from the member list)" }) }),
      body: changeMemberSchema,
      example: { active: true },
    },
    response: { status: 200, description: "The member after the change", body: memberViewSchema },
    errors: [400, 404, 409],
  },
  revokeInvitation: {
    method: "delete",
    path: "/api/v1/invitations/{id}",
    summary: "Withdraw a pending invitation",
    description: "Its link stops working at once.",
    tag: "Administration",
    access: { kind: "staff", permission: "users:manage" },
    request: { path: z.object({ id: z.uuid().meta({ description: "The invitation's id" }) }) },
    response: { status: 200, description: "The invitation as it was", body: invitationViewSchema },
    errors: [404],
  },
});
