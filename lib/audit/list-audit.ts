import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/audit/audit-actions";
import { parseInput } from "@/lib/errors/validation";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { decodeTimeIdCursor, encodeTimeIdCursor } from "@/lib/util/time-id-cursor";

// The administration log, newest first, a page at a time (keyset on createdAt, id: a deep page
// costs what the first does; the log only grows).

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(100, "limit can be at most 100").default(50),
  cursor: z.string().max(200, "cursor is not valid: use the nextCursor of the previous page").optional()
    .meta({ description: "nextCursor of the page before", example: "WyIyMDI2LTExLTIwVDEwOjAwOjAwLjAwMFoiLCIwMTkzYTViMi03YzFlLTdkNGYtOGEyYi0zYzRkNWU2ZjdhOGIiXQ" }),
  action: z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]], { error: "Unknown action" }).optional(),
});

const auditActionSchema = z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]);

const auditEntryViewSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    actor: z.object({
      kind: z.enum(["user", "api_token", "customer", "system"]),
      label: z.string(),
      userId: z.uuid().nullable(),
      tokenId: z.uuid().nullable(),
    }),
    action: auditActionSchema,
    target: z.object({ type: z.enum(AUDIT_TARGET_TYPES), id: z.string().nullable(), label: z.string() }),
    before: z.unknown().meta({ description: "The changed thing before (null when it was created)" }),
    after: z.unknown().meta({ description: "The changed thing after" }),
  })
  .meta({ id: "AuditEntry" });

export const auditPageSchema = z.object({
  items: z.array(auditEntryViewSchema).meta({ description: "Newest first" }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next (older) page; null on the last" }),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export async function listAudit(ctx: TenantContext, raw: unknown): Promise<AuditPage> {
  const query = parseInput(auditQuerySchema, raw);
  const after = query.cursor ? decodeTimeIdCursor(query.cursor, "cursor", "cursor is not valid: use the nextCursor of the previous page") : null;
  const { tenantId } = ctx;
  const rows = await withTenant(tenantId, (tx) =>
    tx.auditEntry.findMany({
      where: {
        tenantId,
        ...(query.action ? { action: query.action } : {}),
        ...(after
          ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      actor: { kind: row.actorKind, label: row.actorLabel, userId: row.actorUserId, tokenId: row.actorTokenId },
      action: row.action as AuditAction,
      target: { type: row.targetType as AuditTargetType, id: row.targetId, label: row.targetLabel },
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
