import { adminDatabaseUrl } from "../support/integration-env";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { seedMetricsCases } from "@/bench/seed-metrics";

// The metrics benchmark's fast seed (triggers off, aggregates built afterwards) must leave exactly
// what the production triggers leave for the same data, or bench:metrics measures other tables than
// the product keeps. Same tenants, same generated data, loaded once each way; every table compared
// row by row.

const NOW = new Date("2026-11-20T09:30:00.000Z");
let admin: pg.Client;
let tenantIds: string[];
let fast: Snapshot;
let reference: Snapshot;

// Each table's rows of the two tenants in a stable order. Ids are compared too (the generator's are
// deterministic), except the status history's, which the trigger draws at random.
const TABLES = {
  Customer: `SELECT * FROM "Customer" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", id`,
  Case: `SELECT * FROM "Case" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", id`,
  Device: `SELECT * FROM "Device" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", id`,
  TriedStep: `SELECT * FROM "TriedStep" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", id`,
  CaseStatusChange: `SELECT "tenantId", "caseId", "changedAt", "fromStatus", "toStatus", platforms::text[], "caseCreatedAt"
    FROM "CaseStatusChange" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", "caseId", "changedAt", "toStatus"`,
  RuleOutcomeCount: `SELECT * FROM "RuleOutcomeCount" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", period, bucket, platform, "osMajor", "ruleId"`,
  // A count that went back to zero is the same as no row (readers treat both as 0): only the trigger leaves such rows.
  CaseStateCount: `SELECT * FROM "CaseStateCount" WHERE "tenantId" = ANY($1) AND cases <> 0 ORDER BY "tenantId", kind, platform, key`,
  // `version` counts the statements that touched a week (one per chunk and move through the triggers,
  // one in all for the fast load): what matters is that every such week is stale (version > computedVersion).
  WeekStatusStats: `SELECT "tenantId", platform, week, "computedVersion", resolved, "resolvedByDesk", escalated, returned,
      "medianEscalate", "medianResolve", "p90Resolve", "version" > "computedVersion" AS stale
    FROM "WeekStatusStats" WHERE "tenantId" = ANY($1) ORDER BY "tenantId", platform, week`,
} satisfies Record<string, string>;
type Table = keyof typeof TABLES;
type Snapshot = Record<Table, unknown[]>;

async function snapshot(): Promise<Snapshot> {
  const result = {} as Snapshot;
  for (const table of Object.keys(TABLES) as Table[]) result[table] = (await admin.query(TABLES[table], [tenantIds])).rows;
  return result;
}

async function wipe(): Promise<void> {
  // As the superuser with triggers off: the status history refuses DELETE otherwise.
  await admin.query("SET session_replication_role = replica");
  for (const table of ["WeekStatusStats", "CaseStatusChange", "RuleOutcomeCount", "CaseStateCount", "TriedStep", "Device", "Case", "Customer"]) {
    await admin.query(`DELETE FROM "${table}" WHERE "tenantId" = ANY($1)`, [tenantIds]);
  }
  await admin.query("RESET session_replication_role");
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  tenantIds = [(await provisionTenant({ name: "Metrics seed A" })).tenantId, (await provisionTenant({ name: "Metrics seed B" })).tenantId];
  const tenants = [{ tenantId: tenantIds[0]!, cases: 1_500 }, { tenantId: tenantIds[1]!, cases: 500 }];
  await seedMetricsCases(adminDatabaseUrl, tenants, { now: NOW });
  fast = await snapshot();
  await wipe();
  await seedMetricsCases(adminDatabaseUrl, tenants, { now: NOW, throughTriggers: true });
  reference = await snapshot();
}, 180_000);

afterAll(async () => {
  await admin.end();
});

describe("bench/seed-metrics.ts", () => {
  it("generates a history with every kind of row the metrics count", () => {
    expect(reference.Case).toHaveLength(2_000);
    const statuses = new Set(reference.Case.map((row) => (row as { status: string }).status));
    expect([...statuses].sort()).toEqual(["escalated", "escalation_review", "open", "resolved", "waiting_on_customer"]);
    const moves = new Set(reference.CaseStatusChange.map((row) => `${(row as { fromStatus: string }).fromStatus}>${(row as { toStatus: string }).toStatus}`));
    expect(moves).toContain("escalation_review>open"); // returned
    expect(moves).toContain("escalated>resolved");
    expect(reference.RuleOutcomeCount.length).toBeGreaterThan(1_000);
    expect(reference.CaseStateCount.some((row) => (row as { kind: string }).kind === "blocker")).toBe(true);
    expect(reference.WeekStatusStats.length).toBeGreaterThan(100);
  });

  for (const table of Object.keys(TABLES) as Table[]) {
    it(`the fast load leaves ${table} exactly as the triggers do`, () => {
      expect(fast[table].length).toBe(reference[table].length);
      expect(fast[table]).toEqual(reference[table]);
    });
  }

  it("leaves every seeded week stale, as the triggers do, so the first read computes it from the history", () => {
    expect(fast.WeekStatusStats.every((row) => (row as { stale: boolean }).stale)).toBe(true);
  });

  it("numbers cases 1…N per tenant and continues each tenant's sequence from there", async () => {
    const { rows } = await admin.query(`SELECT "caseSeq" FROM "Tenant" WHERE id = ANY($1) ORDER BY array_position($1, id)`, [tenantIds]);
    expect(rows.map((row) => row.caseSeq)).toEqual([1_500, 500]);
  });
});
