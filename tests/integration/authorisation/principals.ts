import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/tenancy/roles";
import { endStaffSession, startStaffSession } from "@/lib/auth/staff-session";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { inviteMember } from "@/lib/members/invite-member";
import { getRuleSettings } from "@/lib/rule-settings/rule-settings-view";
import { adminPool } from "@/tests/support/admin-db";
import { apiContext, createTestCase } from "@/tests/support/case-factory";
import { sessionCookie } from "@/tests/support/sessions";
import { issueTestToken } from "@/tests/support/tokens";

// Everyone the authorisation matrix asks on behalf of. Tenant A owns the things asked about;
// tenant B's admin is the neighbour who must get 404s. Each principal is the headers it sends
// (a session cookie, a bearer token) or, for customer routes, the link it holds.

type PrincipalKind = "anonymous" | "customer-link" | "session" | "api-token";

export interface Principal {
  name: string;
  kind: PrincipalKind;
  /** The role a valid session or token acts with; null for no valid credential. */
  role: Role | null;
  /** true for tenant B's admin: tenant A's things must not exist for it. */
  foreign: boolean;
  headers: Record<string, string>;
  /** For customer routes: the link token this principal holds (null: a valid link of tenant A). */
  customerToken: string | null;
  /** The state of the link a customer route is asked with: valid → ok, revoked or expired → 410, unknown → 404. */
  linkState: "valid" | "revoked" | "expired" | "unknown";
}

export interface Fixture {
  tenantA: string;
  tenantB: string;
  /** A service-level caller in tenant A, to set things up. */
  ctxA: TenantContext;
  /** One case of tenant A that every read is about. */
  caseA: { id: string; version: number; customerName: string };
  /** A fresh case of tenant A for a write that changes it. */
  newCase(): Promise<{ id: string; version: number }>;
  /** A member of tenant A (an assignee that exists). */
  agentUserId: string;
  /** Tenant A's admin, as a service-level caller (sets up invitations and tokens). */
  adminA: TenantContext & { actor: StaffActor };
  /** A fresh agent of tenant A, for a change to a member. */
  newMember(): Promise<string>;
  /** A fresh pending invitation of tenant A: its id and the secret of its link. */
  newInvitation(): Promise<{ id: string; token: string }>;
  /** A fresh agent API token of tenant A (its id). */
  newApiToken(): Promise<string>;
  /** Tenant A's rulebook settings version now (a save must send it). */
  ruleSettingsVersion(): Promise<number>;
  validLinkToken: string;
  /** A step the customer of caseA may report on (one of the case's suggestions). */
  customerRuleId: string;
  attachmentA: string;
  principals: Principal[];
}

const unique = () => randomUUID().slice(0, 8);
/** Every member of the matrix's tenants signs in with it. */
export const MATRIX_PASSWORD = "matrix-password-123456";

export async function createFixture(): Promise<Fixture> {
  const suffix = unique();
  const password = MATRIX_PASSWORD;
  const a = await createTenantWithMembers({
    name: `Matrix A ${suffix}`,
    slug: `matrix-a-${suffix}`,
    members: (["agent", "supervisor", "admin", "agent"] as Role[]).map((role, index) => ({ email: `${role}${index}-${suffix}@a.example`, name: `A ${role} ${index}`, role, password })),
  });
  const b = await createTenantWithMembers({
    name: `Matrix B ${suffix}`,
    slug: `matrix-b-${suffix}`,
    members: [{ email: `admin-${suffix}@b.example`, name: "B admin", role: "admin", password }],
  });
  const [agentId, supervisorId, adminId, deactivatedId] = a.userIds as [string, string, string, string];
  const ctxA = apiContext(a.tenantId);
  const adminA = { tenantId: a.tenantId, actor: { kind: "user" as const, userId: adminId, role: "admin" as const, label: "A admin 2" } };
  const created = await createTestCase(ctxA, { customer: { name: `Matrix Customer ${suffix}`, email: null } });

  // A member deactivated after signing in: the cookie is still valid, the membership is not.
  const deactivatedCookie = await sessionCookie({ userId: deactivatedId, tenantId: a.tenantId });
  await adminPool().query(`UPDATE "Membership" SET "deactivatedAt" = now() WHERE "tenantId" = $1 AND "userId" = $2`, [a.tenantId, deactivatedId]);
  // A session that was signed out: the cookie still decrypts, the server has ended it.
  const signedOutSession = await startStaffSession({ userId: agentId, tenantId: a.tenantId });
  const signedOutCookie = await sessionCookie({ userId: agentId, tenantId: a.tenantId }, { sessionId: signedOutSession });
  await endStaffSession({ tenantId: a.tenantId, sessionId: signedOutSession });

  const revokedLink = (await rotateCustomerLink(ctxA, created.id)).token;
  const validLink = (await rotateCustomerLink(ctxA, created.id)).token; // rotating revoked the first
  const otherCase = await createTestCase(ctxA);
  const expiredLink = (await rotateCustomerLink(ctxA, otherCase.id)).token;
  await adminPool().query(`UPDATE "CustomerLink" SET "createdAt" = now() - interval '400 days' WHERE "tenantId" = $1 AND "caseId" = $2`, [a.tenantId, otherCase.id]);

  // Shaped like a link, never issued: a guess.
  const unknownLink = `c_${randomUUID().replaceAll("-", "")}${randomUUID().replaceAll("-", "").slice(0, 11)}`;

  const expiredToken = await issueTestToken(a.tenantId, "admin", { expiresAt: new Date(Date.now() - 60_000) });
  const { rows } = await adminPool().query(
    `INSERT INTO "Attachment" ("tenantId", "id", "caseId", "contentType", "sizeBytes", "sha256", "data") VALUES ($1, $2, $3, 'image/png', 8, 'x', '\\x89504e470d0a1a0a') RETURNING id`,
    [a.tenantId, randomUUID(), created.id],
  );

  const session = async (userId: string, tenantId: string) => ({ cookie: await sessionCookie({ userId, tenantId }) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const nobody = { role: null, foreign: false, customerToken: null, linkState: "valid" as const };
  const principals: Principal[] = [
    { ...nobody, name: "anonymous", kind: "anonymous", headers: {} },
    { ...nobody, name: "valid customer link", kind: "customer-link", headers: bearer(validLink), customerToken: validLink, linkState: "valid" },
    { ...nobody, name: "unknown customer link", kind: "customer-link", headers: bearer(unknownLink), customerToken: unknownLink, linkState: "unknown" },
    { ...nobody, name: "revoked customer link", kind: "customer-link", headers: bearer(revokedLink), customerToken: revokedLink, linkState: "revoked" },
    { ...nobody, name: "expired customer link", kind: "customer-link", headers: bearer(expiredLink), customerToken: expiredLink, linkState: "expired" },
    { ...nobody, name: "agent", kind: "session", role: "agent", headers: await session(agentId, a.tenantId) },
    { ...nobody, name: "supervisor", kind: "session", role: "supervisor", headers: await session(supervisorId, a.tenantId) },
    { ...nobody, name: "admin", kind: "session", role: "admin", headers: await session(adminId, a.tenantId) },
    { ...nobody, name: "deactivated user", kind: "session", headers: { cookie: deactivatedCookie } },
    { ...nobody, name: "signed-out session", kind: "session", headers: { cookie: signedOutCookie } },
    { ...nobody, name: "another tenant's admin", kind: "session", role: "admin", foreign: true, headers: await session(b.userIds[0]!, b.tenantId) },
    { ...nobody, name: "agent API token", kind: "api-token", role: "agent", headers: bearer(await issueTestToken(a.tenantId, "agent")) },
    { ...nobody, name: "supervisor API token", kind: "api-token", role: "supervisor", headers: bearer(await issueTestToken(a.tenantId, "supervisor")) },
    { ...nobody, name: "admin API token", kind: "api-token", role: "admin", headers: bearer(await issueTestToken(a.tenantId, "admin")) },
    { ...nobody, name: "expired API token", kind: "api-token", headers: bearer(expiredToken) },
    { ...nobody, name: "another tenant's admin API token", kind: "api-token", role: "admin", foreign: true, headers: bearer(await issueTestToken(b.tenantId, "admin")) },
  ];

  return {
    tenantA: a.tenantId,
    tenantB: b.tenantId,
    ctxA,
    caseA: { id: created.id, version: created.version, customerName: created.facts.customer.name },
    newCase: async () => {
      const fresh = await createTestCase(ctxA);
      return { id: fresh.id, version: fresh.version };
    },
    agentUserId: agentId,
    adminA,
    newMember: async () => {
      const userId = randomUUID();
      await adminPool().query(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ($1, $2, 'Matrix member', 'x')`, [userId, `member-${unique()}-${suffix}@a.example`]);
      await adminPool().query(`INSERT INTO "Membership" ("tenantId", "userId", "role") VALUES ($1, $2, 'agent')`, [a.tenantId, userId]);
      return userId;
    },
    newInvitation: async () => {
      const issued = await inviteMember(adminA, { name: "Matrix invitee", email: `invitee-${unique()}-${suffix}@a.example`, role: "agent" });
      return { id: issued.invitation.id, token: issued.url.split("/").pop()! };
    },
    newApiToken: async () => (await createApiToken(adminA, { name: `Matrix token ${unique()}`, role: "agent" })).token.id,
    ruleSettingsVersion: async () => (await getRuleSettings(ctxA)).version,
    validLinkToken: validLink,
    customerRuleId: created.suggestions[0]!.ruleId,
    attachmentA: rows[0].id as string,
    principals,
  };
}
