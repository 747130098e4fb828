import { adminDatabaseUrl } from "../support/integration-env";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/lib/cases/get-case";
import { listCases } from "@/lib/cases/list/list-cases";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { platformsOf } from "@/lib/cases/derived-columns";
import { searchTokensOf } from "@/lib/cases/search-tokens";
import { caseFactsSchema } from "@/lib/facts/schema";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { apiContext } from "../support/case-factory";
import { seedCases } from "@/bench/seed-cases";
import { FIRST_NAMES, RARE_SURNAMES } from "@/bench/seed-vocabulary";

// The benchmarks' set-based seed must store what the services would store for the same facts,
// or the benchmarks measure a different database than the product makes.

const CASES = 240;
let admin: pg.Client;
let tenantId: string;
let otherTenantId: string;
let indexesBefore: string[];

// Every index and constraint of the tables the seed drops indexes on, as PostgreSQL would recreate them.
const indexDefinitions = async () =>
  (await admin.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
     AND tablename IN ('Customer', 'Case', 'CaseSearchToken', 'Device', 'StatusObservation', 'TriedStep', 'CaseEvent') ORDER BY indexdef`))
    .rows.map((row) => row.indexdef as string);

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  tenantId = (await provisionTenant({ name: "Seed Check" })).tenantId;
  otherTenantId = (await provisionTenant({ name: "Seed Check Other" })).tenantId;
  indexesBefore = await indexDefinitions();
  const report = await seedCases(adminDatabaseUrl, [
    { tenantId, cases: CASES, assigneeId: null },
    { tenantId: otherTenantId, cases: 30, assigneeId: null },
  ]);
  expect(report.cases).toBe(CASES + 30);
});

afterAll(async () => {
  await admin.end();
});

describe("bench/seed-cases.ts", () => {
  it("rebuilds every index it dropped for the load", async () => {
    expect(indexesBefore.length).toBeGreaterThan(20);
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it("stores the search tokens and platforms the services derive from each seeded case's facts", async () => {
    const mismatches: string[] = [];
    const { rows: tokenRows } = await admin.query(
      `SELECT "caseId", array_agg(token ORDER BY token) AS tokens FROM "CaseSearchToken" WHERE "tenantId" = $1 GROUP BY "caseId"`,
      [tenantId],
    );
    const tokensByCase = new Map(tokenRows.map((row) => [row.caseId as string, row.tokens as string[]]));
    await withTenant(tenantId, async (tx) => {
      const cases = await tx.case.findMany({ select: { id: true, number: true, platforms: true } });
      expect(cases).toHaveLength(CASES);
      for (const row of cases) {
        const record = (await loadCaseRecord(tx, tenantId, row.id))!;
        // The facts read back are ones the API would accept.
        caseFactsSchema.parse(record.facts);
        const stored = tokensByCase.get(row.id) ?? [];
        // Compared as JavaScript sorts them (the database's array_agg order is byte order).
        const [storedSorted, expected] = [[...stored].sort(), searchTokensOf(record.facts, row.number).sort()];
        if (JSON.stringify(storedSorted) !== JSON.stringify(expected)) {
          mismatches.push(`PST-${row.number}: stored [${storedSorted.join(" ")}], services would store [${expected.join(" ")}]`);
        }
        expect(row.platforms).toEqual(platformsOf(record.facts));
      }
    }, { timeoutMs: 120_000 });
    expect(mismatches).toEqual([]);
  });

  it("numbers cases 1…N per tenant and continues the tenant's sequence from there", async () => {
    const { rows } = await admin.query(
      `SELECT t."caseSeq", min(c.number)::int AS first, max(c.number)::int AS last, count(*)::int AS n
       FROM "Tenant" t JOIN "Case" c ON c."tenantId" = t.id WHERE t.id = $1 GROUP BY t."caseSeq"`,
      [tenantId],
    );
    expect(rows[0]).toEqual({ caseSeq: CASES, first: 1, last: CASES, n: CASES });
  });

  it("seeded cases open, list and search through the services, each tenant seeing only its own", async () => {
    const ctx = apiContext(tenantId, "agent");
    const page = await listCases(ctx, { q: "PST-15", limit: 100 });
    expect(page.items.map((item) => item.displayNumber)).toContain("PST-15");
    const view = await getCase(ctx, page.items.find((item) => item.number === 15)!.id);
    expect(view.facts.devices.map((device) => device.model)).toEqual(["iPhone 16", "iPad mini", "iMac 24"]);
    // Steps carry who recorded them through their timeline events, as recorded steps do.
    expect(view.steps.length).toBe(15 % 4);
    expect(view.steps.every((step) => step.by.name === "API token “Seed”")).toBe(true);
    expect(view.timeline.map((event) => event.type)).toEqual(["case.created", "step.recorded", "step.recorded", "step.recorded"]);

    // Case 9 is one of the customers in ten with a rare surname.
    const rare = RARE_SURNAMES[(9 * 7919) % 8000]!;
    const found = await listCases(ctx, { q: rare.toLowerCase() });
    expect(found.items.map((item) => item.customer.name)).toContain(`${FIRST_NAMES[9]} ${rare}`);
    const other = await listCases(apiContext(otherTenantId, "agent"), { limit: 100 });
    expect(other.items).toHaveLength(30);
  });
});
