import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors/app-error";
import { lockTenantMembers } from "@/lib/members/members-lock";
import { invitationView, type InvitationView } from "@/lib/members/member-views";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { isUuid } from "@/lib/util/uuid";

/** Revokes a pending invitation: its link stops working at once. An accepted one can't be revoked (404). */
export async function revokeInvitation(ctx: TenantContext, unverifiedId: string, options: { now?: Date } = {}): Promise<InvitationView> {
  if (!isUuid(unverifiedId)) throw notFound("Invitation");
  const id = unverifiedId;
  const now = options.now ?? new Date();
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => {
    await lockTenantMembers(tx, tenantId);
    const row = await tx.invitation.findFirst({ where: { tenantId, id, acceptedAt: null, revokedAt: null } });
    if (!row) throw notFound("Invitation");
    await tx.invitation.update({ where: { tenantId_id: { tenantId, id } }, data: { revokedAt: now } });
    await recordAudit(tx, ctx, now, {
      action: "invitation.revoked",
      target: { type: "invitation", id, label: `${row.name} <${row.email}>` },
      before: { status: "pending", role: row.role },
      after: { status: "revoked", role: row.role },
    });
    return invitationView(row, now);
  });
}
