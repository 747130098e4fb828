import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/audit/audit-actions";
import { parseInput, validationError } from "@/lib/errors/validation";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { isUuid } from "@/lib/util/uuid";

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
  const after = query.cursor ? decodeAuditCursor(query.cursor) : null;
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
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.createdAt, last.id) : null,
  };
}

function encodeAuditCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), "utf8").toString("base64url");
}

function decodeAuditCursor(raw: string): { at: Date; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [at, id] = parsed as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && typeof id === "string" && isUuid(id)) return { at: new Date(at), id };
  }
  throw validationError([{ path: "cursor", message: "cursor is not valid: use the nextCursor of the previous page" }]);
}
