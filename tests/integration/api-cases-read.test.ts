import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/cases/route";
import { GET as getRoute } from "@/app/api/v1/cases/[id]/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import type { CaseView } from "@/lib/cases/view/case-view";
import { closeAdminPool, userIdByEmail } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";
import { updateCase } from "@/lib/cases/update-case";

let a: ProvisionedTenant;
let b: ProvisionedTenant;
let adminOfA: string;
const casesOfA: CaseView[] = [];
let caseOfB: CaseView;

beforeAll(async () => {
  a = await provisionTenant({ name: "Read A" });
  b = await provisionTenant({ name: "Read B" });
  adminOfA = await userIdByEmail(a.admin.email);
  const ctxA = apiContext(a.tenantId);
  const hours = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  casesOfA.push(await createTestCase(ctxA, { customer: { name: "Zoe Windows", email: "zoe@corp.example" }, devices: [deviceBody({ key: "pc", platform: "windows", model: "Surface Laptop 5", osVersion: "14.2" })], statusMessages: [], problemSince: hours(2) }));
  casesOfA.push(await createTestCase(ctxA, { customer: { name: "Mia Mac", email: "mia@home.example" }, problemSince: hours(100), assigneeId: adminOfA }));
  casesOfA.push(await createTestCase(ctxA, { customer: { name: "Ian iPad", email: null }, devices: [deviceBody({ key: "ipad", platform: "ipad", model: "iPad Air" })], statusMessages: [], status: "waiting_on_customer", problemSince: hours(40) }));
  for (let i = 0; i < 7; i++) casesOfA.push(await createTestCase(ctxA, { problemSince: hours(10 + i) }));
  caseOfB = await createTestCase(apiContext(b.tenantId), { customer: { name: "Zoe Windows", email: "zoe@corp.example" } });
});
afterAll(closeAdminPool);

describe("GET /api/v1/cases/{id}", () => {
  it("returns the case with facts, suggestions, steps, escalation and timeline", async () => {
    const target = casesOfA[1]!;
    const res = await call(getRoute, "GET", `/api/v1/cases/${target.id}`, { token: a.apiToken, params: { id: target.id } });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(target.id);
    expect(res.body.assignee).toEqual({ id: adminOfA, name: expect.any(String) });
    for (const key of ["facts", "suggestions", "steps", "escalation", "timeline", "statusExplanations", "version"]) expect(res.body).toHaveProperty(key);
  });

  it("another tenant's case id is a 404 that reveals nothing", async () => {
    const res = await call(getRoute, "GET", `/api/v1/cases/${caseOfB.id}`, { token: a.apiToken, params: { id: caseOfB.id } });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("Zoe");
  });

  it("a malformed id is a 404, not a 500", async () => {
    const res = await call(getRoute, "GET", "/api/v1/cases/not-a-uuid", { token: a.apiToken, params: { id: "not-a-uuid" } });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/cases", () => {
  const list = (query: Record<string, string>, token = a.apiToken) => call(listRoute, "GET", "/api/v1/cases", { token, query });

  it("lists only this tenant's cases, newest change first", async () => {
    const res = await list({ limit: "100" });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(casesOfA.length);
    expect(ids).not.toContain(caseOfB.id);
    const updated = res.body.items.map((c: { updatedAt: string }) => c.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(res.body.nextCursor).toBeNull();
  });

  it("another tenant's filters never reach into this tenant: B's list by A's customer text finds only B's case", async () => {
    const res = await list({ q: "zoe" }, b.apiToken);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([caseOfB.id]);
  });

  it("filters by status, platform, assignee, problem age and text", async () => {
    const ids = async (query: Record<string, string>) => (await list(query)).body.items.map((c: { id: string }) => c.id);
    expect(await ids({ status: "waiting_on_customer" })).toEqual([casesOfA[2]!.id]);
    expect(await ids({ platform: "windows" })).toEqual([casesOfA[0]!.id]);
    expect(await ids({ assignee: adminOfA })).toEqual([casesOfA[1]!.id]);
    expect((await ids({ assignee: "unassigned", limit: "100" })).length).toBe(casesOfA.length - 1);
    expect(await ids({ problemAgeMinHours: "72" })).toEqual([casesOfA[1]!.id]);
    expect(await ids({ problemAge: "1d_3d" })).toEqual([casesOfA[2]!.id]);
    expect(await ids({ q: "surface" })).toEqual([casesOfA[0]!.id]);
    expect(await ids({ q: "MIA@HOME" })).toEqual([casesOfA[1]!.id]);
    expect(await ids({ q: casesOfA[2]!.displayNumber })).toEqual([casesOfA[2]!.id]);
    expect(await ids({ status: "open,waiting_on_customer", platform: "ipad" })).toEqual([casesOfA[2]!.id]);
    expect(await ids({ escalationReady: "true" })).toEqual([]);
  });

  it("pages with a cursor through every case exactly once, in any sort", async () => {
    for (const [sort, dir] of [["updatedAt", "desc"], ["number", "asc"], ["problemSince", "desc"], ["createdAt", "asc"]] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { sort, dir, limit: "3", ...(cursor ? { cursor } : {}) };
        const res = await list(query);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(casesOfA.length);
      expect(new Set(seen).size).toBe(casesOfA.length);
    }
  });

  it("Previous returns exactly the prior page, in any sort, and the first page has no Previous", async () => {
    for (const [sort, dir] of [["updatedAt", "desc"], ["number", "asc"], ["problemSince", "desc"], ["createdAt", "asc"]] as const) {
      const pages: { ids: string[]; prev: string | null; next: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const res = await list({ sort, dir, limit: "3", ...(cursor ? { cursor } : {}) });
        pages.push({ ids: res.body.items.map((c: { id: string }) => c.id), prev: res.body.prevCursor, next: res.body.nextCursor });
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(pages.length).toBeGreaterThan(2);
      expect(pages[0]!.prev).toBeNull();
      // Walk back from the last page: every Previous is the page seen before it.
      for (let index = pages.length - 1; index > 0; index--) {
        const back = await list({ sort, dir, limit: "3", cursor: pages[index]!.prev! });
        expect(back.status).toBe(200);
        expect(back.body.items.map((c: { id: string }) => c.id)).toEqual(pages[index - 1]!.ids);
        expect(back.body.prevCursor === null).toBe(index - 1 === 0);
        // …and Next from there leads forward again to the same page.
        const forward = await list({ sort, dir, limit: "3", cursor: back.body.nextCursor });
        expect(forward.body.items.map((c: { id: string }) => c.id)).toEqual(pages[index]!.ids);
      }
    }
  });

  it("answers 400 naming bad query parameters", async () => {
    const res = await list({ status: "closed", limit: "500", sort: "name", escalationReady: "maybe" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(["status.0", "limit", "sort", "escalationReady"]));
    const cursor = await list({ cursor: "garbage" });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields[0].path).toBe("cursor");
  });

  it("refuses a cursor from another sort order", async () => {
    const first = await list({ sort: "number", limit: "2" });
    const res = await list({ sort: "updatedAt", cursor: first.body.nextCursor });
    expect(res.status).toBe(400);
  });

  it("'me' needs a signed-in user", async () => {
    const res = await list({ assignee: "me" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe("assignee");
  });
});

describe("sort order follows edits", () => {
  it("an edited case moves to the top of the default list", async () => {
    const target = casesOfA[5]!;
    await updateCase(apiContext(a.tenantId), target.id, { version: target.version, status: "waiting_on_customer" });
    const res = await call(listRoute, "GET", "/api/v1/cases", { token: a.apiToken, query: { limit: "1" } });
    expect(res.body.items[0].id).toBe(target.id);
  });
});

describe("GET /api/v1/me", () => {
  it("names the token's tenant and actor; the provisioning token is an admin", async () => {
    const res = await call(meRoute, "GET", "/api/v1/me", { token: b.apiToken });
    expect(res.status).toBe(200);
    expect(res.body.tenant).toEqual({ id: b.tenantId, name: "Read B", slug: expect.any(String) });
    expect(res.body.actor).toMatchObject({ kind: "api_token", role: "admin" });
  });
});
