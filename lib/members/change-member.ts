import { roleRank } from "@/lib/tenancy/roles";
import { recordAudit, type NewAuditEntry } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validation";
import { changeMemberSchema } from "@/lib/members/member-schemas";
import { lockTenantMembers } from "@/lib/members/members-lock";
import { memberSelect, memberView, type MemberView } from "@/lib/members/member-views";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { isUuid } from "@/lib/util/uuid";

/**
 * Changes a member's role and/or deactivates or reactivates them. Access follows at the member's
 * next request (their role and standing are read from the database on every request). The last
 * active admin can't be demoted or deactivated: the tenant would have nobody to run it (409).
 */
export async function changeMember(
  ctx: TenantContext & { actor: StaffActor },
  unverifiedUserId: string,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<MemberView> {
  const input = parseInput(changeMemberSchema, raw);
  if (!isUuid(unverifiedUserId)) throw notFound("Member");
  const userId = unverifiedUserId;
  if (input.role && roleRank(input.role) > roleRank(ctx.actor.role)) {
    throw new AppError("forbidden", "You can't give a role above your own", { fields: [{ path: "role", message: `At most ${ctx.actor.role}` }] });
  }
  const now = options.now ?? new Date();
  const { tenantId } = ctx;

  return withTenant(tenantId, async (tx) => {
    // Under the lock, the count of other active admins below can't change until this commits.
    await lockTenantMembers(tx, tenantId);
    const row = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: memberSelect });
    if (!row) throw notFound("Member");
    const before = memberView(row);
    const role = input.role ?? before.role;
    const active = input.active ?? !row.deactivatedAt;
    const wasActive = !row.deactivatedAt;
    if (role === before.role && active === wasActive) return before;

    if (before.role === "admin" && before.active && (role !== "admin" || !active)) {
      const otherAdmins = await tx.membership.count({
        where: { tenantId, role: "admin", deactivatedAt: null, userId: { not: userId }, user: { disabledAt: null } },
      });
      if (otherAdmins === 0) {
        throw new AppError(
          "conflict",
          `${before.name} is the last active admin of this tenant. Make another member an admin first, then ${active ? "change this role" : "deactivate them"}.`,
        );
      }
    }

    const updated = await tx.membership.update({
      where: { tenantId_userId: { tenantId, userId } },
      data: { role, deactivatedAt: active ? null : wasActive ? now : row.deactivatedAt },
      select: memberSelect,
    });
    const target = { type: "member" as const, id: userId, label: `${before.name} <${before.email}>` };
    const entries: NewAuditEntry[] = [];
    if (role !== before.role) entries.push({ action: "member.role_changed", target, before: { role: before.role }, after: { role } });
    if (active !== wasActive) {
      entries.push({ action: active ? "member.reactivated" : "member.deactivated", target, before: { active: wasActive }, after: { active } });
    }
    for (const entry of entries) await recordAudit(tx, ctx, now, entry);
    return memberView(updated);
  });
}
