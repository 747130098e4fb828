import { randomUUID } from "node:crypto";
import { runEscalationAction } from "@/lib/escalation/escalation-action";
import { EMPTY_FORM_STATE } from "@/app/(staff)/escalations/form-state";
import { INITIAL_FORM_STATE } from "@/components/ui/form-state";
import { apiContext, caseBody } from "@/tests/support/case-factory";
import { createReadyCase } from "@/tests/support/escalation-factory";
import { action, api, page, route, type Row } from "./matrix-kit";
import { MATRIX_PASSWORD, type Fixture } from "./principals";

// THE AUTHORISATION MATRIX: one line per route handler method, page and server action of the app.
// tests/integration/authorisation-coverage.test.ts fails when an entry of app/ has no line here
// (and prints the line to add); authorisation-matrix.test.ts asks every principal of principals.ts
// and checks the answer the access level implies (matrix-kit.ts, expectedStatus).
//
//   api(METHOD, "/api/…/[param]", { target, ok, request, choice })   — a route of the API document:
//       who may call it comes from its operation (lib/api/*-operations.ts), never restated here
//   route(METHOD, "/path/[param]", "public" | "customer" | minimum role, { … })   — the few routes
//       outside the API document (health, sign-in, reference page, the customer's HTML page)
//   page("/path/[param]", minimum role, …)   action("app/…/actions.ts", "exportName", minimum role, (fx) => [args])
//
// target: "tenant-a" when the entry is about one thing of tenant A (another tenant must get 404);
// request/args: a valid request, so an allowed principal gets `ok` (default 200), not a 400.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const onCase = (fx: Fixture) => ({ params: { id: fx.caseA.id } });
const freshCase = async (fx: Fixture, body?: (version: number) => unknown) => {
  const fresh = await fx.newCase();
  return { params: { id: fresh.id }, body: body?.(fresh.version) };
};
const signedIn = (p: { kind: string; role: string | null }) => p.kind === "session" && p.role !== null;
/** A case of tenant A awaiting review (submitted with a supervisor's override: quicker than making it ready). */
const awaitingReview = async (fx: Fixture) => {
  const fresh = await fx.newCase();
  const submitted = await runEscalationAction(apiContext(fx.tenantA, "supervisor"), fresh.id, { action: "submit", version: fresh.version, override: "Apple asked for it" });
  return { id: submitted.id, version: submitted.version };
};
const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
};
const tag = () => randomUUID().slice(0, 8);
const onMember = async (fx: Fixture) => ({ params: { userId: await fx.newMember() } });
const onInvitation = async (fx: Fixture) => ({ params: { id: (await fx.newInvitation()).id } });
const onApiToken = async (fx: Fixture) => ({ params: { id: await fx.newApiToken() } });
const invite = () => ({ name: "Matrix invitee", email: `invitee-${tag()}@matrix.example`, role: "agent" });
const onLink = (fx: Fixture) => ({ params: { token: fx.validLinkToken } });
// Each report differs (a note of its own), so none is a repeat of the last.
const customerReport = (fx: Fixture) => ({ ruleId: fx.customerRuleId, outcome: "no_change", note: `Tried it ${randomUUID().slice(0, 8)}` });

export const ROWS: Row[] = [
  // Anyone
  route("GET", "/api/health", "public"),
  route("GET", "/unavailable", "public", { ok: 303 }),
  route("GET", "/api/auth/[...nextauth]", "public", { request: () => ({ params: { nextauth: ["providers"] } }) }),
  route("POST", "/api/auth/[...nextauth]", "public", { ok: 302, request: () => ({ params: { nextauth: ["signout"] }, body: {} }) }),
  page("/sign-in", "public", { expect: (p) => (signedIn(p) ? 303 : 200) }),
  page("/forbidden", "public"),
  // The API's description (issue 13): public, like the reference page that reads it.
  api("GET", "/api/v1/openapi.json"),
  route("GET", "/api/docs", "public"),
  route("GET", "/api/docs/reference.js", "public"),
  route("GET", "/api/docs/scalar.js", "public"),

  // Cases (agents and up)
  api("GET", "/api/v1/me"),
  api("GET", "/api/v1/cases"),
  api("POST", "/api/v1/cases", { ok: 201, request: () => ({ body: caseBody() }) }),
  api("GET", "/api/v1/cases/[id]", { target: "tenant-a", request: onCase }),
  api("PATCH", "/api/v1/cases/[id]", { target: "tenant-a", request: (fx) => freshCase(fx, (version) => ({ version, facts: { library: { sizeGb: 12 } } })) }),
  api("GET", "/api/v1/cases/[id]/steps", { target: "tenant-a", request: onCase }),
  api("POST", "/api/v1/cases/[id]/steps", { target: "tenant-a", ok: 201, request: (fx) => freshCase(fx, () => ({ ruleId: "restart-device", outcome: "no_change" })) }),
  api("GET", "/api/v1/cases/[id]/timeline", { target: "tenant-a", request: onCase }),
  api("POST", "/api/v1/cases/[id]/customer-link", { target: "tenant-a", ok: 201, request: (fx) => freshCase(fx) }),
  api("POST", "/api/v1/cases/bulk", { request: async (fx) => ({ body: { ids: [(await fx.newCase()).id], status: "waiting_on_customer" } }) }),
  api("POST", "/api/v1/attachments", { ok: 201, request: () => ({ rawBody: PNG, headers: { "content-type": "image/png" } }) }),
  api("GET", "/api/v1/attachments/[id]", { target: "tenant-a", request: (fx) => ({ params: { id: fx.attachmentA } }) }),
  page("/", "agent"),
  page("/cases", "agent"),
  page("/cases/new", "agent"),
  page("/cases/[id]", "agent", { target: "tenant-a", request: onCase }),
  action("app/(staff)/cases/new/actions.ts", "createCaseAction", "agent", () => [caseBody()]),
  action("app/(staff)/cases/actions.ts", "bulkUpdateAction", "agent", async (fx) => [{ ids: [(await fx.newCase()).id], status: "waiting_on_customer" }]),
  action("app/(staff)/cases/[id]/actions.ts", "updateFactsAction", "agent", async (fx) => { const c = await fx.newCase(); return [c.id, c.version, { library: { sizeGb: 9 } }]; }, { target: "tenant-a" }),
  action("app/(staff)/cases/[id]/actions.ts", "changeStatusAction", "agent", async (fx) => { const c = await fx.newCase(); return [c.id, c.version, "waiting_on_customer"]; }, { target: "tenant-a" }),
  action("app/(staff)/cases/[id]/actions.ts", "changeAssigneeAction", "agent", async (fx) => { const c = await fx.newCase(); return [c.id, c.version, fx.agentUserId]; }, { target: "tenant-a" }),
  action("app/(staff)/cases/[id]/actions.ts", "recordStepAction", "agent", async (fx) => [(await fx.newCase()).id, { ruleId: "restart-device", outcome: "no_change" }], { target: "tenant-a" }),
  action("app/(staff)/cases/[id]/actions.ts", "loadLatestCaseAction", "agent", (fx) => [fx.caseA.id], { target: "tenant-a" }),
  action("app/(staff)/cases/[id]/actions.ts", "rotateCustomerLinkAction", "agent", async (fx) => [(await fx.newCase()).id], { target: "tenant-a" }),

  // Escalation review (issue 7): agents submit a ready case and read packets; supervisors decide.
  api("POST", "/api/v1/cases/[id]/escalation", { choice: "submit", target: "tenant-a", request: async (fx) => {
    const ready = await createReadyCase(fx.ctxA);
    return { params: { id: ready.id }, body: { action: "submit", version: ready.version, note: "Customer waited two days" } };
  } }),
  api("POST", "/api/v1/cases/[id]/escalation", { choice: "return", target: "tenant-a", request: async (fx) => {
    const awaiting = await awaitingReview(fx);
    return { params: { id: awaiting.id }, body: { action: "return", version: awaiting.version, reason: "Add a screenshot of the Photos settings" } };
  } }),
  api("GET", "/api/v1/cases/[id]/packet", { target: "tenant-a", request: onCase }),
  api("GET", "/api/v1/cases/[id]/packet.zip", { target: "tenant-a", request: onCase }),
  page("/escalations", "agent"),
  page("/escalations/[id]", "agent", { target: "tenant-a", request: onCase }),
  page("/cases/[id]/packet", "agent", { target: "tenant-a", request: onCase }),
  action("app/(staff)/escalations/actions.ts", "submitEscalationAction", "agent", async (fx) => {
    const ready = await createReadyCase(fx.ctxA);
    return [EMPTY_FORM_STATE, form({ caseId: ready.id, version: ready.version, note: "Two days on Wi-Fi" })];
  }, { target: "tenant-a", ok: 303 }),
  action("app/(staff)/escalations/actions.ts", "reviewEscalationAction", "supervisor", async (fx) => {
    const awaiting = await awaitingReview(fx);
    return [EMPTY_FORM_STATE, form({ caseId: awaiting.id, version: awaiting.version, action: "approve", appleCaseNumber: "102345678901" })];
  }, { target: "tenant-a", ok: 303 }),

  // Supervisors' metrics (issue 10).
  api("GET", "/api/v1/metrics/fix-effectiveness"),
  api("GET", "/api/v1/metrics/ageing", { request: () => ({ query: { format: "csv" } }) }),
  api("GET", "/api/v1/metrics/escalations", { request: () => ({ query: { platform: "mac" } }) }),
  page("/metrics", "supervisor"),

  // The customer's link (issue 8): the token in the address is the only credential. Every principal
  // holds tenant A's valid link except the revoked (410), expired (410) and unknown (404) ones.
  route("GET", "/c/[token]", "customer", { request: onLink }),
  route("POST", "/c/[token]", "customer", { ok: 303, request: (fx) => {
    const fields = customerReport(fx);
    return { ...onLink(fx), body: fields, rawBody: new TextEncoder().encode(new URLSearchParams(fields).toString()), headers: { "content-type": "application/x-www-form-urlencoded" } };
  } }),
  api("GET", "/api/c/[token]", { request: onLink }),
  api("POST", "/api/c/[token]/steps", { ok: 201, request: (fx) => ({ ...onLink(fx), body: customerReport(fx) }) }),

  // Tenant administration (issue 9): admins only; another tenant's member, invitation or token is a 404.
  api("GET", "/api/v1/members"),
  api("POST", "/api/v1/members", { ok: 201, request: () => ({ body: invite() }) }),
  api("PATCH", "/api/v1/members/[userId]", { target: "tenant-a", request: async (fx) => ({ ...(await onMember(fx)), body: { role: "supervisor" } }) }),
  api("DELETE", "/api/v1/invitations/[id]", { target: "tenant-a", request: onInvitation }),
  api("GET", "/api/v1/api-tokens"),
  api("POST", "/api/v1/api-tokens", { ok: 201, request: () => ({ body: { name: `Matrix ${tag()}`, role: "agent" } }) }),
  api("DELETE", "/api/v1/api-tokens/[id]", { target: "tenant-a", request: onApiToken }),
  api("GET", "/api/v1/rule-settings"),
  api("PUT", "/api/v1/rule-settings", { request: async (fx) => ({ body: { version: await fx.ruleSettingsVersion(), disabledRules: [], thresholds: {} } }) }),
  api("GET", "/api/v1/audit"),
  page("/admin/members", "admin"),
  page("/admin/api-tokens", "admin"),
  page("/admin/rules", "admin"),
  page("/admin/audit", "admin"),
  action("app/(staff)/admin/members/actions.ts", "inviteMemberAction", "admin", () => [INITIAL_FORM_STATE, form(invite())]),
  action("app/(staff)/admin/members/actions.ts", "changeRoleAction", "admin", async (fx) => [await fx.newMember(), INITIAL_FORM_STATE, form({ role: "supervisor" })], { target: "tenant-a" }),
  action("app/(staff)/admin/members/actions.ts", "setActiveAction", "admin", async (fx) => [await fx.newMember(), false, INITIAL_FORM_STATE, form({})], { target: "tenant-a" }),
  action("app/(staff)/admin/members/actions.ts", "revokeInvitationAction", "admin", async (fx) => [(await fx.newInvitation()).id, INITIAL_FORM_STATE, form({})], { target: "tenant-a" }),
  action("app/(staff)/admin/api-tokens/actions.ts", "createApiTokenAction", "admin", () => [INITIAL_FORM_STATE, form({ name: `Matrix ${tag()}`, role: "agent", expiresOn: "" })]),
  action("app/(staff)/admin/api-tokens/actions.ts", "revokeApiTokenAction", "admin", async (fx) => [await fx.newApiToken(), INITIAL_FORM_STATE, form({})], { target: "tenant-a" }),
  action("app/(staff)/admin/rules/actions.ts", "ruleSettingsAction", "admin", async (fx) => [INITIAL_FORM_STATE, form({ version: await fx.ruleSettingsVersion(), intent: "reset" })]),

  // Every member: their tenants and their own password (the current one must be right).
  // The picker sends a person with one tenant (every principal here) straight on to the desk.
  page("/tenants", "agent", { ok: 303 }),
  page("/account/password", "agent"),
  action("app/(staff)/account/password/actions.ts", "changePasswordAction", "agent", () => {
    const next = `matrix-changed-${tag()}-password`;
    return [INITIAL_FORM_STATE, form({ currentPassword: MATRIX_PASSWORD, password: next, confirmPassword: next })];
  }),

  // The invitee's link: the secret in the address is the credential, whoever else is signed in.
  page("/invitations/[token]", "public", { request: async (fx) => ({ params: { token: (await fx.newInvitation()).token } }) }),
  action("app/invitations/[token]/actions.ts", "acceptInvitationAction", "public", async (fx) => {
    const password = `matrix-invitee-${tag()}-password`;
    return [(await fx.newInvitation()).token, INITIAL_FORM_STATE, form({ name: "Matrix invitee", password, confirmPassword: password })];
  }),
];
