import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts, userIdByEmail } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";

let a: ProvisionedTenant;
let b: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Update A" });
  b = await provisionTenant({ name: "Update B" });
});
afterAll(closeAdminPool);

const patch = (token: string, id: string, body: unknown) => call(patchRoute, "PATCH", `/api/v1/cases/${id}`, { token, body, params: { id } });
const get = (token: string, id: string) => call(getRoute, "GET", `/api/v1/cases/${id}`, { token, params: { id } });

describe("PATCH /api/v1/cases/{id}", () => {
  it("edits facts (lists replaced, small objects merged), bumps the version and records the diff", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const res = await patch(a.apiToken, created.id, {
      version: created.version,
      facts: { library: { sizeGb: 120 }, devices: [deviceBody({ model: "iPhone 16" })], statusMessages: [], appleSystemStatus: "outage" },
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(created.version + 1);
    expect(res.body.facts.library).toEqual({ ...created.facts.library, sizeGb: 120 });
    expect(res.body.facts.devices.map((d: { model: string }) => d.model)).toEqual(["iPhone 16"]);
    expect(res.body.suggestions[0].ruleId).toBe("check-apple-system-status");
    const event = res.body.timeline.at(-1);
    expect(event.type).toBe("facts.updated");
    expect(event.data.changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(["library.sizeGb", "devices", "statusMessages", "appleSystemStatus"]),
    );
    const { rows } = await adminPool().query(`SELECT platforms::text[] AS p FROM "Case" WHERE id = $1`, [created.id]);
    expect(rows[0].p).toEqual(["iphone"]);
    const tokens = await adminPool().query(`SELECT token FROM "CaseSearchToken" WHERE "caseId" = $1`, [created.id]);
    const words = tokens.rows.map((row: { token: string }) => row.token);
    expect(words).toEqual(expect.arrayContaining(["iphone", "16"]));
    expect(words).not.toContain("macbook");
  });

  it("changes status and assignee with timeline events", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const adminId = await userIdByEmail(a.admin.email);
    const res = await patch(a.apiToken, created.id, { version: 1, status: "resolved", assigneeId: adminId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "resolved", assignee: { id: adminId } });
    expect(res.body.resolvedAt).not.toBeNull();
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(["case.created", "status.changed", "assignee.changed"]);
  });

  it("answers 400 naming each bad field under facts., and writes nothing", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await patch(a.apiToken, created.id, {
      version: created.version,
      facts: { devices: [deviceBody({ key: "ipad-9", platform: "ipad", osVersion: "x.y" })], library: { itemCount: -3 } },
      status: "escalated",
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["status"]));
    const factsRes = await patch(a.apiToken, created.id, {
      version: created.version,
      facts: { devices: [deviceBody({ key: "ipad-9", platform: "ipad", osVersion: "x.y" })], library: { itemCount: -3 } },
    });
    expect(factsRes.status).toBe(400);
    expect(factsRes.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["facts.devices.0.osVersion", "facts.library.itemCount", "facts.statusMessages.0.deviceKey"]),
    );
    const unknownFact = await patch(a.apiToken, created.id, { version: created.version, facts: { colour: "blue" } });
    expect(unknownFact.status).toBe(400);
    const noVersion = await patch(a.apiToken, created.id, { status: "open" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields[0].path).toBe("version");
    expect(await rowCounts()).toEqual(before);
    expect((await get(a.apiToken, created.id)).body.version).toBe(created.version);
  });

  it("answers 400 to malformed JSON", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const res = await call(patchRoute, "PATCH", `/api/v1/cases/${created.id}`, {
      token: a.apiToken,
      rawBody: "{version: 1}",
      headers: { "content-type": "application/json" },
      params: { id: created.id },
    });
    expect(res.status).toBe(400);
  });

  it("a stale version is a 409 with the current version, and writes nothing", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    expect((await patch(a.apiToken, created.id, { version: 1, status: "waiting_on_customer" })).status).toBe(200);
    const before = await rowCounts();
    const res = await patch(a.apiToken, created.id, { version: 1, facts: { symptoms: ["slow_upload"] } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", currentVersion: 2, expectedVersion: 1 });
    expect(await rowCounts()).toEqual(before);
    expect((await get(a.apiToken, created.id)).body.facts.symptoms).toEqual(created.facts.symptoms);
  });

  it("another tenant's case is a 404 and stays untouched", async () => {
    const ofB = await createTestCase(apiContext(b.tenantId));
    const before = await rowCounts();
    const res = await patch(a.apiToken, ofB.id, { version: ofB.version, status: "resolved" });
    expect(res.status).toBe(404);
    expect(await rowCounts()).toEqual(before);
    expect((await get(b.apiToken, ofB.id)).body).toMatchObject({ status: "open", version: ofB.version });
    expect((await patch(a.apiToken, "123", { version: 1, status: "resolved" })).status).toBe(404);
  });
});

describe("two agents saving the same case at once", () => {
  it("exactly one concurrent save wins, the others get 409; retries with fresh versions all land", async () => {
    const created = await createTestCase(apiContext(a.tenantId), { symptoms: [] });
    const edits = [
      { appleIdConsistent: false },
      { library: { itemCount: 55_000 } },
      { icloudStorage: { freeGb: 1.5 } },
      { appleSystemStatus: "unknown" },
      { customer: { name: "Renamed Customer" } },
      { symptoms: ["slow_upload"] },
      { problemSince: new Date(Date.now() - 80 * 3_600_000).toISOString() },
      { library: { hasLargeFiles: false } },
    ];
    const results = await Promise.all(edits.map((facts) => patch(a.apiToken, created.id, { version: created.version, facts })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(edits.length - 1);

    // The losers reload and retry, one after another, each with the version it just read.
    for (const [index, result] of results.entries()) {
      if (result.status === 200) continue;
      const fresh = await get(a.apiToken, created.id);
      const retry = await patch(a.apiToken, created.id, { version: fresh.body.version, facts: edits[index] });
      expect(retry.status).toBe(200);
    }
    const final = (await get(a.apiToken, created.id)).body;
    expect(final.version).toBe(created.version + edits.length);
    expect(final.facts).toMatchObject({
      appleIdConsistent: false,
      appleSystemStatus: "unknown",
      customer: { name: "Renamed Customer" },
      symptoms: ["slow_upload"],
      problemSince: edits[6]!.problemSince,
      library: { itemCount: 55_000, hasLargeFiles: false },
      icloudStorage: { freeGb: 1.5 },
    });
    expect(final.timeline.filter((e: { type: string }) => e.type === "facts.updated")).toHaveLength(edits.length);
  });
});
