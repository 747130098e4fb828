import { withLookup } from "@/lib/tenancy/with-tenant";
import type { Role } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/tenancy/context";

// The session cookie only says who signed in and into which tenant. Role and standing are read
// from the database on every request, so a deactivated or demoted user loses access at once.

export interface StaffIdentity {
  userId: string;
  tenantId: string;
}

export interface StaffContext extends TenantContext {
  actor: { kind: "user"; userId: string; role: Role; label: string };
  user: { id: string; name: string; email: string };
  tenant: { id: string; name: string; slug: string };
}

export async function resolveStaffContext(identity: StaffIdentity): Promise<StaffContext | null> {
  const found = await withLookup("user_id", identity.userId, async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: identity.tenantId, userId: identity.userId } },
      select: {
        role: true,
        deactivatedAt: true,
        tenant: { select: { id: true, name: true, slug: true } },
        user: { select: { id: true, name: true, email: true, disabledAt: true } },
      },
    });
    return membership;
  });
  if (!found || found.deactivatedAt || found.user.disabledAt) return null;
  return {
    tenantId: found.tenant.id,
    actor: { kind: "user", userId: found.user.id, role: found.role, label: found.user.name },
    user: { id: found.user.id, name: found.user.name, email: found.user.email },
    tenant: found.tenant,
  };
}

/** Active memberships of a user, for choosing the tenant at sign-in. */
export async function activeMemberships(userId: string) {
  return withLookup("user_id", userId, (tx) =>
    tx.membership.findMany({
      where: { userId, deactivatedAt: null },
      select: { tenantId: true, role: true, tenant: { select: { name: true, slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
  );
}
