import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/cases/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import type { CaseView } from "@/lib/cases/view/case-view";
import { updateCase } from "@/lib/cases/update-case";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";

// Word-prefix text search over the CaseSearchToken table (docs/decisions/0006-text-search-under-rls.md).

let a: ProvisionedTenant;
let b: ProvisionedTenant;
let garcia: CaseView;
let tanaka: CaseView;
let windows: CaseView;
let caseOfB: CaseView;

const mac = deviceBody({ key: "mac-1", platform: "mac", model: "MacBook Air M2", osVersion: "14.5" });

beforeAll(async () => {
  a = await provisionTenant({ name: "Search A" });
  b = await provisionTenant({ name: "Search B" });
  const ctxA = apiContext(a.tenantId);
  garcia = await createTestCase(ctxA, {
    customer: { name: "María José García", email: "Maria.Garcia@Example.com" },
    devices: [deviceBody({ model: "iPhone 15 Pro" })],
  });
  tanaka = await createTestCase(ctxA, {
    customer: { name: "Kenji Tanaka", email: "kenji@tanaka.example" },
    devices: [mac],
    statusMessages: [],
  });
  windows = await createTestCase(ctxA, {
    customer: { name: "Wendy Window", email: null },
    devices: [deviceBody({ key: "pc", platform: "windows", model: "Surface Laptop 5", osVersion: "14.2" })],
    statusMessages: [],
  });
  // Another tenant's case that every word below would match.
  caseOfB = await createTestCase(apiContext(b.tenantId), {
    customer: { name: "Kenji Tanaka García", email: "maria.garcia@example.com" },
    devices: [deviceBody({ model: "iPhone 15 Pro" }), deviceBody({ key: "pc", platform: "windows", model: "Surface Laptop 5", osVersion: "14.2" })],
  });
});
afterAll(closeAdminPool);

async function search(q: string, token = a.apiToken): Promise<string[]> {
  const res = await call(listRoute, "GET", "/api/v1/cases", { token, query: { q, limit: "100" } });
  expect(res.status).toBe(200);
  return res.body.items.map((item: { id: string }) => item.id).sort();
}
const ids = (...cases: CaseView[]) => cases.map((c) => c.id).sort();

describe("text search (q)", () => {
  it("finds a case by a prefix of a customer name word, case- and accent-insensitively", async () => {
    expect(await search("kenj")).toEqual(ids(tanaka));
    expect(await search("TANAK")).toEqual(ids(tanaka));
    expect(await search("Kenji Tanaka")).toEqual(ids(tanaka));
    expect(await search("garcia")).toEqual(ids(garcia));
    expect(await search("GARCÍA jos")).toEqual(ids(garcia));
  });

  it("finds a case by a part of the email", async () => {
    expect(await search("maria")).toEqual(ids(garcia));
    expect(await search("maria.garcia@example")).toEqual(ids(garcia));
    expect(await search("tanaka.example")).toEqual(ids(tanaka));
  });

  it("finds a case by device model words", async () => {
    expect(await search("15 pro")).toEqual(ids(garcia));
    expect(await search("iphone 15")).toEqual(ids(garcia));
    expect(await search("macbook m2")).toEqual(ids(tanaka));
    expect(await search("surface")).toEqual(ids(windows));
  });

  it("finds a case by PST-<n> and by the bare number", async () => {
    expect(await search(tanaka.displayNumber)).toEqual(ids(tanaka));
    expect(await search(tanaka.displayNumber.toLowerCase())).toEqual(ids(tanaka));
    expect(await search(String(windows.number))).toEqual(ids(windows));
  });

  it("every word must match (AND), and words match prefixes of words, not arbitrary substrings", async () => {
    expect(await search("kenji garcia")).toEqual([]);
    expect(await search("anaka")).toEqual([]);
    expect(await search("zzzz")).toEqual([]);
    // A query with no words filters nothing.
    expect(await search(" -- ")).toEqual(ids(garcia, tanaka, windows));
  });

  it("never returns another tenant's case, even when every word matches there", async () => {
    for (const q of ["kenji tanaka", "garcia", "maria.garcia@example.com", "15 pro", "surface", caseOfB.displayNumber]) {
      expect(await search(q)).not.toContain(caseOfB.id);
    }
    expect(await search("kenji tanaka garcia", b.apiToken)).toEqual(ids(caseOfB));
    expect(await search("kenji tanaka garcia")).toEqual([]);
    // The app role sees only its tenant's tokens, whatever it asks for.
    const visible = await withTenant(a.tenantId, (tx) => tx.caseSearchToken.findMany({ where: { caseId: caseOfB.id } }));
    expect(visible).toEqual([]);
  });

  it("editing the customer name or devices changes what search finds", async () => {
    const edited = await updateCase(apiContext(a.tenantId), windows.id, {
      version: windows.version,
      facts: { customer: { name: "Winifred Okafor", email: null }, devices: [mac], statusMessages: [] },
    });
    expect(await search("okafor")).toEqual(ids(windows));
    expect(await search("wendy")).toEqual([]);
    expect(await search("surface")).toEqual([]);
    expect((await search("macbook")).sort()).toEqual(ids(tanaka, windows));
    // Changes that do not touch the searched facts leave the tokens as they were.
    const before = await tokensOf(windows.id);
    await updateCase(apiContext(a.tenantId), windows.id, { version: edited.version, facts: { library: { sizeGb: 99 } } });
    expect(await tokensOf(windows.id)).toEqual(before);
  });
});

async function tokensOf(caseId: string): Promise<string[]> {
  const { rows } = await adminPool().query(`SELECT token FROM "CaseSearchToken" WHERE "caseId" = $1 ORDER BY token`, [caseId]);
  return rows.map((row: { token: string }) => row.token);
}
