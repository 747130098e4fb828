import type { z } from "zod";
import { apiTokenSelect, apiTokenView, type apiTokenListSchema } from "@/lib/api-tokens/api-token-views";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** Every token of the tenant, newest first, revoked and expired ones included (they explain old calls). */
export async function listApiTokens(ctx: TenantContext, now = new Date()): Promise<z.infer<typeof apiTokenListSchema>> {
  const { tenantId } = ctx;
  const rows = await withTenant(tenantId, (tx) =>
    tx.apiToken.findMany({ where: { tenantId }, select: apiTokenSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  );
  return { items: rows.map((row) => apiTokenView(row, now)) };
}
