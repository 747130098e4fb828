import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

export interface TenantMember {
  id: string;
  name: string;
}

/** Active members of the caller's tenant, by name: the people a case can be assigned to. */
export async function listTenantMembers(ctx: TenantContext): Promise<TenantMember[]> {
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.membership.findMany({
      where: { tenantId: ctx.tenantId, deactivatedAt: null, user: { disabledAt: null } },
      select: { userId: true, user: { select: { name: true } } },
    }),
  );
  return rows.map((row) => ({ id: row.userId, name: row.user.name })).sort((a, b) => a.name.localeCompare(b.name));
}
