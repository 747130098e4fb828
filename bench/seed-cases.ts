import { readFileSync } from "node:fs";
import pg from "pg";
import { seedVocabulary } from "./seed-vocabulary";

// Set-based seeding for the benchmarks: cases with customers, 1–3 devices, status messages, tried
// steps, timeline events and search tokens, generated inside PostgreSQL from generate_series on two
// connections at once (docs/decisions/0080-benchmark-seeding-at-a-million-cases.md). Runs as the
// admin role (RLS does not apply); the benchmarks then read and write as the application role.
//
// Every value is a function of (tenant index, case number n), so each table is one INSERT … SELECT
// over the same generator and no staging table is materialised. Ids are UUIDv7-shaped (creation
// time in the first 48 bits, like the app's uuid(7) defaults), so keys arrive in index order.
// Integer arithmetic is bigint throughout: n * 7919 overflows int4 past 271,000 cases.

export interface SeedTenant {
  tenantId: string;
  cases: number;
  /** Every third case is assigned to this member (null: none). */
  assigneeId: string | null;
}

export interface SeedReport {
  cases: number;
  seconds: number;
  /** Seconds per statement kind (the two connections' overlap) and per phase "(wall)", for finding the slow one. */
  steps: Record<string, number>;
  /**
   * CPU seconds the seeding connections' PostgreSQL processes used (null where /proc is not readable):
   * unlike wall time, it does not grow when other work shares the machine.
   */
  serverCpuSeconds: number | null;
}

// (creation ms, tenant index, counter) → a UUIDv7-shaped id: 48-bit Unix ms, version 7, 12 bits of
// tenant index, variant 8, 60-bit counter; unique per table as long as counters are. Written out
// inline in each statement: a SQL function whose body PostgreSQL does not inline costs ~10 µs a
// call, and the seed makes ~20 ids per case.
const id = (counter: string) =>
  `(lpad(to_hex(created_ms), 12, '0') || '7' || lpad(to_hex(idx), 3, '0') || '8' || lpad(to_hex(${counter}), 15, '0'))::uuid`;

const CASE_SOURCE = `
  CREATE TEMP VIEW seed_case AS
  SELECT t.tenant_id, t.idx, t.assignee_id, n, c.created_at, c.created_ms,
         (lpad(to_hex(c.created_ms), 12, '0') || '7' || lpad(to_hex(t.idx), 3, '0') || '8' || lpad(to_hex(n), 15, '0'))::uuid AS case_id,
         v.first_names[1 + n % 12] || ' ' || sn.name AS customer_name,
         v.first_tokens[1 + n % 12] || ' ' || sn.tokens AS name_tokens,
         'customer' || n || '@' || v.domains[1 + n % 3] AS email,
         v.domain_tokens[1 + n % 3] AS domain_tokens,
         string_to_array(v.profile_platforms[1 + n % 4], ',') AS platforms,
         string_to_array(v.profile_models[1 + n % 4], ',') AS models,
         v.profile_tokens[1 + n % 4] AS model_tokens,
         (ARRAY['open','open','open','open','open','open','waiting_on_customer','waiting_on_customer','resolved','escalation_review'])[1 + n % 10]::"CaseStatus" AS status,
         v.step_rules
  -- Set-returning functions sit in SELECT lists, never in FROM: in FROM each call is first
  -- materialised into a tuplestore (once per tenant here, once per case in the child tables).
  FROM (SELECT tenant_id, idx, assignee_id, cases, generate_series(1::bigint, cases) AS n FROM seed_tenant) t
  CROSS JOIN seed_vocab v
  CROSS JOIN LATERAL (SELECT (t.cases - n) * 3 + (n * 7919) % 60 AS age_minutes) a
  CROSS JOIN LATERAL (SELECT v.now - make_interval(mins => a.age_minutes::int) AS created_at, v.now_ms - a.age_minutes * 60000 AS created_ms) c
  -- One customer in ten has a rare surname (after the 10 common ones).
  -- A join, not an array subscript: indexing a large (TOASTed) array decompresses it on every row.
  JOIN seed_surname sn ON sn.i = (CASE WHEN n % 10 = 9 THEN 11 + (n * 7919) % 8000 ELSE 1 + (n / 12) % 10 END)::int`;

const INSERTS: Record<string, string> = {
  customers: `INSERT INTO "Customer" ("tenantId", id, name, email, "createdAt")
    SELECT tenant_id, ${id("n")}, customer_name, email, created_at FROM seed_case`,
  cases: `INSERT INTO "Case" ("tenantId", id, number, "customerId", status, "assigneeId", version, "problemSince",
      "appleIdConsistent", "appleSystemStatus", "libraryItemCount", "librarySizeGb", "libraryHasLargeFiles", "icloudTotalGb", "icloudFreeGb",
      symptoms, platforms, "escalationReadyAt", "escalationSubmittedAt", "createdAt", "updatedAt", "resolvedAt")
    SELECT tenant_id, case_id, n, ${id("n")}, status, CASE WHEN n % 3 = 0 THEN assignee_id END, 1 + n % 4,
      created_at - make_interval(hours => (n % 200)::int),
      CASE n % 3 WHEN 0 THEN true WHEN 1 THEN false END,
      (ARRAY['ok','unknown','ok','outage'])[1 + n % 4]::"AppleSystemStatus",
      CASE WHEN n % 5 <> 0 THEN 1000 + (n * 37) % 90000 END, CASE WHEN n % 5 <> 0 THEN 5 + (n * 13) % 900 END, n % 4 = 0,
      (ARRAY[50, 200, 2000])[1 + n % 3], ((n * 17) % 50)::float,
      string_to_array((ARRAY['stuck_waiting_to_upload', 'blurry_thumbnails,slow_upload', '', 'items_missing'])[1 + n % 4], ',')::"Symptom"[],
      platforms::"Platform"[],
      CASE WHEN n % 7 = 0 THEN created_at + interval '1 day' END,
      CASE WHEN status = 'escalation_review' THEN created_at + make_interval(hours => (1 + n % 30)::int) END,
      created_at, created_at + make_interval(mins => ((n * 31) % 600)::int), CASE WHEN status = 'resolved' THEN created_at + interval '2 days' END
    FROM seed_case`,
  // Tokens as searchTokensOf() makes them: name, email (local part and domain words), "pst", the
  // number (once, even when a model has the same number), the models' words.
  searchTokens: `INSERT INTO "CaseSearchToken" ("tenantId", token, "caseId")
    SELECT tenant_id, unnest(string_to_array(name_tokens || ' customer' || n || ' ' || domain_tokens || ' pst'
        || CASE WHEN n::text = ANY (string_to_array(model_tokens, ' ')) THEN '' ELSE ' ' || n END || ' ' || model_tokens, ' ')), case_id
    FROM seed_case`,
  devices: `INSERT INTO "Device" ("tenantId", id, "caseId", key, position, platform, model, "osVersion", "icloudPhotosEnabled",
      "storageMode", "freeStorageGb", "lowPowerMode", "pluggedIn", network, vpn)
    SELECT tenant_id, ${id("n * 4 + pos")}, case_id, platform || '-' || pos, pos - 1, platform::"Platform", models[pos],
      CASE WHEN platform IN ('iphone','ipad') THEN '17.' || (n % 6) WHEN platform = 'mac' THEN '14.' || (n % 5) END,
      n % 9 <> 0, (ARRAY['optimize','originals'])[1 + n % 2]::"StorageMode", (n * 3) % 120, n % 8 = 0, n % 2 = 0,
      (ARRAY['wifi','wifi','cellular','hotspot','wifi'])[1 + (n + pos) % 5]::"NetworkKind", n % 11 = 0
    FROM (SELECT seed_case.*, unnest(platforms) AS platform, generate_subscripts(platforms, 1)::bigint AS pos FROM seed_case) d`,
  statusMessages: `INSERT INTO "StatusObservation" ("tenantId", id, "caseId", "deviceKey", message, text, "observedAt")
    SELECT tenant_id, ${id("n * 2 + k")}, case_id, platforms[1] || '-1',
      (ARRAY['waiting_to_upload','paused','uploading','syncing','other'])[1 + (n + k) % 5]::"StatusMessageKind",
      CASE WHEN k = 1 THEN 'Waiting to Upload ' || (n % 900) || ' Items' END, created_at - make_interval(hours => k::int)
    FROM (SELECT seed_case.*, generate_series(1, 1 + n % 2) AS k FROM seed_case) s`,
  steps: `INSERT INTO "TriedStep" ("tenantId", id, "caseId", "ruleId", outcome, note, "triedAt", "actorKind", "createdAt")
    SELECT tenant_id, ${id("n * 4 + k")}, case_id, step_rules[1 + (n + k) % 6],
      (ARRAY['no_change','no_change','skipped','worse','resolved'])[1 + (n * k) % 5]::"StepOutcome", NULL,
      created_at + make_interval(mins => k::int * 10), 'api_token', created_at + make_interval(mins => k::int * 10)
    FROM (SELECT seed_case.*, generate_series(1, n % 4) AS k FROM seed_case) s`,
  // The timeline as the services write it: case.created, then one step.recorded per step.
  events: `INSERT INTO "CaseEvent" ("tenantId", id, "caseId", type, "actorKind", "actorLabel", data, "createdAt")
    SELECT tenant_id, ${id("n * 4 + k")}, case_id,
      CASE WHEN k = 0 THEN 'case.created' ELSE 'step.recorded' END, 'api_token', 'API token “Seed”',
      CASE WHEN k = 0 THEN jsonb_build_object('number', n, 'status', status, 'assigneeId', CASE WHEN n % 3 = 0 THEN assignee_id END)
           ELSE jsonb_build_object('stepId', ${id("n * 4 + k")}, 'ruleId', step_rules[1 + (n + k) % 6],
                  'outcome', (ARRAY['no_change','no_change','skipped','worse','resolved'])[1 + (n * k) % 5], 'note', NULL) END,
      created_at + make_interval(mins => k::int * 10)
    FROM (SELECT seed_case.*, generate_series(0, n % 4) AS k FROM seed_case) s`,
  caseNumbers: `UPDATE "Tenant" t SET "caseSeq" = s.cases FROM seed_tenant s WHERE t.id = s.tenant_id`,
};

// Indexes are built once after the load (a sort each, in parallel workers) instead of taking
// millions of inserts one by one. Primary keys stay (ids arrive in key order, and foreign keys
// need them), except the token table's (tenantId, token, caseId): rows arrive in case order, at
// random places in that index.
const TOKEN_PRIMARY_KEY = `"CaseSearchToken_pkey"`;
const SEEDED_TABLES = ["Customer", "Case", "CaseSearchToken", "Device", "StatusObservation", "TriedStep", "CaseEvent"];

type IndexDefinition = { table: string; name: string; definition: string };

/** The seeded tables' indexes that no constraint owns (Prisma's @@index and @@unique), with their definitions. */
export async function secondaryIndexes(admin: pg.Client, tables: readonly string[] = SEEDED_TABLES): Promise<IndexDefinition[]> {
  const { rows } = await admin.query(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)
     ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  return rows;
}

export interface SeedOptions {
  now?: Date;
}

// The INSERTs in two groups of about equal work (measured at 1,000,000 cases), each run on its own
// connection: a quiet 2-core machine loads in about half the time, a busy one no slower. Likewise
// the index builds: the token table's two (12 rows a case) against all the others.
const LOAD_GROUPS = [["searchTokens", "devices", "customers", "statusMessages"], ["events", "cases", "steps", "caseNumbers"]];
const TOKEN_TABLE_INDEXES = (secondary: IndexDefinition[]) => [
  `ALTER TABLE "CaseSearchToken" ADD CONSTRAINT ${TOKEN_PRIMARY_KEY} PRIMARY KEY ("tenantId", token, "caseId")`,
  ...secondary.filter((index) => index.table === "CaseSearchToken").map((index) => index.definition),
];
const OTHER_INDEXES = (secondary: IndexDefinition[]) => secondary.filter((index) => index.table !== "CaseSearchToken").map((index) => index.definition);

export async function seedCases(adminUrl: string, tenants: SeedTenant[], options: SeedOptions = {}): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const steps: Record<string, number> = {};
  const connections = [new pg.Client({ connectionString: adminUrl }), new pg.Client({ connectionString: adminUrl })];
  const run = async (client: pg.Client, name: string, sql: string) => {
    const t0 = performance.now();
    await client.query(sql);
    steps[name] = (steps[name] ?? 0) + (performance.now() - t0) / 1000;
  };
  // Both connections' work at once; both finish (or fail) before the next phase or the error.
  const inParallel = async (phase: string, work: ((client: pg.Client) => Promise<void>)[]) => {
    const t0 = performance.now();
    const results = await Promise.allSettled(work.map((job, index) => job(connections[index]!)));
    steps[`${phase} (wall)`] = (performance.now() - t0) / 1000;
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };
  try {
    await Promise.all(connections.map((client) => client.connect()));
    const pids = await Promise.all(connections.map(async (client) => (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number));
    const cpuBefore = pids.map(processCpuSeconds);
    await Promise.all(connections.map((client) => prepareSession(client, tenants, now)));

    const secondary = await secondaryIndexes(connections[0]!);
    // Autovacuum would start on the loaded tables as soon as their rows land, and the seed's own
    // VACUUM/ANALYZE would then wait for it: it is off for these tables until the seed is done.
    await run(connections[0]!, "drop indexes", `ALTER TABLE "CaseSearchToken" DROP CONSTRAINT ${TOKEN_PRIMARY_KEY};
      ${secondary.map((index) => `DROP INDEX "${index.name}";`).join("\n")}
      ${SEEDED_TABLES.map((table) => `ALTER TABLE "${table}" SET (autovacuum_enabled = false);`).join("\n")}`);
    await inParallel("load", LOAD_GROUPS.map((group) => async (client) => {
      for (const name of group) await run(client, name, INSERTS[name]!);
    }));
    await inParallel("build indexes", [TOKEN_TABLE_INDEXES(secondary), OTHER_INDEXES(secondary)].map((statements) => async (client) => {
      for (const sql of statements) await run(client, "build indexes", sql);
    }));
    // Fresh rows are not yet marked all-visible: without a vacuum the search's token probes are not
    // index-only. Autovacuum would get there; the benchmark should not wait for it. The other tables
    // are read through their heaps anyway and only need statistics.
    await inParallel("statistics", [
      (client) => run(client, "vacuum analyze", `VACUUM (ANALYZE, BUFFER_USAGE_LIMIT 0) "CaseSearchToken"`),
      async (client) => {
        for (const table of SEEDED_TABLES.filter((name) => name !== "CaseSearchToken")) await run(client, `analyze ${table}`, `ANALYZE "${table}"`);
      },
    ]);
    await connections[0]!.query(SEEDED_TABLES.map((table) => `ALTER TABLE "${table}" RESET (autovacuum_enabled);`).join("\n"));
    const cpuAfter = pids.map(processCpuSeconds);
    const serverCpuSeconds = cpuBefore.every((cpu) => cpu !== null) && cpuAfter.every((cpu) => cpu !== null)
      ? cpuAfter.reduce((sum, cpu, index) => sum + cpu! - cpuBefore[index]!, 0)
      : null;
    const cases = tenants.reduce((sum, tenant) => sum + tenant.cases, 0);
    return { cases, seconds: (performance.now() - started) / 1000, steps, serverCpuSeconds };
  } finally {
    await Promise.all(connections.map((client) => client.end().catch(() => undefined)));
  }
}

/** A seeding session: no row-by-row foreign-key checks or triggers, no JIT, and the generator's temporary tables and view. */
async function prepareSession(client: pg.Client, tenants: SeedTenant[], now: Date): Promise<void> {
  const vocabulary = seedVocabulary();
  // Foreign keys are not checked row by row (the generator keeps them consistent by construction);
  // tests/integration/bench-seed.test.ts reads seeded rows back through the services.
  await client.query("SET session_replication_role = replica");
  await client.query("SET synchronous_commit = off");
  // The generator's row estimates are guesses: JIT-compiling each INSERT costs more than it saves.
  await client.query("SET jit = off");
  await client.query(`CREATE TEMP TABLE seed_tenant AS
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::bigint[], $4::uuid[]) AS t(idx, tenant_id, cases, assignee_id)`,
    [tenants.map((_, index) => index + 1), tenants.map((t) => t.tenantId), tenants.map((t) => t.cases), tenants.map((t) => t.assigneeId)]);
  await client.query(`CREATE TEMP TABLE seed_vocab AS SELECT $1::timestamptz AS now, $10::bigint AS now_ms, $2::text[] AS first_names, $3::text[] AS first_tokens,
    $4::text[] AS domains, $5::text[] AS domain_tokens, $6::text[] AS profile_platforms, $7::text[] AS profile_models,
    $8::text[] AS profile_tokens, $9::text[] AS step_rules`,
    [now, vocabulary.firstNames, vocabulary.firstTokens, vocabulary.domains, vocabulary.domainTokens, vocabulary.profilePlatforms,
      vocabulary.profileModels, vocabulary.profileTokens, vocabulary.stepRules, now.getTime()]);
  await client.query(`CREATE TEMP TABLE seed_surname AS SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(name, tokens, i)`,
    [vocabulary.surnames, vocabulary.surnameTokens]);
  await client.query(`ANALYZE seed_surname`);
  await client.query(CASE_SOURCE);
}

/** User + system CPU time of a local process from /proc (clock ticks are 100 per second on Linux). */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
