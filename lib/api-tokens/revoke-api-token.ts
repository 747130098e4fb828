import { roleRank } from "@/lib/tenancy/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { apiTokenSelect, apiTokenView, type ApiTokenView } from "@/lib/api-tokens/api-token-views";
import { forgetApiToken } from "@/lib/auth/api-tokens";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { isUuid } from "@/lib/util/uuid";

/**
 * Revokes a token: its next request to this instance is a 401, on other instances within 5 s
 * (they remember a valid token that long, decision 0084). Revoking a revoked token changes nothing
 * and answers it as it is.
 */
export async function revokeApiToken(
  ctx: TenantContext & { actor: StaffActor },
  unverifiedId: string,
  options: { now?: Date } = {},
): Promise<ApiTokenView> {
  if (!isUuid(unverifiedId)) throw notFound("API token");
  const id = unverifiedId;
  const now = options.now ?? new Date();
  const { tenantId } = ctx;
  const view = await withTenant(tenantId, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ApiToken" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFound("API token");
    const row = await tx.apiToken.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } }, select: apiTokenSelect });
    if (row.revokedAt) return apiTokenView(row, now);
    if (roleRank(row.role) > roleRank(ctx.actor.role)) {
      throw new AppError("forbidden", `Only someone with the ${row.role} role can revoke this token`);
    }
    const revoked = await tx.apiToken.update({ where: { tenantId_id: { tenantId, id } }, data: { revokedAt: now }, select: apiTokenSelect });
    await recordAudit(tx, ctx, now, {
      action: "api_token.revoked",
      target: { type: "api_token", id, label: `${row.name} (${row.prefix}…)` },
      before: { status: apiTokenView(row, now).status, role: row.role },
      after: { status: "revoked", role: row.role },
    });
    return apiTokenView(revoked, now);
  });
  // After the commit: forgotten earlier, a request in between could remember the token again.
  forgetApiToken(id);
  return view;
}
