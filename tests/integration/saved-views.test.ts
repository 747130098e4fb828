import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/tenancy/roles";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { getSavedView, listSavedViews } from "@/lib/saved-views/saved-views";
import { createSavedView, deleteSavedView, updateSavedView } from "@/lib/saved-views/manage-views";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { apiContext } from "@/tests/support/case-factory";

// Saved views: personal ones are their owner's alone, team ones are seen by all and curated by
// supervisors; bad input names its field and writes nothing; other tenants see nothing.

type People = Record<"agent" | "otherAgent" | "supervisor", TenantContext>;
let a: People;
let b: People;

async function tenantWithPeople(label: string): Promise<People> {
  const suffix = randomUUID().slice(0, 8);
  const roles: [keyof People, Role][] = [["agent", "agent"], ["otherAgent", "agent"], ["supervisor", "supervisor"]];
  const { tenantId, userIds } = await createTenantWithMembers({
    name: `Views ${label}`,
    slug: `views-${label}-${suffix}`,
    members: roles.map(([key, role]) => ({ email: `${key}.${suffix}@${label}.example`, name: `${label} ${key}`, role, password: "long-enough-password" })),
  });
  return Object.fromEntries(
    roles.map(([key, role], index) => [key, { tenantId, actor: { kind: "user", userId: userIds[index]!, role, label: key } }]),
  ) as People;
}

const viewRows = async () => Number((await adminPool().query(`SELECT count(*)::int AS n FROM "SavedView"`)).rows[0].n);
const names = async (ctx: TenantContext) => (await listSavedViews(ctx)).map((view) => `${view.scope}:${view.name}`);

beforeAll(async () => {
  a = await tenantWithPeople("a");
  b = await tenantWithPeople("b");
});
afterAll(closeAdminPool);

describe("personal views", () => {
  it("save filters, sort and hidden columns, and come back as a link that opens them", async () => {
    const view = await createSavedView(a.agent, {
      name: "My Mac cases",
      query: { platform: ["mac"], assignee: "me", status: ["open"], sort: "problemSince", dir: "asc", cursor: "ignored", limit: 10 },
      hiddenColumns: ["devices", "createdAt"],
    });
    expect(view).toMatchObject({ scope: "personal", canManage: true, hiddenColumns: ["devices", "createdAt"] });
    expect(view.query).not.toHaveProperty("cursor");
    expect(view.query).not.toHaveProperty("limit");
    const url = new URL(view.href, "http://x");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      platform: "mac", assignee: "me", status: "open", sort: "problemSince", dir: "asc", hide: "devices,createdAt", view: view.id,
    });
    expect(await getSavedView(a.agent, view.id)).toEqual(view);
  });

  it("are invisible to everyone else, supervisors included: 404, never the view", async () => {
    const view = await createSavedView(a.agent, { name: "Private queue", query: { q: "garcia" } });
    expect(await names(a.otherAgent)).not.toContain("personal:Private queue");
    expect(await names(a.supervisor)).not.toContain("personal:Private queue");
    await expect(getSavedView(a.otherAgent, view.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSavedView(a.supervisor, view.id, { name: "Mine now" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteSavedView(a.otherAgent, view.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getSavedView(a.agent, view.id)).name).toBe("Private queue");
  });

  it("can be renamed, re-saved with other filters, and deleted by their owner", async () => {
    const view = await createSavedView(a.agent, { name: "Draft", query: { status: ["open"] } });
    const renamed = await updateSavedView(a.agent, view.id, { name: "Waiting", query: { status: ["waiting_on_customer"] }, hiddenColumns: [] });
    expect(renamed).toMatchObject({ name: "Waiting", query: { status: ["waiting_on_customer"] }, hiddenColumns: [] });
    await deleteSavedView(a.agent, view.id);
    await expect(getSavedView(a.agent, view.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("team views", () => {
  it("a supervisor's team view appears for every agent, who may use but not change it", async () => {
    const view = await createSavedView(a.supervisor, { name: "Oldest unassigned", shared: true, query: { assignee: "unassigned", sort: "problemSince", dir: "asc" } });
    expect(view).toMatchObject({ scope: "team", canManage: true, createdBy: "a supervisor" });
    for (const agent of [a.agent, a.otherAgent]) {
      const seen = (await listSavedViews(agent)).find((entry) => entry.id === view.id);
      expect(seen).toMatchObject({ scope: "team", canManage: false, name: "Oldest unassigned" });
    }
    await expect(updateSavedView(a.agent, view.id, { name: "Hijacked" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSavedView(a.otherAgent, view.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getSavedView(a.agent, view.id)).name).toBe("Oldest unassigned");
  });

  it("an agent may not share a view with the team (403) and nothing is written", async () => {
    const before = await viewRows();
    await expect(createSavedView(a.agent, { name: "For everyone", shared: true, query: {} })).rejects.toMatchObject({ code: "forbidden" });
    expect(await viewRows()).toBe(before);
  });
});

describe("bad input and names", () => {
  it("names every bad field and writes nothing", async () => {
    const before = await viewRows();
    const error = await createSavedView(a.agent, { name: " ", query: { status: ["closed"], sort: "name" }, hiddenColumns: ["secret"], extra: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed" });
    const paths = (error as { details: { fields: { path: string }[] } }).details.fields.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "query.status.0", "query.sort", "hiddenColumns.0", "extra"]));
    expect(await viewRows()).toBe(before);
  });

  it("refuses a second view with the same name for the same person, and among the team's views", async () => {
    await createSavedView(a.otherAgent, { name: "Same name", query: {} });
    const before = await viewRows();
    await expect(createSavedView(a.otherAgent, { name: "Same name", query: {} })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "name", message: 'You already have a view named "Same name"' }] },
    });
    // Another person may use the name for their own view.
    await createSavedView(a.agent, { name: "Same name", query: {} });
    await createSavedView(a.supervisor, { name: "Team same", shared: true, query: {} });
    await expect(createSavedView(a.supervisor, { name: "Team same", shared: true, query: {} })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await viewRows()).toBe(before + 2);
  });

  it("API tokens have no views", async () => {
    await expect(listSavedViews(apiContext(a.agent.tenantId, "admin"))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("tenant isolation", () => {
  it("another tenant's team view is a 404 and never listed", async () => {
    const view = await createSavedView(b.supervisor, { name: "B team view", shared: true, query: {} });
    expect(await names(a.supervisor)).not.toContain("team:B team view");
    await expect(getSavedView(a.supervisor, view.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteSavedView(a.supervisor, view.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getSavedView(b.agent, view.id)).name).toBe("B team view");
  });
});
