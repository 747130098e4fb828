import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listMembersRoute, POST as inviteRoute } from "@/app/api/v1/members/route";
import { PATCH as changeMemberRoute } from "@/app/api/v1/members/[userId]/route";
import { DELETE as revokeInvitationRoute } from "@/app/api/v1/invitations/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/api-tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/api-tokens/[id]/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/v1/rule-settings/route";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { changeRoleAction, inviteMemberAction, revokeInvitationAction, setActiveAction } from "@/app/(staff)/admin/members/actions";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(staff)/admin/api-tokens/actions";
import { ruleSettingsAction } from "@/app/(staff)/admin/rules/actions";
import { INITIAL_FORM_STATE, type FormState } from "@/components/ui/form-state";
import { inviteMember } from "@/lib/members/invite-member";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool, rowCounts, userIdByEmail } from "@/tests/support/admin-db";
import { personContext } from "@/tests/support/admin-context";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";
import { runInRequest } from "@/tests/support/request-scope";
import { sessionCookie } from "@/tests/support/sessions";

// Every administration route and server action, for every role that may not use it, and for
// another tenant's admin: refused, and nothing written.

// Server actions run here as in Next: the session comes from the request's session cookie (a
// server-side session of whoever the test says is signed in).
type Person = { userId: string; tenantId: string };
async function asPerson<T>(person: Person | null, run: () => Promise<T>): Promise<T> {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (person) headers.cookie = await sessionCookie(person);
  return runInRequest(headers, run);
}

let tenant: ProvisionedTenant;
let other: ProvisionedTenant;
const ids = { member: "", invitation: "", token: "" };
const people: Record<"agent" | "supervisor" | "admin" | "otherAdmin", { userId: string; tenantId: string }> = {} as never;

async function addPerson(target: ProvisionedTenant, role: "agent" | "supervisor") {
  const email = `${role}.${Date.now().toString(36)}@authz.example`;
  const admin = await personContext(target.tenantId, target.admin.email, "admin");
  const { url } = await inviteMember(admin, { name: `Authz ${role}`, email, role });
  const { acceptInvitation } = await import("@/lib/members/accept-invitation");
  await acceptInvitation(url.split("/").pop()!, { name: `Authz ${role}`, password: "authorisation test pw", confirmPassword: "authorisation test pw" });
  return { userId: await userIdByEmail(email), tenantId: target.tenantId };
}

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Authz Tenant" });
  other = await provisionTenant({ name: "Authz Other" });
  people.agent = await addPerson(tenant, "agent");
  people.supervisor = await addPerson(tenant, "supervisor");
  people.admin = { userId: await userIdByEmail(tenant.admin.email), tenantId: tenant.tenantId };
  people.otherAdmin = { userId: await userIdByEmail(other.admin.email), tenantId: other.tenantId };
  ids.member = people.agent.userId;
  const admin = await personContext(tenant.tenantId, tenant.admin.email, "admin");
  ids.invitation = (await inviteMember(admin, { name: "Pending", email: "pending@authz.example", role: "agent" })).invitation.id;
  const created = await call(createTokenRoute, "POST", "/x", { token: tenant.apiToken, body: { name: "Target token", role: "agent" } });
  ids.token = created.body.token.id;
});
afterAll(closeAdminPool);

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(key, v);
  return data;
};

type ActionCase = [name: string, run: () => Promise<FormState<unknown>>, idBased: boolean];
const ACTIONS: ActionCase[] = [
  ["invite a member", () => inviteMemberAction(INITIAL_FORM_STATE, form({ name: "Sneaky", email: "sneaky@authz.example", role: "admin" })), false],
  ["change a role", () => changeRoleAction(ids.member, INITIAL_FORM_STATE, form({ role: "admin" })), true],
  ["deactivate a member", () => setActiveAction(ids.member, false, INITIAL_FORM_STATE, form({})), true],
  ["revoke an invitation", () => revokeInvitationAction(ids.invitation, INITIAL_FORM_STATE, form({})), true],
  ["create an API token", () => createApiTokenAction(INITIAL_FORM_STATE, form({ name: "Sneaky", role: "agent" })), false],
  ["revoke an API token", () => revokeApiTokenAction(ids.token, INITIAL_FORM_STATE, form({})), true],
  ["save rule settings", () => ruleSettingsAction(INITIAL_FORM_STATE, form({ version: "1", enabled: [] })), false],
  ["reset rule settings", () => ruleSettingsAction(INITIAL_FORM_STATE, form({ version: "1", intent: "reset" })), false],
];

describe("administration server actions", () => {
  it.each(ACTIONS)("%s: agents and supervisors are refused (forbidden) and nothing is written", async (_name, run) => {
    for (const role of ["agent", "supervisor"] as const) {
      const before = await rowCounts();
      const state = await asPerson(people[role], run);
      expect(state.ok, role).toBe(false);
      expect(state.error?.code, role).toBe("forbidden");
      expect(await rowCounts()).toEqual(before);
    }
  });

  it.each(ACTIONS.filter(([, , idBased]) => idBased))("%s: another tenant's admin gets not found, nothing written", async (_name, run) => {
    const before = await rowCounts();
    const state = await asPerson(people.otherAdmin, run);
    expect(state.error?.code).toBe("not_found");
    expect(await rowCounts()).toEqual(before);
  });

  it("signed out: every action answers unauthenticated", async () => {
    for (const [name, run] of ACTIONS) expect((await asPerson(null, run)).error?.code, name).toBe("unauthenticated");
  });

  it("the tenant's own admin may (so the refusals above are about the role)", async () => {
    const state = await asPerson(people.admin, () => createApiTokenAction(INITIAL_FORM_STATE, form({ name: "Allowed", role: "agent", expiresOn: "" })));
    expect(state).toMatchObject({ ok: true, data: { name: "Allowed", secret: expect.stringMatching(/^pst_/) } });
  });
});

type RouteCase = [name: string, run: (token: string) => Promise<{ status: number }>, idBased: boolean];
const ROUTES: RouteCase[] = [
  ["GET /members", (token) => call(listMembersRoute, "GET", "/x", { token }), false],
  ["POST /members", (token) => call(inviteRoute, "POST", "/x", { token, body: { name: "S", email: "s@authz.example", role: "agent" } }), false],
  ["PATCH /members/{id}", (token) => call<{ userId: string }>(changeMemberRoute, "PATCH", "/x", { token, params: { userId: ids.member }, body: { role: "admin" } }), true],
  ["DELETE /invitations/{id}", (token) => call<{ id: string }>(revokeInvitationRoute, "DELETE", "/x", { token, params: { id: ids.invitation } }), true],
  ["GET /api-tokens", (token) => call(listTokensRoute, "GET", "/x", { token }), false],
  ["POST /api-tokens", (token) => call(createTokenRoute, "POST", "/x", { token, body: { name: "S", role: "agent" } }), false],
  ["DELETE /api-tokens/{id}", (token) => call<{ id: string }>(revokeTokenRoute, "DELETE", "/x", { token, params: { id: ids.token } }), true],
  ["GET /rule-settings", (token) => call(getSettingsRoute, "GET", "/x", { token }), false],
  ["PUT /rule-settings", (token) => call(putSettingsRoute, "PUT", "/x", { token, body: { version: 1, disabledRules: [], thresholds: {} } }), false],
  ["GET /audit", (token) => call(auditRoute, "GET", "/x", { token }), false],
];

describe("administration API routes", () => {
  it.each(ROUTES)("%s: agent and supervisor tokens get 403, nothing written", async (_name, run) => {
    for (const role of ["agent", "supervisor"] as const) {
      const token = await issueTestToken(tenant.tenantId, role);
      const before = await rowCounts();
      expect((await run(token)).status, role).toBe(403);
      expect(await rowCounts()).toEqual(before);
    }
  });

  it.each(ROUTES.filter(([, , idBased]) => idBased))("%s: another tenant's admin gets 404, nothing written", async (_name, run) => {
    const before = await rowCounts();
    expect((await run(other.apiToken)).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});
