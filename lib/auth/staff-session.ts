import { withLookups, withTenant } from "@/lib/tenancy/with-tenant";
import type { Role } from "@/lib/tenancy/roles";
import type { TenantContext } from "@/lib/tenancy/context";
import { isUuid } from "@/lib/util/uuid";

// The session cookie only says who signed in, into which tenant, and which server-side session
// (StaffSession) it belongs to. Every request re-reads the membership and the session row, so a
// deactivated or demoted user loses access at once, signing out ends the session on the server,
// and no session outlives its absolute lifetime however active it is.

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface StaffIdentity {
  userId: string;
  tenantId: string;
  sessionId: string;
}

export interface StaffContext extends TenantContext {
  actor: { kind: "user"; userId: string; role: Role; label: string };
  user: { id: string; name: string; email: string };
  tenant: { id: string; name: string; slug: string };
}

/** Opens a session at sign-in; its id goes into the cookie. */
export async function startStaffSession(identity: Omit<StaffIdentity, "sessionId">, now = new Date(), expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS)): Promise<string> {
  const { tenantId, userId } = identity;
  const row = await withTenant(tenantId, (tx) => tx.staffSession.create({ data: { tenantId, userId, createdAt: now, expiresAt }, select: { id: true } }));
  return row.id;
}

/**
 * Switching tenant: the session (a row of the tenant it was opened in) ends there and a new one
 * opens in the other tenant with the same absolute end, so switching never extends a session.
 * The caller has checked the membership in `toTenantId`. Returns the new session's id.
 */
export async function moveStaffSession(identity: StaffIdentity, toTenantId: string, now = new Date()): Promise<string> {
  const { tenantId, sessionId, userId } = identity;
  const old = await withTenant(tenantId, async (tx) => {
    const row = await tx.staffSession.findUnique({ where: { tenantId_id: { tenantId, id: sessionId } }, select: { expiresAt: true, revokedAt: true, userId: true } });
    await tx.staffSession.updateMany({ where: { tenantId, id: sessionId, revokedAt: null }, data: { revokedAt: now } });
    return row;
  });
  // A session that already ended stays ended: the new one is born expired and every request refuses it.
  const expiresAt = old && !old.revokedAt && old.userId === userId ? old.expiresAt : now;
  return startStaffSession({ userId, tenantId: toTenantId }, now, expiresAt);
}

/** Signing out: the session stops working on the server, whoever still holds the cookie. */
export async function endStaffSession(identity: Pick<StaffIdentity, "tenantId" | "sessionId">, now = new Date()): Promise<void> {
  const { tenantId, sessionId } = identity;
  await withTenant(tenantId, (tx) => tx.staffSession.updateMany({ where: { tenantId, id: sessionId, revokedAt: null }, data: { revokedAt: now } }));
}

export async function resolveStaffContext(identity: StaffIdentity, now = new Date()): Promise<StaffContext | null> {
  // The cookie is signed, but a malformed id must still be "no session", never a database error.
  if (![identity.userId, identity.tenantId, identity.sessionId].every(isUuid)) return null;
  const found = await withLookups({ user_id: identity.userId, session_id: identity.sessionId }, async (tx) => {
    const session = await tx.staffSession.findUnique({
      where: { tenantId_id: { tenantId: identity.tenantId, id: identity.sessionId } },
      select: { userId: true, expiresAt: true, revokedAt: true },
    });
    if (!session || session.userId !== identity.userId || session.revokedAt || session.expiresAt <= now) return null;
    return tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: identity.tenantId, userId: identity.userId } },
      select: {
        role: true,
        deactivatedAt: true,
        tenant: { select: { id: true, name: true, slug: true } },
        user: { select: { id: true, name: true, email: true, disabledAt: true } },
      },
    });
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
  return withLookups({ user_id: userId }, (tx) =>
    tx.membership.findMany({
      where: { userId, deactivatedAt: null },
      select: { tenantId: true, role: true, tenant: { select: { name: true, slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
  );
}
