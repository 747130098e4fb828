import { z } from "zod";
import { invitationView, invitationViewSchema, memberSelect, memberView, memberViewSchema } from "@/lib/members/member-views";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const membersListSchema = z.object({
  members: z.array(memberViewSchema).meta({ description: "Active members first, then by name" }),
  invitations: z
    .array(invitationViewSchema)
    .meta({ description: "Invitations neither accepted nor revoked, newest first (expired ones too, so they can be sent again)" }),
});
export type MembersList = z.infer<typeof membersListSchema>;

export async function listMembers(ctx: TenantContext, now = new Date()): Promise<MembersList> {
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => {
    const members = (await tx.membership.findMany({ where: { tenantId }, select: memberSelect })).map(memberView);
    const invitations = await tx.invitation.findMany({
      where: { tenantId, acceptedAt: null, revokedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    members.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
    return { members, invitations: invitations.map((row) => invitationView(row, now)) };
  });
}
