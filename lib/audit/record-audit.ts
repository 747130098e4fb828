import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction, AuditTargetType } from "@/lib/audit/audit-actions";
import { actorUserId, type TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// Appends to the administration log inside the caller's transaction, so a change and its entry
// commit together or not at all. The database refuses UPDATE and DELETE on AuditEntry.

export interface NewAuditEntry {
  action: AuditAction;
  target: { type: AuditTargetType; id: string | null; label: string };
  /** The state before and after, as plain JSON (never a secret or a hash). Null where none existed. */
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
}

export async function recordAudit(tx: TenantTx, ctx: TenantContext, now: Date, entry: NewAuditEntry): Promise<void> {
  await tx.auditEntry.create({
    data: {
      tenantId: ctx.tenantId,
      createdAt: now,
      actorKind: ctx.actor.kind,
      actorUserId: actorUserId(ctx.actor),
      actorTokenId: ctx.actor.kind === "api_token" ? ctx.actor.tokenId : null,
      actorLabel: ctx.actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      targetLabel: entry.target.label,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
