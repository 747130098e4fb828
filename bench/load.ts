// npm run bench:load — the production build (as `npm start` runs it) on an embedded PostgreSQL with
// BENCH_LOAD_CASES cases, under BENCH_LOAD_CLIENTS concurrent clients with agent API tokens
// (autocannon, docs/decisions/0081-load-testing-with-autocannon.md). Three runs against the same
// server: the /api/health ceiling, opening cases only, then the mix of bench/load-mix.ts. Ends with
// {"bench":"load","clients":…,"rps":…,"p50":…,"p95":…,"p99":…,"errors":…,"healthRps":…,"openCaseRps":…,"rssMb":…}.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { findFreePort } from "@/lib/db/setup/embedded-postgres";
import { requestMix } from "./load-mix";
import { prepareBenchDatabase } from "./support/bench-database";
import { percentile, round2 } from "./support/measure";
import { startProduct } from "./support/product-server";
import { integerSetting, runBenchmark } from "./support/run-benchmark";

runBenchmark(async () => {
  const cases = integerSetting("BENCH_LOAD_CASES", 100_000, { min: 1_000, max: 2_000_000 });
  const clients = integerSetting("BENCH_LOAD_CLIENTS", 50, { min: 1, max: 1_000 });
  const seconds = integerSetting("BENCH_LOAD_SECONDS", 20, { min: 2, max: 600 });
  // A directory for the server's CPU profile of the mixed run, for decision 0083's profile.
  const cpuProfileDir = process.env.BENCH_LOAD_CPU_PROF_DIR;

  const db = await prepareBenchDatabase({ bigTenantCases: cases, tenants: 10, otherCases: Math.round(cases / 10), log: console.log });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pst-load-"));
  try {
    console.log(`Seeded ${db.seed.cases.toLocaleString("en-US")} cases in ${db.seed.seconds.toFixed(1)} s`);
    const fixtures = await loadFixtures(db.adminUrl, db.bigTenant.tenantId, db.bigTenant.adminUserId);
    const server = await startProduct({
      port: await findFreePort(),
      adminUrl: db.adminUrl,
      appPassword: db.appPassword,
      dataDir,
      cpuProfileDir,
      log: console.log,
    });
    try {
      const base = { url: server.baseUrl, connections: clients, timeout: 30 };
      const auth = { authorization: `Bearer ${fixtures.tokens[0]}` };
      console.log(`\n${clients} clients, ${seconds} s per run, against ${server.baseUrl}`);
      // Warm-up: compiled routes, pools and plans, so the first run does not pay for them. On the mix
      // measured later, so its edits continue from the versions the warm-up's edits left.
      const mix = requestMix(fixtures);
      await fire({ ...base, duration: Math.min(5, seconds), requests: mix.requests });
      mix.resetReport();

      const health = await fire({ ...base, url: `${server.baseUrl}/api/health`, duration: seconds });
      printRun("GET /api/health (the ceiling)", health);
      const open = await fire({ ...base, url: `${server.baseUrl}/api/v1/cases/${fixtures.readCaseIds[0]}`, duration: seconds, headers: auth });
      printRun("GET /api/v1/cases/{id} (open a case)", open);

      const latencies: number[] = [];
      if (cpuProfileDir) server.toggleCpuProfile();
      const mixed = await fire({ ...base, duration: seconds, requests: mix.requests }, (ms) => latencies.push(ms));
      if (cpuProfileDir) {
        server.toggleCpuProfile();
        await new Promise((resolve) => setTimeout(resolve, 3_000)); // the profile is written asynchronously
        console.log(`CPU profile of the mixed run written to ${cpuProfileDir} (summarise: tsx bench/cpu-profile-summary.ts <file>)`);
      }
      printRun("mix: 70% list/open, 20% steps, 10% creates/edits", mixed);
      const report = mix.report();
      for (const op of report.perOperation) {
        console.log(`  ${op.op.padEnd(7)} ${String(op.count).padStart(6)} requests   p50 ${op.p50.toFixed(1).padStart(7)} ms   p95 ${op.p95.toFixed(1).padStart(7)} ms`);
      }
      console.log(`  responses: ${JSON.stringify(report.statuses)}`);
      if (Object.keys(report.statuses).some((key) => / 5\d\d$/.test(key))) {
        console.log(`  the server's last failure lines:\n    ${server.failureLines().join("\n    ")}`);
      }

      const errors = mixed.errors + mixed.timeouts + mixed.non2xx;
      const rssMb = Math.round(server.rssMb());
      console.log(`\nOpening a case reaches ${((open.requests.average / health.requests.average) * 100).toFixed(0)}% of the health ceiling ` +
        `(${open.requests.average.toFixed(0)} vs ${health.requests.average.toFixed(0)} requests/s); server RSS after the runs ${rssMb} MiB`);
      return {
        bench: "load",
        clients,
        rps: round2(mixed.requests.average),
        p50: round2(percentile(latencies, 0.5)),
        p95: round2(percentile(latencies, 0.95)),
        p99: round2(percentile(latencies, 0.99)),
        errors,
        healthRps: round2(health.requests.average),
        openCaseRps: round2(open.requests.average),
        rssMb,
      };
    } finally {
      await server.stop();
    }
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await db.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

type Result = autocannon.Result;

/** One autocannon run; `onLatency` sees every response's time (autocannon's own summary has no p95). */
function fire(options: autocannon.Options, onLatency?: (ms: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

function printRun(label: string, result: Result) {
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(`${label.padEnd(52)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   ` +
    `p97.5 ${result.latency.p97_5} ms   p99 ${result.latency.p99} ms   errors ${errors}`);
}

// Agent tokens (one per 10 clients, as several integrations would hold), cases to read and step on,
// and a separate set of cases for edits with their current versions.
async function loadFixtures(adminUrl: string, tenantId: string, adminUserId: string) {
  const { withTenant } = await import("@/lib/tenancy/with-tenant");
  const { issueApiToken } = await import("@/lib/auth/api-tokens");
  const tokens = await withTenant(tenantId, async (tx) => {
    const issued: string[] = [];
    for (let i = 1; i <= 5; i++) issued.push((await issueApiToken(tx, tenantId, { name: `Load ${i}`, role: "agent", createdById: adminUserId })).token);
    return issued;
  });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT id, version FROM "Case" WHERE "tenantId" = $1 AND status IN ('open', 'waiting_on_customer') ORDER BY number LIMIT 6000`,
      [tenantId],
    );
    return {
      tokens,
      readCaseIds: rows.slice(0, 5000).map((row) => row.id as string),
      editCases: rows.slice(5000).map((row) => ({ id: row.id as string, version: row.version as number })),
    };
  } finally {
    await admin.end();
  }
}
