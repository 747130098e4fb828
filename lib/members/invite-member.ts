import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { roleRank } from "@/lib/tenancy/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import { inviteMemberSchema } from "@/lib/members/member-schemas";
import { lockTenantMembers } from "@/lib/members/members-lock";
import { z } from "zod";
import { INVITATION_LIFETIME_MS, invitationView, invitationViewSchema } from "@/lib/members/member-views";
import { actorUserId, type StaffActor, type TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const issuedInvitationSchema = z.object({
  invitation: invitationViewSchema,
  url: z.string().meta({ description: "The invitee's one-time link (shown only now: the database keeps its hash); valid 7 days" }),
});
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;

/**
 * Adds a member by invitation: a one-time link, valid 7 days, that the admin hands over. The
 * invitee sets a password (or, having an account already, confirms theirs) and becomes a member.
 * An email that is already a member or already has a pending invitation is refused (400 on `email`).
 */
export async function inviteMember(ctx: TenantContext & { actor: StaffActor }, raw: unknown, options: { now?: Date } = {}): Promise<IssuedInvitation> {
  const input = parseInput(inviteMemberSchema, raw);
  if (roleRank(input.role) > roleRank(ctx.actor.role)) {
    throw new AppError("forbidden", "You can't invite someone with a role above your own", {
      fields: [{ path: "role", message: `At most ${ctx.actor.role}` }],
    });
  }
  const now = options.now ?? new Date();
  const { tenantId } = ctx;
  const token = newSecret("inv");

  return withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const member = await tx.membership.findFirst({ where: { tenantId, user: { email: input.email } }, select: { deactivatedAt: true } });
    if (member) {
      throw validationError([
        {
          path: "email",
          message: member.deactivatedAt
            ? `${input.email} is a deactivated member: reactivate them instead`
            : `${input.email} is already a member`,
        },
      ]);
    }
    const pending = await tx.invitation.findFirst({
      where: { tenantId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) throw validationError([{ path: "email", message: `${input.email} already has a pending invitation: revoke it to send a new one` }]);
    // An expired invitation for the same email is superseded, so only one stays listed.
    await tx.invitation.updateMany({ where: { tenantId, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });

    const row = await tx.invitation.create({
      data: {
        tenantId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hashSecret(token),
        createdById: actorUserId(ctx.actor),
        invitedBy: ctx.actor.label,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      },
    });
    await recordAudit(tx, ctx, now, {
      action: "member.invited",
      target: { type: "invitation", id: row.id, label: `${row.name} <${row.email}>` },
      before: null,
      after: { name: row.name, email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() },
    });
    return { invitation: invitationView(row, now), url: `/invitations/${token}` };
  });
}
