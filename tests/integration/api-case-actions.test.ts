import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as stepRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { POST as linkRoute } from "@/app/api/v1/cases/[id]/customer-link/route";
import { POST as bulkRoute } from "@/app/api/v1/cases/bulk/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { hashSecret } from "@/lib/auth/secrets";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts, userIdByEmail } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

let a: ProvisionedTenant;
let b: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Actions A" });
  b = await provisionTenant({ name: "Actions B" });
});
afterAll(closeAdminPool);

const recordStep = (token: string, id: string, body: unknown) => call(stepRoute, "POST", `/api/v1/cases/${id}/steps`, { token, body, params: { id } });

describe("POST /api/v1/cases/{id}/steps", () => {
  it("records a step: 201, it leaves 'next', shows with who and when, and the version stays", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const ruleId = created.suggestions[0]!.ruleId;
    const res = await recordStep(a.apiToken, created.id, { ruleId, outcome: "no_change", note: "Customer toggled it" });
    expect(res.status).toBe(201);
    expect(res.body.step).toMatchObject({ ruleId, outcome: "no_change", note: "Customer toggled it", by: { kind: "api_token" } });
    expect(res.body.case.suggestions.map((s: { ruleId: string }) => s.ruleId)).not.toContain(ruleId);
    expect(res.body.case.triedSuggestions.map((s: { ruleId: string }) => s.ruleId)).toContain(ruleId);
    expect(res.body.case.version).toBe(created.version);
    expect(res.body.case.timeline.at(-1)).toMatchObject({ type: "step.recorded", data: { ruleId } });
  });

  it("answers 400 naming bad fields (unknown rule, outcome, not applicable without reason) and writes nothing", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await recordStep(a.apiToken, created.id, { ruleId: "reboot-the-cloud", outcome: "meh" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["ruleId", "outcome"]));
    const noReason = await recordStep(a.apiToken, created.id, { ruleId: "restart-device", outcome: "not_applicable" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe("note");
    const future = await recordStep(a.apiToken, created.id, { ruleId: "restart-device", outcome: "no_change", triedAt: "2999-01-01T00:00:00Z" });
    expect(future.status).toBe(400);
    const malformed = await call(stepRoute, "POST", `/api/v1/cases/${created.id}/steps`, { token: a.apiToken, rawBody: "{", params: { id: created.id } });
    expect(malformed.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("another tenant's case is a 404 and gets no step", async () => {
    const ofB = await createTestCase(apiContext(b.tenantId));
    const before = await rowCounts();
    const res = await recordStep(a.apiToken, ofB.id, { ruleId: "restart-device", outcome: "no_change" });
    expect(res.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it("concurrent step reports are all kept", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const rules = ["restart-device", "test-fresh-shot", "stable-wifi", "plug-in-to-charge", "check-date-time"];
    const results = await Promise.all(rules.map((ruleId) => recordStep(a.apiToken, created.id, { ruleId, outcome: "no_change" })));
    expect(results.map((r) => r.status)).toEqual(Array(rules.length).fill(201));
    const view = await call(getRoute, "GET", `/api/v1/cases/${created.id}`, { token: a.apiToken, params: { id: created.id } });
    expect(view.body.steps.map((s: { ruleId: string }) => s.ruleId).sort()).toEqual([...rules].sort());
  });
});

describe("POST /api/v1/cases/{id}/customer-link", () => {
  it("creates a link, and rotating revokes the previous one", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const first = await call(linkRoute, "POST", `/api/v1/cases/${created.id}/customer-link`, { token: a.apiToken, params: { id: created.id } });
    expect(first.status).toBe(201);
    // SPEC §5: the full URL, once (NEXTAUTH_URL when set, else the request's own origin).
    expect(first.body.url).toBe(new URL(`/c/${first.body.token}`, process.env.NEXTAUTH_URL || "http://localhost").toString());
    expect(first.body.path).toBe(`/c/${first.body.token}`);
    expect(Date.parse(first.body.expiresAt) - Date.parse(first.body.createdAt)).toBe(30 * 86_400_000);
    const second = await call(linkRoute, "POST", `/api/v1/cases/${created.id}/customer-link`, { token: a.apiToken, params: { id: created.id } });
    expect(second.status).toBe(201);
    const { rows } = await adminPool().query(`SELECT "tokenHash", "revokedAt" FROM "CustomerLink" WHERE "caseId" = $1`, [created.id]);
    const byHash = new Map(rows.map((r) => [r.tokenHash, r.revokedAt]));
    expect(byHash.get(hashSecret(first.body.token))).not.toBeNull();
    expect(byHash.get(hashSecret(second.body.token))).toBeNull();
    const view = await call(getRoute, "GET", `/api/v1/cases/${created.id}`, { token: a.apiToken, params: { id: created.id } });
    expect(view.body.timeline.map((e: { type: string }) => e.type)).toEqual(["case.created", "customer_link.created", "customer_link.rotated"]);
  });

  it("another tenant's case is a 404", async () => {
    const ofB = await createTestCase(apiContext(b.tenantId));
    const before = await rowCounts();
    const res = await call(linkRoute, "POST", `/api/v1/cases/${ofB.id}/customer-link`, { token: a.apiToken, params: { id: ofB.id } });
    expect(res.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("POST /api/v1/cases/bulk", () => {
  it("assigns and sets status for this tenant's cases only, in one go", async () => {
    const ctxA = apiContext(a.tenantId);
    const mine = [await createTestCase(ctxA), await createTestCase(ctxA), await createTestCase(ctxA)];
    const ofB = await createTestCase(apiContext(b.tenantId));
    const adminId = await userIdByEmail(a.admin.email);
    const res = await call(bulkRoute, "POST", "/api/v1/cases/bulk", {
      token: a.apiToken,
      body: { ids: [...mine.map((c) => c.id), ofB.id], assigneeId: adminId, status: "waiting_on_customer" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 3, updated: 3, skipped: [], notFound: 1 });
    const view = await call(getRoute, "GET", `/api/v1/cases/${mine[0]!.id}`, { token: a.apiToken, params: { id: mine[0]!.id } });
    expect(view.body).toMatchObject({ status: "waiting_on_customer", assignee: { id: adminId }, version: 2 });
    const untouched = await call(getRoute, "GET", `/api/v1/cases/${ofB.id}`, { token: b.apiToken, params: { id: ofB.id } });
    expect(untouched.body).toMatchObject({ status: "open", assignee: null, version: 1 });
    // The bulk change bumped versions: an edit based on the old version now conflicts.
    const stale = await call(patchRoute, "PATCH", `/api/v1/cases/${mine[1]!.id}`, { token: a.apiToken, body: { version: 1, status: "open" }, params: { id: mine[1]!.id } });
    expect(stale.status).toBe(409);
  });

  it("answers 400 naming bad fields and changes nothing", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await call(bulkRoute, "POST", "/api/v1/cases/bulk", { token: a.apiToken, body: { ids: [created.id, "nope"], status: "closed" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["ids.1", "status"]));
    const foreignAssignee = await call(bulkRoute, "POST", "/api/v1/cases/bulk", { token: a.apiToken, body: { ids: [created.id], assigneeId: await userIdByEmail(b.admin.email) } });
    expect(foreignAssignee.status).toBe(400);
    expect(foreignAssignee.body.error.fields[0].path).toBe("assigneeId");
    expect(await rowCounts()).toEqual(before);
  });
});
