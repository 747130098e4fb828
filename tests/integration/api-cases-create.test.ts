import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/cases/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { caseBody } from "@/tests/support/case-factory";

let a: ProvisionedTenant;
let b: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Create A" });
  b = await provisionTenant({ name: "Create B" });
});
afterAll(closeAdminPool);

describe("POST /api/v1/cases", () => {
  it("creates a case with suggestions, escalation readiness and a timeline", async () => {
    const res = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody() });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/cases/${res.body.id}`);
    expect(res.body).toMatchObject({ status: "open", version: 1, assignee: null });
    expect(res.body.displayNumber).toBe(`PST-${res.body.number}`);
    expect(res.body.facts.devices).toHaveLength(2);
    expect(res.body.facts.statusMessages[0].text).toBe("Waiting to Upload 312 Items");
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    expect(res.body.suggestions[0]).toEqual(
      expect.objectContaining({ ruleId: expect.any(String), title: expect.any(String), reason: expect.any(String), risk: expect.any(String), instructions: expect.any(Array), warnings: expect.any(Array) }),
    );
    expect(res.body.escalation).toEqual(expect.objectContaining({ ready: false, missing: expect.any(Array) }));
    expect(res.body.statusExplanations[0]).toEqual(expect.objectContaining({ deviceKey: "iphone-1", explanation: expect.any(String) }));
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(["case.created"]);
    expect(res.body.timeline[0].actor).toMatchObject({ kind: "api_token" });
  });

  it("accepts unknown for everything that can be unknown", async () => {
    const res = await call(createRoute, "POST", "/api/v1/cases", {
      token: a.apiToken,
      body: { customer: { name: "Only A Name" }, devices: [{ key: "d1", platform: "windows" }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.facts.library).toEqual({ itemCount: null, sizeGb: null, hasLargeFiles: null });
    expect(res.body.facts.appleSystemStatus).toBe("unknown");
    expect(res.body.facts.problemSince).toBe(res.body.createdAt);
  });

  it("numbers cases per tenant without gaps or duplicates under concurrent creates", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => call(createRoute, "POST", "/api/v1/cases", { token: b.apiToken, body: caseBody() })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = results.map((r) => r.body.number as number).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers[5]! - numbers[0]!).toBe(5);
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const before = await rowCounts();
    const body = caseBody({
      customer: { name: "", email: "not-an-email" },
      devices: [{ key: "x", platform: "android" as never, osVersion: "seventeen" }],
      statusMessages: [{ deviceKey: "nope", message: "waiting_to_upload", observedAt: "yesterday" }],
    });
    const res = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["customer.name", "customer.email", "devices.0.platform", "devices.0.osVersion", "statusMessages.0.observedAt"]),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an assignee or screenshot that is not this tenant's, writing nothing", async () => {
    const before = await rowCounts();
    const res = await call(createRoute, "POST", "/api/v1/cases", {
      token: a.apiToken,
      body: caseBody({
        assigneeId: "0197a000-0000-7000-8000-000000000001",
        statusMessages: [{ deviceKey: "iphone-1", message: "paused", observedAt: new Date().toISOString(), screenshotId: "0197a000-0000-7000-8000-000000000002" }],
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["assigneeId", "statusMessages.0.screenshotId"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 400 to malformed JSON and to an empty body", async () => {
    const before = await rowCounts();
    const malformed = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, rawBody: '{"customer": {"name": "x"', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe("(body)");
    const empty = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, rawBody: "" });
    expect(empty.status).toBe(400);
    const notObject = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: [1, 2] });
    expect(notObject.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  // (No Authorization header falls through to the browser-session path, which needs a Next request scope.)
  it("answers 401 to an unknown token and writes nothing", async () => {
    const before = await rowCounts();
    expect((await call(createRoute, "POST", "/api/v1/cases", { token: "pst_forged", body: caseBody() })).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("Idempotency-Key", () => {
  it("creating twice with the same key creates one case and replays the first answer", async () => {
    const body = caseBody();
    const headers = { "idempotency-key": "intake-7f3a" };
    const first = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body, headers });
    const before = await rowCounts();
    const second = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body).toEqual(first.body);
    expect(await rowCounts()).toEqual(before);
  });

  it("concurrent duplicates still create exactly one case", async () => {
    const body = caseBody();
    const email = body.customer.email;
    const headers = { "idempotency-key": "burst-1" };
    const results = await Promise.all(Array.from({ length: 5 }, () => call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body, headers })));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const { rows } = await adminPool().query(
      // Scoped to this tenant: other test files use the same factory emails in their own tenants.
      `SELECT count(*)::int AS n FROM "Case" c JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId" WHERE cu.email = $1 AND c."tenantId" = $2`,
      [email, a.tenantId],
    );
    expect(rows[0].n).toBe(1);
  });

  it("the same key with a different body is a 409 and writes nothing", async () => {
    const headers = { "idempotency-key": "reused-key" };
    expect((await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody(), headers })).status).toBe(201);
    const before = await rowCounts();
    const res = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody(), headers });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Idempotency-Key reused with a different request/);
    expect(await rowCounts()).toEqual(before);
  });

  it("keys are per tenant: the same key in another tenant creates that tenant's own case", async () => {
    const headers = { "idempotency-key": "shared-key" };
    const inA = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody(), headers });
    const inB = await call(createRoute, "POST", "/api/v1/cases", { token: b.apiToken, body: caseBody(), headers });
    expect(inA.status).toBe(201);
    expect(inB.status).toBe(201);
    expect(inB.body.id).not.toBe(inA.body.id);
  });

  it("a failed create does not burn the key", async () => {
    const headers = { "idempotency-key": "retry-after-fix" };
    const bad = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: { customer: { name: "" } }, headers });
    expect(bad.status).toBe(400);
    const good = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody(), headers });
    expect(good.status).toBe(201);
  });
});

describe("tenant scoping of created cases", () => {
  it("a case created by A never shows in B's list", async () => {
    const created = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: caseBody() });
    const listB = await call(listRoute, "GET", "/api/v1/cases", { token: b.apiToken, query: { limit: "100" } });
    expect(listB.status).toBe(200);
    expect(listB.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
  });
});
