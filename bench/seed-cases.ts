import { readFileSync } from "node:fs";
import pg from "pg";
import { runOnWorkers, type WorkerTask } from "./support/run-on-workers";
import { CASE_SOURCE, INSERTS, TABLE_OF } from "./seed-cases-sql";
import { seedVocabulary } from "./seed-vocabulary";

// Set-based seeding for the benchmarks: cases with customers, 1–3 devices, status messages, tried
// steps, timeline events and search tokens, generated inside PostgreSQL from generate_series
// (the SQL: bench/seed-cases-sql.ts) on two connections at once
// (docs/decisions/0080-benchmark-seeding-at-a-million-cases.md). Runs as the admin role (RLS does
// not apply); the benchmarks then read and write as the application role. Ids are UUIDv7-shaped
// (creation time first, like the app's uuid(7) defaults), so keys arrive in index order.

export interface SeedTenant {
  tenantId: string;
  cases: number;
  /** Every third case is assigned to this member (null: none). */
  assigneeId: string | null;
}

export interface SeedReport {
  cases: number;
  seconds: number;
  /** Seconds per statement kind (summed over both connections) and of the whole "(wall)", for finding the slow one. */
  steps: Record<string, number>;
  /**
   * CPU seconds the seeding connections' PostgreSQL processes used (null where /proc is not readable):
   * unlike wall time, it does not grow when other work shares the machine.
   */
  serverCpuSeconds: number | null;
}

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

// What the two connections do, in the order they prefer it: the longest first (CPU seconds measured
// at 1,000,000 cases), an index once its table is loaded, statistics last. Greedy list scheduling
// (bench/support/run-on-workers.ts) keeps both busy to the end; with fixed halves one waited ~40 s.
const LOAD_ORDER = ["searchTokens", "events", "devices", "tokenPrimaryKey", "statusMessages", "steps", "cases", "tokenIndexes", "customers", "caseNumbers"];
// Secondary indexes of the other tables, the largest tables first.
const INDEX_TABLE_ORDER = ["CaseEvent", "TriedStep", "Device", "Customer", "StatusObservation", "Case"];
const LOAD_OF_TABLE = Object.fromEntries(Object.entries(TABLE_OF).map(([load, table]) => [table, load]));

export async function seedCases(adminUrl: string, tenants: SeedTenant[], options: SeedOptions = {}): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const steps: Record<string, number> = {};
  const connections = [new pg.Client({ connectionString: adminUrl }), new pg.Client({ connectionString: adminUrl })];
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    steps[name] = (steps[name] ?? 0) + (performance.now() - t0) / 1000;
  };
  const run = (client: pg.Client, name: string, sql: string) => timed(name, () => client.query(sql));
  try {
    await Promise.all(connections.map((client) => client.connect()));
    const pids = await Promise.all(connections.map(async (client) => (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number));
    const cpuBefore = pids.map(processCpuSeconds);
    await Promise.all(connections.map((client) => prepareSession(client, tenants, now)));

    const secondary = await secondaryIndexes(connections[0]!);
    const walFree = await tablesLoadableWithoutWal(connections[0]!);
    const load = (client: pg.Client, name: string) => {
      const table = TABLE_OF[name];
      return timed(name, () => (table && walFree.has(table) ? fillWithoutWal(client, table, INSERTS[name]!) : client.query(INSERTS[name]!)));
    };
    // Autovacuum would start on the loaded tables as soon as their rows land, and the seed's own
    // VACUUM/ANALYZE would then wait for it: it is off for these tables until the seed is done.
    await run(connections[0]!, "drop indexes", `ALTER TABLE "CaseSearchToken" DROP CONSTRAINT ${TOKEN_PRIMARY_KEY};
      ${secondary.map((index) => `DROP INDEX "${index.name}";`).join("\n")}
      ${SEEDED_TABLES.map((table) => `ALTER TABLE "${table}" SET (autovacuum_enabled = false);`).join("\n")}`);
    await timed("load, indexes and statistics (wall)", () => runOnWorkers(connections, seedTasks(secondary, load, run)));
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

type RunStatement = (client: pg.Client, step: string, sql: string) => Promise<void>;

/** Every load, index build and statistics run of the seed, in LOAD_ORDER, each after what it needs. */
function seedTasks(secondary: IndexDefinition[], load: (client: pg.Client, name: string) => Promise<void>, run: RunStatement): WorkerTask<pg.Client>[] {
  const tokenIndexes = secondary.filter((index) => index.table === "CaseSearchToken");
  const special: Record<string, WorkerTask<pg.Client>> = {
    tokenPrimaryKey: {
      name: "tokenPrimaryKey",
      after: ["searchTokens"],
      run: (client) => run(client, "build indexes", `ALTER TABLE "CaseSearchToken" ADD CONSTRAINT ${TOKEN_PRIMARY_KEY} PRIMARY KEY ("tenantId", token, "caseId")`),
    },
    tokenIndexes: {
      name: "tokenIndexes",
      after: ["searchTokens"],
      run: async (client) => {
        for (const index of tokenIndexes) await run(client, "build indexes", index.definition);
      },
    },
  };
  const loads = LOAD_ORDER.map((name) => special[name] ?? { name, run: (client: pg.Client) => load(client, name) });
  // Every dropped index is rebuilt, a table missing from INDEX_TABLE_ORDER last.
  const rank = (table: string) => (INDEX_TABLE_ORDER.includes(table) ? INDEX_TABLE_ORDER.indexOf(table) : INDEX_TABLE_ORDER.length);
  const otherIndexes = secondary
    .filter((index) => index.table !== "CaseSearchToken")
    .sort((a, b) => rank(a.table) - rank(b.table))
    .map((index) => ({ name: `index ${index.name}`, after: [LOAD_OF_TABLE[index.table]!], run: (client: pg.Client) => run(client, "build indexes", index.definition) }));
  // Fresh rows are not yet marked all-visible: without a vacuum the search's token probes are not
  // index-only. Autovacuum would get there; the benchmark should not wait for it. The other tables
  // are read through their heaps anyway and only need statistics.
  const statistics = [
    { name: "vacuum analyze", after: ["tokenPrimaryKey", "tokenIndexes"], run: (client: pg.Client) => run(client, "vacuum analyze", `VACUUM (ANALYZE, BUFFER_USAGE_LIMIT 0) "CaseSearchToken"`) },
    ...SEEDED_TABLES.filter((table) => table !== "CaseSearchToken").map((table) => ({
      name: `analyze ${table}`,
      after: [LOAD_OF_TABLE[table]!],
      run: (client: pg.Client) => run(client, `analyze ${table}`, `ANALYZE "${table}"`),
    })),
  ];
  return [...loads, ...otherIndexes, ...statistics];
}

/**
 * The seeded tables that can be filled without writing the WAL: with wal_level=minimal (the bench
 * server's setting), rows written to a table emptied by TRUNCATE in the same transaction skip the
 * WAL, which was about 40% of a plain INSERT's time. TRUNCATE is refused on a table a foreign key
 * points at (Customer, Case); the rest are leaves. A table that already has rows (the integration
 * test seeds into a shared database) is filled the ordinary way instead of being emptied.
 */
async function tablesLoadableWithoutWal(admin: pg.Client): Promise<Set<string>> {
  const { rows } = await admin.query(
    `SELECT c.relname AS table FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[]) AND current_setting('wal_level') = 'minimal'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contype = 'f' AND k.confrelid = c.oid)`,
    [SEEDED_TABLES],
  );
  return new Set(rows.map((row) => row.table as string));
}

/** Runs a leaf table's INSERT in one transaction that first empties the table (when it has no rows), so the rows skip the WAL. */
async function fillWithoutWal(client: pg.Client, table: string, insert: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS "hasRows"`);
    if (!rows[0].hasRows) await client.query(`TRUNCATE ONLY "${table}"`);
    await client.query(insert);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
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
  // The token table's primary key sorts ~13M rows at a million cases: with 2 GB it sorts in memory
  // (index builds 67 s instead of 78–84 s); for this session only, so the benchmarks measure the server's settings.
  await client.query("SET maintenance_work_mem = '2GB'");
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
