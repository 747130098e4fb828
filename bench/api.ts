// npm run bench:api — the case list and case page against 100,000 cases in one tenant (plus other
// tenants' data), through the services (Prisma) and, for comparison, the same query in raw SQL via pg.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureAppRole } from "@/lib/db/bootstrap";
import { prefixUpperBound, searchWordsOf } from "@/lib/cases/search-tokens";
import { seedCases } from "./seed-cases";

const BIG_TENANT_CASES = Number(process.env.BENCH_CASES ?? 100_000);
const OTHER_TENANT_CASES = Number(process.env.BENCH_OTHER_CASES ?? 25_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);
const DEEP_ROWS = 2_000;

async function main() {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(server.adminUrl);
    const appUrl = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    process.env.APP_DATABASE_URL = appUrl;
    await run(server.adminUrl, appUrl, started);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await server.stop();
  }
}

async function run(adminUrl: string, appUrl: string, started: number) {
  // Imported after APP_DATABASE_URL is set, so the app's client connects as the application role.
  const { provisionTenant } = await import("@/lib/tenancy/provision");
  const { listCases } = await import("@/lib/cases/list-cases");
  const { getCase } = await import("@/lib/cases/get-case");

  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => undefined); // the server stops under it at the end
  await admin.connect();
  const big = await provisionTenant({ name: "Bench Big Tenant" });
  const others = [await provisionTenant({ name: "Bench Other One" }), await provisionTenant({ name: "Bench Other Two" })];
  const userOf = async (email: string) => (await admin.query(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id as string;

  const seedStart = performance.now();
  await seedCases(admin, big.tenantId, BIG_TENANT_CASES, await userOf(big.admin.email));
  for (const other of others) await seedCases(admin, other.tenantId, OTHER_TENANT_CASES, await userOf(other.admin.email));
  await admin.query("ANALYZE");
  const totals = (await admin.query(`SELECT (SELECT count(*) FROM "Case")::int AS cases, (SELECT count(*) FROM "Device")::int AS devices,
    (SELECT count(*) FROM "TriedStep")::int AS steps, (SELECT count(*) FROM "StatusObservation")::int AS statuses, (SELECT count(*) FROM "CaseSearchToken")::int AS tokens`)).rows[0];
  console.log(`Seeded ${totals.cases} cases (${BIG_TENANT_CASES} in one tenant), ${totals.devices} devices, ${totals.steps} steps, ` +
    `${totals.statuses} status messages, ${totals.tokens} search tokens in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const ctx = { tenantId: big.tenantId, actor: { kind: "api_token" as const, tokenId: big.tenantId, role: "agent" as const, label: "Bench" } };
  const filter = { status: ["open", "waiting_on_customer"], platform: ["mac"], sort: "updatedAt", dir: "desc", limit: 25 } as const;

  // The cursor ~2,000 rows in, found by paging as a client would.
  let cursor: string | null = null;
  for (let rows = 0; rows < DEEP_ROWS; rows += 25) {
    const next: string | null = (await listCases(ctx, { ...filter, cursor: cursor ?? undefined })).nextCursor;
    if (!next) break; // a small BENCH_CASES run has fewer rows
    cursor = next;
  }
  const deepCursor = decodeRawCursor(cursor!);
  const someCase = (await listCases(ctx, { limit: 1, sort: "number", dir: "asc", q: "pst-4243" })).items[0]!;

  const appPool = new pg.Pool({ connectionString: appUrl, max: 2 });
  const rawList = (after: { value: string; id: string } | null) =>
    inTenant(appPool, big.tenantId, (client) => client.query(RAW_LIST_SQL, [big.tenantId, after?.value ?? null, after?.id ?? null]));
  const rawGet = (id: string) =>
    inTenant(appPool, big.tenantId, async (client) => {
      for (const sql of RAW_GET_SQL) await client.query(sql, sql.includes("$2") ? [big.tenantId, id] : [big.tenantId]);
    });

  const results: Row[] = [];
  results.push(await measure("list: open/waiting + mac, by updatedAt, page 1", () => listCases(ctx, filter), () => rawList(null)));
  results.push(await measure(`list: same, deep page (~${DEEP_ROWS} rows in)`, () => listCases(ctx, { ...filter, cursor: cursor! }), () => rawList(deepCursor)));
  const deepPage = await listCases(ctx, { ...filter, cursor: cursor! });
  const before = decodeRawCursor(deepPage.prevCursor!);
  results.push(await measure("list: same, Previous from the deep page", () => listCases(ctx, { ...filter, cursor: deepPage.prevCursor! }), () =>
    inTenant(appPool, big.tenantId, (client) => client.query(RAW_LIST_BEFORE_SQL, [big.tenantId, before.value, before.id]))));
  for (const q of SEARCHES) {
    results.push(await measure(`list: text search '${q}'`, () => listCases(ctx, { q }), () =>
      inTenant(appPool, big.tenantId, (c) => c.query(rawSearchSql(q), rawSearchParams(big.tenantId, q)))));
  }
  results.push(await measure("open a case (getCase)", () => getCase(ctx, someCase.id), () => rawGet(someCase.id)));
  printTable(results);

  const plan = await inTenant(appPool, big.tenantId, (client) => client.query(`EXPLAIN (FORMAT JSON) ${RAW_LIST_SQL}`, [big.tenantId, deepCursor.value, deepCursor.id]));
  console.log(`\nEXPLAIN list (deep page): ${describePlan(plan.rows[0]["QUERY PLAN"][0].Plan)}`);
  const beforePlan = await inTenant(appPool, big.tenantId, (client) => client.query(`EXPLAIN (FORMAT JSON) ${RAW_LIST_BEFORE_SQL}`, [big.tenantId, before.value, before.id]));
  console.log(`EXPLAIN list (Previous from the deep page): ${describePlan(beforePlan.rows[0]["QUERY PLAN"][0].Plan)}`);
  for (const q of SEARCHES) {
    const searchPlan = await inTenant(appPool, big.tenantId, (client) =>
      client.query(`EXPLAIN (FORMAT JSON) ${rawSearchSql(q)}`, rawSearchParams(big.tenantId, q)));
    console.log(`EXPLAIN text search '${q}': ${describePlan(searchPlan.rows[0]["QUERY PLAN"][0].Plan)}`);
  }
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await appPool.end();
  await admin.end();
}

// --- raw SQL equivalents (what the services ask for, written by hand) ---

const RAW_LIST_SELECT = `
  SELECT c.id, c.number, c.status, c.platforms, c."problemSince", c."escalationReadyAt", c.version, c."createdAt", c."updatedAt",
         cu.name AS "customerName", cu.email AS "customerEmail", u.name AS "assigneeName",
         (SELECT json_agg(json_build_object('platform', d.platform, 'model', d.model) ORDER BY d.position)
            FROM "Device" d WHERE d."tenantId" = c."tenantId" AND d."caseId" = c.id) AS devices
  FROM "Case" c
  JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
  LEFT JOIN "Membership" m ON m."tenantId" = c."tenantId" AND m."userId" = c."assigneeId"
  LEFT JOIN "User" u ON u.id = m."userId"
  WHERE c."tenantId" = $1 AND c.status IN ('open', 'waiting_on_customer') AND c.platforms && ARRAY['mac']::"Platform"[]`;
const RAW_LIST_SQL = `${RAW_LIST_SELECT}
    AND ($2::timestamptz IS NULL OR (c."updatedAt", c.id) < ($2::timestamptz, $3::uuid))
  ORDER BY c."updatedAt" DESC, c.id DESC
  LIMIT 26`;
// The page before a row: walk the index the other way from it (the service then reverses the rows).
const RAW_LIST_BEFORE_SQL = `${RAW_LIST_SELECT}
    AND (c."updatedAt", c.id) > ($2::timestamptz, $3::uuid)
  ORDER BY c."updatedAt" ASC, c.id ASC
  LIMIT 26`;

// Two common words (~8% and ~10% of the seeded cases, ~0.8% together) and a selective search.
const SEARCHES = ["kenji tanaka", "pst-4243"];

// Word-prefix search as list-cases builds it: per word, a case token in [word, prefixUpperBound(word)).
function rawSearchSql(q: string): string {
  const exists = searchWordsOf(q).map((_, i) => `
    AND EXISTS (SELECT 1 FROM "CaseSearchToken" t${i} WHERE t${i}."tenantId" = c."tenantId" AND t${i}."caseId" = c.id
                AND t${i}.token >= $${2 + 2 * i} AND t${i}.token < $${3 + 2 * i})`);
  return `
  SELECT c.id, c.number, c.status, cu.name FROM "Case" c
  JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
  WHERE c."tenantId" = $1${exists.join("")}
  ORDER BY c."updatedAt" DESC, c.id DESC LIMIT 26`;
}

function rawSearchParams(tenantId: string, q: string): string[] {
  return [tenantId, ...searchWordsOf(q).flatMap((word) => [word, prefixUpperBound(word)!])];
}

const RAW_GET_SQL = [
  `SELECT c.*, cu.name, cu.email, u.name AS "assigneeName" FROM "Case" c
     JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
     LEFT JOIN "User" u ON u.id = c."assigneeId"
   WHERE c."tenantId" = $1 AND c.id = $2`,
  `SELECT * FROM "Device" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY position`,
  `SELECT * FROM "StatusObservation" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "observedAt", id`,
  `SELECT * FROM "TriedStep" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "triedAt", "createdAt"`,
  `SELECT * FROM "CaseEvent" WHERE "tenantId" = $1 AND "caseId" = $2 ORDER BY "createdAt", id`,
  `SELECT * FROM "TenantRuleSettings" WHERE "tenantId" = $1`,
];

// The application role sees a tenant only inside a transaction that set it (as withTenant does).
async function inTenant<T>(pool: pg.Pool, tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

function decodeRawCursor(cursor: string): { value: string; id: string } {
  const [, , value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string, string, string, string?];
  return { value, id };
}

// --- measuring ---

type Row = { name: string; service: Stats; raw: Stats };
type Stats = { p50: number; p95: number };

async function measure(name: string, service: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<Row> {
  return { name, service: await time(service), raw: await time(raw) };
}

async function time(fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 10; i++) await fn(); // warm-up: connections, plans, caches
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function printTable(rows: Row[]) {
  const width = Math.max(...rows.map((row) => row.name.length));
  const ms = (value: number) => value.toFixed(2).padStart(8);
  console.log(`\n${"".padEnd(width)}   service p50 / p95 (ms)   raw SQL p50 / p95 (ms)   (${ITERATIONS} runs each)`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(width)}   ${ms(row.service.p50)} / ${ms(row.service.p95)}      ${ms(row.raw.p50)} / ${ms(row.raw.p95)}`);
  }
}

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** The top node and every index the plan uses: enough to see the list never scans the table. */
function describePlan(plan: PlanNode): string {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (node: PlanNode) => {
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.add(node["Relation Name"]);
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return `${plan["Node Type"]}; indexes: ${[...indexes].join(", ") || "none"}; seq scans: ${[...seqScans].join(", ") || "none"}`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
