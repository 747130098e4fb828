// npm run bench:api — the services (Prisma, as the API runs them) next to the same work in raw SQL
// over pg, on one tenant with BENCH_CASES cases among BENCH_TENANTS tenants. Prints p50/p95 per
// operation, the statements each service call sends, then one JSON line (issue 14):
// {"bench":"api","cases":…,"results":[{"name","p50","p95","rawP50","rawP95"}]} (milliseconds).
import pg from "pg";
import { searchTokensOf } from "@/lib/cases/search-tokens";
import type { TenantContext } from "@/lib/tenancy/context";
import { describeListPlan, rawBulkStatus, rawCreateCase, rawGetCase, rawList, rawRecordStep, inTenant, type RawListOptions } from "./api-raw-sql";
import { BENCH_SERVER_SETTINGS, prepareBenchDatabase } from "./support/bench-database";
import { breakdownOf, printBreakdowns, type CallBreakdown } from "./support/breakdown";
import { countStatements } from "./support/count-statements";
import { round2, timeRuns, type Stats } from "./support/measure";
import { integerSetting, runBenchmark } from "./support/run-benchmark";
import { RARE_SURNAMES } from "./seed-vocabulary";

const DEEP_ROWS = 2_000;

runBenchmark(async () => {
  const cases = integerSetting("BENCH_CASES", 100_000, { min: 3_000, max: 5_000_000 });
  const tenants = integerSetting("BENCH_TENANTS", 100, { min: 1, max: 4_000 });
  const otherCases = integerSetting("BENCH_OTHER_CASES", Math.round(cases / 10), { min: 0, max: 5_000_000 });
  const iterations = integerSetting("BENCH_ITERATIONS", 60, { min: 5, max: 10_000 });
  const started = performance.now();

  const db = await prepareBenchDatabase({ bigTenantCases: cases, tenants, otherCases, settings: BENCH_SERVER_SETTINGS, log: console.log });
  try {
    const { seed } = db;
    const cpu = seed.serverCpuSeconds === null ? "" : `, ${seed.serverCpuSeconds.toFixed(1)} s of PostgreSQL CPU`;
    console.log(`Seeded ${seed.cases.toLocaleString("en-US")} cases in ${seed.seconds.toFixed(1)} s${cpu} ` +
      `(${Object.entries(seed.steps).map(([step, s]) => `${step} ${s.toFixed(1)}`).join(", ")})`);
    const results = await measureAll(db.appUrl, db.bigTenant.tenantId, db.bigTenant.adminToken, cases, iterations);
    console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return {
      bench: "api",
      cases,
      results: results.map((row) => ({
        name: row.name,
        p50: round2(row.service.p50),
        p95: round2(row.service.p95),
        rawP50: row.raw ? round2(row.raw.p50) : null,
        rawP95: row.raw ? round2(row.raw.p95) : null,
        ...(row.breakdown ? { breakdown: breakdownSummary(row.breakdown) } : {}),
      })),
    };
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await db.server.stop();
  }
});

type Row = { name: string; service: Stats; raw: Stats | null; statements: number; breakdown?: CallBreakdown };

const breakdownSummary = (b: CallBreakdown) => ({
  wallMs: round2(b.wallMs),
  databaseMs: round2(b.databaseMs),
  nodeMs: round2(b.nodeMs),
  statements: b.statements,
});

async function measureAll(appUrl: string, tenantId: string, adminToken: string, cases: number, iterations: number): Promise<Row[]> {
  // Imported once APP_DATABASE_URL points at the bench database.
  const { listCases } = await import("@/lib/cases/list/list-cases");
  const { getCase } = await import("@/lib/cases/get-case");
  const { recordStep } = await import("@/lib/cases/record-step");
  const { createCase } = await import("@/lib/cases/create-case");
  const { bulkUpdateCases } = await import("@/lib/cases/bulk-update");
  const { authenticateApiToken, forgetApiToken } = await import("@/lib/auth/api-tokens");

  const ctx: TenantContext = { tenantId, actor: { kind: "api_token", tokenId: tenantId, role: "agent", label: "API token “Bench”" } };
  const filter = { status: ["open", "waiting_on_customer"], platform: ["mac"], sort: "updatedAt", dir: "desc", limit: 25 } as const;
  const pool = new pg.Pool({ connectionString: appUrl, max: 2 });
  const raw = <T>(work: (client: pg.PoolClient) => Promise<T>) => inTenant(pool, tenantId, work);

  // The cursor ~2,000 rows in, found by paging as a client would.
  let cursor: string | undefined;
  for (let rows = 0; rows < DEEP_ROWS; rows += 25) cursor = (await listCases(ctx, { ...filter, cursor })).nextCursor ?? cursor;
  const [, , deepValue, deepId] = JSON.parse(Buffer.from(cursor!, "base64url").toString("utf8")) as string[];
  const caseIds = (await raw((c) => c.query(`SELECT id FROM "Case" WHERE status = 'open' ORDER BY number LIMIT 400`))).rows.map((r) => r.id as string);
  const openCaseId = caseIds[0]!;
  const rareName = RARE_SURNAMES[1234]!;
  const caseNumber = `PST-${Math.min(4243, cases)}`;

  const rows: Row[] = [];
  // `explain`: also split the call's time between PostgreSQL and Node (printed after the main table).
  const add = async (name: string, service: (i: number) => Promise<unknown>, rawTwin: ((i: number) => Promise<unknown>) | null, explain = false) => {
    const statements = await countStatements(() => service(0));
    const row: Row = { name, service: await timeRuns(service, iterations), raw: rawTwin ? await timeRuns(rawTwin, iterations) : null, statements };
    if (explain) row.breakdown = await breakdownOf(service, iterations, 10_000);
    rows.push(row);
    printRow(row);
  };
  printHeader(iterations);
  const listShapes: RawListOptions[] = [];
  const listTwin = (options: RawListOptions) => {
    listShapes.push(options);
    return () => raw((c) => rawList(c, tenantId, options));
  };
  await add("list: open/waiting + mac, by updatedAt, first page", () => listCases(ctx, filter), listTwin({ filtered: true }));
  await add(`list: same, deep page (~${DEEP_ROWS} rows in)`, () => listCases(ctx, { ...filter, cursor }),
    listTwin({ filtered: true, after: { value: deepValue!, id: deepId! } }));
  const deepPage = await listCases(ctx, { ...filter, cursor });
  const [, , prevValue, prevId] = JSON.parse(Buffer.from(deepPage.prevCursor!, "base64url").toString("utf8")) as string[];
  await add("list: same, Previous from the deep page", () => listCases(ctx, { ...filter, cursor: deepPage.prevCursor! }),
    listTwin({ filtered: true, before: { value: prevValue!, id: prevId! } }));
  for (const [label, q] of [["a rare name", rareName], ["a common word", "maría"], ["a case number", caseNumber]] as const) {
    await add(`search: ${label} '${q}'`, () => listCases(ctx, { q }), listTwin({ filtered: false, q }));
  }
  await add("open a case", () => getCase(ctx, openCaseId), () => raw((c) => rawGetCase(c, tenantId, openCaseId)), true);
  // Steps and edits spread over 200 cases, so no case's timeline grows without end.
  await add("record a step", (i) => recordStep(ctx, caseIds[i % 200]!, { ruleId: "restart-device", outcome: "no_change" }),
    (i) => raw((c) => rawRecordStep(c, tenantId, caseIds[200 + (i % 200)]!, new Date())), true);
  await add("create a case", (i) => createCase(ctx, intake(`svc${i}`)), (i) => {
    const body = intake(`raw${i}`);
    // searchTokensOf reads the customer and the device models, which the intake body has.
    const tokens = searchTokensOf(body as never, cases + 1_000_000 + i);
    return raw((c) => rawCreateCase(c, tenantId, { name: body.customer.name, email: body.customer.email, tokens }, new Date()));
  }, true);
  // Each run flips 100 cases between open and waiting, so every run changes all of them.
  const statusAt = (i: number) => (i % 2 === 0 ? "waiting_on_customer" : "open");
  await add("bulk status change of 100 cases", (i) => bulkUpdateCases(ctx, { ids: caseIds.slice(0, 100), status: statusAt(i) }),
    (i) => raw((c) => rawBulkStatus(c, tenantId, caseIds.slice(200, 300), statusAt(i), new Date())), true);
  // The API's own per-request step before any of the above (no raw twin: it is part of every request):
  // looked up (a token's first request, or its first after 5 s), and remembered (decision 0084).
  const tokenId = (await authenticateApiToken(adminToken))!.tokenId;
  await new Promise((resolve) => setTimeout(resolve, 500)); // its first use's "last used" write, out of the count
  await add("check an API token, looked up", () => {
    forgetApiToken(tokenId);
    return authenticateApiToken(adminToken);
  }, null);
  await add("check an API token, remembered (≤ 5 s)", () => authenticateApiToken(adminToken), null);
  // What one unit of work costs before its first query (decision 0083): Prisma's interactive
  // transaction as withTenant runs it, Prisma's batch transaction, and the same in raw pg.
  const { withTenant } = await import("@/lib/tenancy/with-tenant");
  const { appPrisma } = await import("@/lib/db/client");
  const prisma = appPrisma();
  await add("withTenant + SELECT 1 (interactive transaction)", () => withTenant(tenantId, (tx) => tx.$queryRaw`SELECT 1`),
    () => raw((c) => c.query("SELECT 1")));
  await add("$transaction([set_config, SELECT 1]) (batch)",
    () => prisma.$transaction([prisma.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`, prisma.$queryRaw`SELECT 1`]),
    () => raw((c) => c.query("SELECT 1")));
  console.log("\nPlans of the list queries (raw twins; the services' queries have the same shape):");
  for (const options of listShapes) {
    const label = options.q ? `search '${options.q}'` : options.after ? "list, deep page" : options.before ? "list, Previous" : "list, first page";
    console.log(`  ${label}: ${await raw((c) => describeListPlan(c, tenantId, options))}`);
  }
  await pool.end();
  printBreakdowns(rows.flatMap((row) => (row.breakdown ? [{ name: row.name, breakdown: row.breakdown }] : [])));
  return rows;
}

function intake(key: string) {
  return {
    customer: { name: `Bench Customer ${key}`, email: `bench-${key}@intake.example` },
    devices: [
      { key: "iphone-1", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5", network: "wifi" },
      { key: "mac-1", platform: "mac", model: "MacBook Air", osVersion: "14.5" },
    ],
    statusMessages: [{ deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 212 Items", observedAt: new Date().toISOString() }],
    symptoms: ["stuck_waiting_to_upload"],
  };
}

const WIDTH = 52;
const ms = (value: number) => value.toFixed(2).padStart(7);

function printHeader(iterations: number) {
  console.log(`\n${"".padEnd(WIDTH)}  service p50 / p95 (ms)   raw SQL p50 / p95 (ms)   statements   (${iterations} runs each)`);
}

function printRow(row: Row) {
  const rawText = row.raw ? `${ms(row.raw.p50)} / ${ms(row.raw.p95)}` : "     —  /     — ";
  console.log(`${row.name.padEnd(WIDTH)}  ${ms(row.service.p50)} / ${ms(row.service.p95)}       ${rawText}      ${String(row.statements).padStart(4)}`);
}
