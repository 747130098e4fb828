import { caseBody } from "@/tests/support/case-factory";
import { action, api, page, type Row } from "./matrix-kit";
import type { Fixture } from "./principals";

// THE AUTHORISATION MATRIX: one line per route handler method, page and server action of the app.
// tests/integration/authorisation-coverage.test.ts fails when an entry of app/ has no line here
// (and prints the line to add); authorisation-matrix.test.ts asks every principal of principals.ts
// and checks the answer the access level implies (matrix-kit.ts, expectedStatus).
//
//   api(METHOD, "/api/…/[param]", minimum role | "public" | "customer", { target, ok, request })
//   page("/path/[param]", …)   action("app/…/actions.ts", "exportName", …, (fx) => [args])
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

export const ROWS: Row[] = [
  // Anyone
  api("GET", "/api/health", "public"),
  api("GET", "/unavailable", "public", { ok: 303 }),
  api("GET", "/api/auth/[...nextauth]", "public", { request: () => ({ params: { nextauth: ["providers"] } }) }),
  api("POST", "/api/auth/[...nextauth]", "public", { ok: 302, request: () => ({ params: { nextauth: ["signout"] }, body: {} }) }),
  page("/sign-in", "public", { expect: (p) => (signedIn(p) ? 303 : 200) }),
  page("/forbidden", "public"),

  // Cases (agents and up)
  api("GET", "/api/v1/me", "agent"),
  api("GET", "/api/v1/cases", "agent"),
  api("POST", "/api/v1/cases", "agent", { ok: 201, request: () => ({ body: caseBody() }) }),
  api("GET", "/api/v1/cases/[id]", "agent", { target: "tenant-a", request: onCase }),
  api("PATCH", "/api/v1/cases/[id]", "agent", { target: "tenant-a", request: (fx) => freshCase(fx, (version) => ({ version, facts: { library: { sizeGb: 12 } } })) }),
  api("GET", "/api/v1/cases/[id]/steps", "agent", { target: "tenant-a", request: onCase }),
  api("POST", "/api/v1/cases/[id]/steps", "agent", { target: "tenant-a", ok: 201, request: (fx) => freshCase(fx, () => ({ ruleId: "restart-device", outcome: "no_change" })) }),
  api("GET", "/api/v1/cases/[id]/timeline", "agent", { target: "tenant-a", request: onCase }),
  api("POST", "/api/v1/cases/[id]/customer-link", "agent", { target: "tenant-a", ok: 201, request: (fx) => freshCase(fx) }),
  api("POST", "/api/v1/cases/bulk", "agent", { request: async (fx) => ({ body: { ids: [(await fx.newCase()).id], status: "waiting_on_customer" } }) }),
  api("POST", "/api/v1/attachments", "agent", { ok: 201, request: () => ({ rawBody: PNG, headers: { "content-type": "image/png" } }) }),
  api("GET", "/api/v1/attachments/[id]", "agent", { target: "tenant-a", request: (fx) => ({ params: { id: fx.attachmentA } }) }),
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
];
