import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/cases/route";
import { PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { POST as stepsRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { POST as bulkRoute } from "@/app/api/v1/cases/bulk/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

// The API as SPEC §5 states it, asked the way a new integrator would: what the issue found refused
// or silently ignored, and the inputs that answered 500.

let a: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Contract Desk" });
});
afterAll(closeAdminPool);

describe("the API contract", () => {
  it("accepts a SPEC-shaped case: devices without keys, deviceIndex, no observedAt, a Windows version in words", async () => {
    const res = await call(createRoute, "POST", "/api/v1/cases", {
      token: a.apiToken,
      body: {
        customer: { name: "Wen Windows" },
        devices: [
          { platform: "windows", model: "Surface Laptop 5", osVersion: "Windows 11 23H2", icloudForWindowsVersion: "15.1" },
          { platform: "iphone", model: "iPhone 15", osVersion: "17.5.1" },
        ],
        statusMessages: [{ deviceIndex: 1, message: "waiting_to_upload", text: "Waiting to Upload 12 Items" }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.facts.devices.map((device: { key: string }) => device.key)).toEqual(["windows-1", "iphone-1"]);
    expect(res.body.facts.devices[0].osVersion).toBe("Windows 11 23H2");
    expect(res.body.facts.statusMessages[0]).toMatchObject({ deviceKey: "iphone-1", message: "waiting_to_upload" });
    expect(Date.now() - Date.parse(res.body.facts.statusMessages[0].observedAt)).toBeLessThan(60_000);
  });

  it("a PATCH with fact keys at the top level is a 400 naming them, not 'Nothing to change'", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await call(patchRoute, "PATCH", `/api/v1/cases/${created.id}`, {
      token: a.apiToken,
      params: { id: created.id },
      body: { version: created.version, itemCount: 5000, appleSystemStatus: "ok" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual(["appleSystemStatus", "itemCount"]);
    expect(res.body.error.fields.map((field: { message: string }) => field.message).sort()).toEqual(['Unknown field "appleSystemStatus"', 'Unknown field "itemCount"']);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ["a step", stepsRoute, "POST", (id: string) => `/api/v1/cases/${id}/steps`, () => ({ ruleId: "restart-device", outcome: "no_change", result: "ok" }), "result"],
    ["a bulk change", bulkRoute, "POST", () => "/api/v1/cases/bulk", (id: string) => ({ ids: [id], status: "open", priority: "high" }), "priority"],
    ["nested facts", patchRoute, "PATCH", (id: string) => `/api/v1/cases/${id}`, () => ({ version: 1, facts: { library: { itemCount: 10, photos: 3 } } }), "facts.library.photos"],
  ] as const)("unknown keys in %s are a 400 naming them", async (_what, route, method, url, body, path) => {
    const created = await createTestCase(apiContext(a.tenantId));
    const res = await call(route as typeof patchRoute, method, url(created.id), { token: a.apiToken, params: { id: created.id }, body: body(created.id) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((field: { path: string }) => field.path)).toContain(path);
  });

  it.each([
    [{ problemAgeMinHours: "1e300" }, "problemAgeMinHours"],
    [{ problemAgeMinHours: "99999999999999" }, "problemAgeMinHours"],
    [{ limit: "100000000000000000000" }, "limit"],
    [{ bogus: "1" }, "bogus"],
    [{ cursor: Buffer.from(JSON.stringify(["number", "desc", 1e300, "0197a000-0000-7000-8000-000000000001"])).toString("base64url"), sort: "number" }, "cursor"],
    [{ cursor: Buffer.from(JSON.stringify(["updatedAt", "desc", "-100000-01-01T00:00:00Z", "0197a000-0000-7000-8000-000000000001"])).toString("base64url") }, "cursor"],
  ])("the list answers 400 for %j (naming %s), never 500", async (query, path) => {
    const res = await call(listRoute, "GET", "/api/v1/cases", { token: a.apiToken, query });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((field: { path: string }) => field.path)).toContain(path);
  });

  it.each([
    [{ library: { itemCount: 3_000_000_000 } }, "library.itemCount"],
    [{ customer: { name: "Nul\u0000Byte" } }, "customer.name"],
    [{ icloudStorage: { totalGb: 1e308 } }, "icloudStorage.totalGb"],
  ])("a create with %j is a 400 naming the field, writing nothing", async (patch, path) => {
    const before = await rowCounts();
    const res = await call(createRoute, "POST", "/api/v1/cases", { token: a.apiToken, body: { customer: { name: "Bounds" }, devices: [{ platform: "iphone" }], ...patch } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((field: { path: string }) => field.path)).toEqual([path]);
    expect(await rowCounts()).toEqual(before);
  });
});
