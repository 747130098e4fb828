import { notFound } from "@/lib/errors/app-error";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** The caller's tenant as shown to the caller itself (GET /api/v1/me). */
export async function getTenantSummary(ctx: TenantContext): Promise<{ id: string; name: string; slug: string }> {
  const tenant = await withTenant(ctx.tenantId, (tx) =>
    tx.tenant.findUnique({ where: { id: ctx.tenantId }, select: { id: true, name: true, slug: true } }),
  );
  if (!tenant) throw notFound("Tenant");
  return tenant;
}
