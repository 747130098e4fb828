import pg from "pg";
import { secondaryIndexes } from "./seed-cases";
import { createSeedSource, INSERT_CUSTOMERS, INSERT_DEVICES, insertCases, insertSteps, RULES, type MetricsSeedTenant } from "./seed-metrics-source";
import { seedMetricsThroughTriggers } from "./seed-metrics-triggers";

// Seeding for the metrics benchmark (docs/decisions/0043-metrics-seed-and-platform-filter.md).
// The fast way (default) loads every table set-based in one pass each, as bench/seed-cases.ts does
// (decision 0080): rows generated in SQL, triggers and row-by-row foreign-key checks off
// (session_replication_role = replica), secondary indexes built after the load. The aggregates the
// triggers would have kept are then built from the loaded rows by the migration's own functions
// (rule_outcome_count_add, case_state_count_apply), over chunks of cases, and by the same SQL as
// the triggers for the rest (attributedTo, CaseStatusChange, WeekStatusStats).
// tests/integration/bench-seed-metrics.test.ts compares every aggregate with what the triggers
// write for the same data (`throughTriggers`, the slow reference: each case inserted open, then
// one UPDATE per status move).

export interface MetricsSeedOptions {
  now?: Date;
  /** The reference: everything through the production triggers, in chunks (slow: ~an hour at 1,000,000 cases). */
  throughTriggers?: boolean;
  log?: (message: string) => void;
}

export interface MetricsSeedReport {
  cases: number;
  seconds: number;
  /** Wall seconds per phase, in order. */
  phases: Record<string, number>;
}

// Rows per call of the aggregate functions (each call takes its rows as one array): cases, and
// months of steps (~200,000 steps a quarter at 1,000,000 cases over two years).
const AGGREGATE_CHUNK = 100_000;
const STEP_CHUNK_MONTHS = 3;
const LOADED_TABLES = ["Customer", "Case", "Device", "TriedStep", "CaseStatusChange", "RuleOutcomeCount"];

export async function seedMetricsCases(adminUrl: string, tenants: MetricsSeedTenant[], options: MetricsSeedOptions = {}): Promise<MetricsSeedReport> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const phases: Record<string, number> = {};
  const client = new pg.Client({ connectionString: adminUrl });
  const phase = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    phases[name] = (phases[name] ?? 0) + (performance.now() - t0) / 1000;
    options.log?.(`  ${name}: ${phases[name]!.toFixed(1)} s`);
  };
  try {
    await client.connect();
    await client.query("SET jit = off"); // the generator's row estimates are guesses
    await client.query("SET synchronous_commit = off");
    // The load's hash aggregates and sorts (a million cases' moves and devices) fit in memory instead of spilling.
    await client.query("SET work_mem = '256MB'");
    await createSeedSource(client, tenants, now);
    if (options.throughTriggers) await phase("through the triggers", () => seedMetricsThroughTriggers(client, tenants, options.log));
    else await loadFast(client, tenants, phase);
    await client.query(`UPDATE "Tenant" t SET "caseSeq" = s.cases FROM metrics_seed_tenant s WHERE t.id = s.tenant_id`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { cases: tenants.reduce((sum, t) => sum + t.cases, 0), seconds: (performance.now() - started) / 1000, phases };
}

type Phase = (name: string, work: () => Promise<unknown>) => Promise<void>;

async function loadFast(client: pg.Client, tenants: MetricsSeedTenant[], phase: Phase): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  await q("SET session_replication_role = replica");
  const secondary = await secondaryIndexes(client, LOADED_TABLES);
  await phase("drop indexes", () => q(`${secondary.map((index) => `DROP INDEX "${index.name}";`).join("\n")}
    ${LOADED_TABLES.map((table) => `ALTER TABLE "${table}" SET (autovacuum_enabled = false);`).join("\n")}`));
  await phase("customers", () => q(INSERT_CUSTOMERS));
  await phase("cases (final state)", () => q(insertCases(true)));
  await phase("devices", () => q(INSERT_DEVICES));
  await phase("steps with attribution", () => q(insertSteps(true), [RULES]));
  await phase("status history", () => q(INSERT_STATUS_HISTORY));
  await phase("build indexes", async () => {
    for (const index of secondary) await q(index.definition);
  });
  // The steps in chunks of whole quarters (UTC): each chunk writes its own day and month rows once
  // (only the `all` rows are met again), where chunks of case numbers, each spread over the two years,
  // updated nearly every row of the table once per chunk (177 s of a 457 s seed at 1,000,000 cases).
  await phase("rule outcome counts", async () => {
    const { rows: [span] } = await q(`SELECT min("triedAt") AS first, max("triedAt") AS last FROM "TriedStep" WHERE "tenantId" IN (SELECT tenant_id FROM metrics_seed_tenant)`);
    if (!span?.first) return;
    const first = span.first as Date;
    for (let start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); start <= (span.last as Date).getTime();) {
      const date = new Date(start);
      const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + STEP_CHUNK_MONTHS, 1);
      await q(RULE_OUTCOME_COUNTS, [new Date(start), new Date(end)]);
      start = end;
    }
  });
  // Chunks of case numbers: metrics_seed_tenant's low/high bound the rows each call reads.
  await phase("case state counts", async () => {
    const largest = Math.max(...tenants.map((t) => t.cases));
    for (let low = 1; low <= largest; low += AGGREGATE_CHUNK) {
      await q(`UPDATE metrics_seed_tenant SET low = $1, high = LEAST(cases, $2)`, [low, low + AGGREGATE_CHUNK - 1]);
      await q(CASE_STATE_COUNTS);
    }
  });
  await phase("week stats (stale)", () => q(WEEK_STATUS_STATS));
  // What autovacuum would long have done to old rows in production (hint bits, visibility map,
  // statistics): done here, or its first pass over the fresh tables runs during the measurements.
  await phase("vacuum analyze", () => q(`VACUUM (ANALYZE) ${[...LOADED_TABLES, "CaseStateCount", "WeekStatusStats"].map((table) => `"${table}"`).join(", ")}`));
  await q(LOADED_TABLES.map((table) => `ALTER TABLE "${table}" RESET (autovacuum_enabled);`).join("\n"));
  await q("RESET session_replication_role");
}

const range = (table: number, alias: string, column: string, low: string, high: string) =>
  `${alias}."tenantId" = s.tenant_id AND ${alias}.${column} BETWEEN (s.id_prefix || '-000${table}-7000-8000-' || lpad(to_hex(${low}), 12, '0'))::uuid
     AND (s.id_prefix || '-000${table}-7000-8000-' || lpad(to_hex(${high}), 12, '0'))::uuid`;

const RULE_OUTCOME_COUNTS = `SELECT rule_outcome_count_add(ARRAY(
  SELECT t FROM "TriedStep" t WHERE t."tenantId" IN (SELECT tenant_id FROM metrics_seed_tenant) AND t."triedAt" >= $1 AND t."triedAt" < $2), 1)`;

const CASE_STATE_COUNTS = `SELECT case_state_count_apply('{}', ARRAY(
  SELECT c FROM "Case" c JOIN metrics_seed_tenant s ON ${range(2, "c", "id", "s.low", "s.high")}))`;

// What case_status_change_record() writes for the insert (the case's first status, open, at its
// creation) and for each move: the move's moment, which is resolvedAt on a move to resolved and the
// updatedAt the move set otherwise (every move sets a new one).
// Inserted in time order, as the triggers append it in production (a week's rows on neighbouring
// pages), with ids ascending in that order.
const INSERT_STATUS_HISTORY = `INSERT INTO "CaseStatusChange" ("tenantId", id, "caseId", "changedAt", "fromStatus", "toStatus", platforms, "caseCreatedAt")
  SELECT tenant_id, (id_prefix || '-0005-7000-8000-' || lpad(to_hex(row_number() OVER (PARTITION BY tenant_id ORDER BY changed_at, case_id, seq)), 12, '0'))::uuid,
         case_id, changed_at, from_status, to_status, platforms::"Platform"[], created_at
  FROM (
    SELECT tenant_id, id_prefix, case_id, 0 AS seq, created_at AS changed_at, NULL::"CaseStatus" AS from_status, 'open'::"CaseStatus" AS to_status,
           platforms, created_at
    FROM metrics_seed_case
    UNION ALL
    SELECT tenant_id, id_prefix, case_id, seq, at, COALESCE(lag(to_status) OVER (PARTITION BY tenant_id, case_id ORDER BY seq), 'open'), to_status,
           platforms, created_at
    FROM metrics_seed_move) h
  ORDER BY tenant_id, changed_at, case_id, seq`;

// week_status_stats_touch() over the whole history at once: every week with a counted change is
// stale (version ahead of computedVersion 0), for all devices and for each platform of the case.
const WEEK_STATUS_STATS = `INSERT INTO "WeekStatusStats" ("tenantId", "platform", "week", "version")
  SELECT n."tenantId", p.platform, date_trunc('week', n."changedAt" AT TIME ZONE 'UTC')::date, 1
  FROM "CaseStatusChange" n
  CROSS JOIN LATERAL (SELECT 'all' AS platform UNION SELECT pl::text FROM unnest(n.platforms) pl) p
  WHERE n."tenantId" IN (SELECT tenant_id FROM metrics_seed_tenant)
    AND (n."toStatus" IN ('resolved', 'escalated') OR n."fromStatus" = 'escalation_review')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("tenantId", "platform", "week") DO UPDATE SET "version" = "WeekStatusStats"."version" + 1`;
