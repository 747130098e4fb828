import { readFileSync } from "node:fs";
import type pg from "pg";
import { seedVocabulary } from "./seed-vocabulary";

// Set-based seeding for the benchmarks: cases with customers, 1–3 devices, status messages, tried
// steps, timeline events and search tokens, generated inside PostgreSQL from generate_series in one
// transaction (docs/decisions/0080-benchmark-seeding-at-a-million-cases.md). Runs as the admin role
// (RLS does not apply); the benchmarks then read and write as the application role.
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
  /** Seconds per step, for finding the slow one. */
  steps: Record<string, number>;
  /**
   * CPU seconds the seeding connection's PostgreSQL process used (null where /proc is not readable):
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
      symptoms, platforms, "escalationReadyAt", "createdAt", "updatedAt", "resolvedAt")
    SELECT tenant_id, case_id, n, ${id("n")}, status, CASE WHEN n % 3 = 0 THEN assignee_id END, 1 + n % 4,
      created_at - make_interval(hours => (n % 200)::int),
      CASE n % 3 WHEN 0 THEN true WHEN 1 THEN false END,
      (ARRAY['ok','unknown','ok','outage'])[1 + n % 4]::"AppleSystemStatus",
      CASE WHEN n % 5 <> 0 THEN 1000 + (n * 37) % 90000 END, CASE WHEN n % 5 <> 0 THEN 5 + (n * 13) % 900 END, n % 4 = 0,
      (ARRAY[50, 200, 2000])[1 + n % 3], ((n * 17) % 50)::float,
      string_to_array((ARRAY['stuck_waiting_to_upload', 'blurry_thumbnails,slow_upload', '', 'items_missing'])[1 + n % 4], ',')::"Symptom"[],
      platforms::"Platform"[],
      CASE WHEN n % 7 = 0 THEN created_at + interval '1 day' END,
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

/** The seeded tables' indexes that no constraint owns (Prisma's @@index and @@unique), with their definitions. */
async function secondaryIndexes(admin: pg.Client): Promise<{ name: string; definition: string }[]> {
  const { rows } = await admin.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)
     ORDER BY i.tablename, i.indexname`,
    [SEEDED_TABLES],
  );
  return rows;
}

export interface SeedOptions {
  /** The database was created for this run and holds no cases: the case tables may be emptied to skip the WAL. */
  freshDatabase?: boolean;
  now?: Date;
}

export async function seedCases(admin: pg.Client, tenants: SeedTenant[], options: SeedOptions = {}): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    await admin.query(sql, params);
    steps[name] = (steps[name] ?? 0) + (performance.now() - t0) / 1000;
  };
  const vocabulary = seedVocabulary();
  const backendPid = (await admin.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
  const cpuBefore = processCpuSeconds(backendPid);

  await admin.query("BEGIN");
  try {
    // Foreign keys are not checked row by row (the generator keeps them consistent by construction);
    // the benchmark's own checks and tests/integration/bench-seed.test.ts read the rows back through the services.
    await admin.query("SET LOCAL session_replication_role = replica");
    await admin.query("SET LOCAL synchronous_commit = off");
    // The generator's row estimates are guesses: JIT-compiling each INSERT costs more than it saves.
    await admin.query("SET LOCAL jit = off");
    await admin.query(`CREATE TEMP TABLE seed_tenant AS
      SELECT * FROM unnest($1::int[], $2::uuid[], $3::bigint[], $4::uuid[]) AS t(idx, tenant_id, cases, assignee_id)`,
      [tenants.map((_, index) => index + 1), tenants.map((t) => t.tenantId), tenants.map((t) => t.cases), tenants.map((t) => t.assigneeId)]);
    await admin.query(`CREATE TEMP TABLE seed_vocab AS SELECT $1::timestamptz AS now, $10::bigint AS now_ms, $2::text[] AS first_names, $3::text[] AS first_tokens,
      $4::text[] AS domains, $5::text[] AS domain_tokens, $6::text[] AS profile_platforms, $7::text[] AS profile_models,
      $8::text[] AS profile_tokens, $9::text[] AS step_rules`,
      [now, vocabulary.firstNames, vocabulary.firstTokens, vocabulary.domains, vocabulary.domainTokens, vocabulary.profilePlatforms,
        vocabulary.profileModels, vocabulary.profileTokens, vocabulary.stepRules, now.getTime()]);
    await admin.query(`CREATE TEMP TABLE seed_surname AS SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(name, tokens, i)`,
      [vocabulary.surnames, vocabulary.surnameTokens]);
    await admin.query(`ANALYZE seed_surname`);
    await admin.query(CASE_SOURCE);
    // On a fresh database, emptying the (empty) case tables and all that refer to them in this transaction lets a wal_level=minimal
    // server skip the WAL for everything loaded into them (BENCH_SERVER_SETTINGS).
    if (options.freshDatabase) await step("truncate", `TRUNCATE "Customer", "Case" CASCADE`);
    const secondary = await secondaryIndexes(admin);
    await step("drop indexes", `ALTER TABLE "CaseSearchToken" DROP CONSTRAINT ${TOKEN_PRIMARY_KEY};
      ${secondary.map((index) => `DROP INDEX "${index.name}";`).join("\n")}`);
    for (const [name, sql] of Object.entries(INSERTS)) await step(name, sql);
    await step("build indexes", `ALTER TABLE "CaseSearchToken" ADD CONSTRAINT ${TOKEN_PRIMARY_KEY} PRIMARY KEY ("tenantId", token, "caseId");
      ${secondary.map((index) => `${index.definition};`).join("\n")}`);
    await admin.query("DROP VIEW seed_case");
    await admin.query("DROP TABLE seed_tenant, seed_vocab, seed_surname");
    await step("commit", "COMMIT");
  } catch (error) {
    await admin.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  // Fresh rows are not yet marked all-visible: without a vacuum the search's token probes are not
  // index-only. Autovacuum would get there; the benchmark should not wait for it. The other tables
  // are read through their heaps anyway and only need statistics.
  await step("vacuum analyze", `VACUUM (ANALYZE, BUFFER_USAGE_LIMIT 0) "CaseSearchToken"`);
  await step("vacuum analyze", `ANALYZE ${SEEDED_TABLES.filter((table) => table !== "CaseSearchToken").map((table) => `"${table}"`).join(", ")}`);
  const cases = tenants.reduce((sum, tenant) => sum + tenant.cases, 0);
  const cpuAfter = processCpuSeconds(backendPid);
  const serverCpuSeconds = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return { cases, seconds: (performance.now() - started) / 1000, steps, serverCpuSeconds };
}

/** User + system CPU time of a local process from /proc (clock ticks are 100 per second on Linux). */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
