import { z } from "zod";
import { issueApiToken } from "@/lib/auth/api-tokens";
import { roleRank, roleSchema } from "@/lib/tenancy/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { apiTokenSelect, apiTokenView, type CreatedApiToken } from "@/lib/api-tokens/api-token-views";
import { AppError } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import { actorUserId, type StaffActor, type TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

export const createApiTokenSchema = z.strictObject({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(80, "Name is too long (80 characters at most)"),
  role: roleSchema,
  expiresAt: z.iso
    .datetime({ offset: true, error: "expiresAt must be an ISO date and time, e.g. 2027-01-31T00:00:00Z" })
    .nullable()
    .optional(),
});

// Long-lived tokens are fine (integrations), but not forever by accident: at most five years ahead.
const MAX_LIFETIME_MS = 5 * 366 * 24 * 3_600_000;

/**
 * Creates a token with a role never above its creator's (for a token creating a token, the
 * creator's role is that token's role). The secret is in the answer only; the database keeps its hash.
 */
export async function createApiToken(
  ctx: TenantContext & { actor: StaffActor },
  raw: unknown,
  options: { now?: Date } = {},
): Promise<CreatedApiToken> {
  const input = parseInput(createApiTokenSchema, raw);
  const now = options.now ?? new Date();
  if (roleRank(input.role) > roleRank(ctx.actor.role)) {
    throw new AppError("forbidden", `A token can't have a role above its creator's (${ctx.actor.role})`, {
      fields: [{ path: "role", message: `At most ${ctx.actor.role}` }],
    });
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) throw validationError([{ path: "expiresAt", message: "The expiry must be in the future" }]);
  if (expiresAt && expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS) {
    throw validationError([{ path: "expiresAt", message: "The expiry can be at most five years ahead" }]);
  }
  const { tenantId } = ctx;

  return withTenant(tenantId, async (tx) => {
    const issued = await issueApiToken(tx, tenantId, {
      name: input.name,
      role: input.role,
      createdById: actorUserId(ctx.actor),
      createdByTokenId: ctx.actor.kind === "api_token" ? ctx.actor.tokenId : null,
      expiresAt,
      now,
    });
    await recordAudit(tx, ctx, now, {
      action: "api_token.created",
      target: { type: "api_token", id: issued.id, label: `${issued.name} (${issued.prefix}…)` },
      before: null,
      after: { name: issued.name, role: issued.role, expiresAt: expiresAt?.toISOString() ?? null },
    });
    const row = await tx.apiToken.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: issued.id } }, select: apiTokenSelect });
    return { token: apiTokenView(row, now), secret: issued.token };
  });
}
