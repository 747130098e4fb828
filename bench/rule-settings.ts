// npm run bench:rule-settings — saving a tenant's rulebook settings with 100,000 open cases: the save
// re-evaluates every open case's escalation columns (escalationReadyAt, escalationBlockers) in the
// same transaction (lib/rule-settings/).
// Prints the p50 of a few saves (whole save and the re-evaluation alone) and cases per second. Ends with
// {"bench":"rule-settings","cases":…,"runs":…,"saveP50Ms":…,"reevaluationP50Ms":…,"casesPerSecond":…,"appCpuMs":…,"databaseCpuMs":…}.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/setup/embedded-postgres";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { processCpuSeconds, seedCases } from "./seed-cases";
import { integerSetting, runBenchmark } from "./support/run-benchmark";

runBenchmark(async () => {
  const settings = {
    OPEN_CASES: integerSetting("BENCH_CASES", 100_000, { min: 100, max: 5_000_000 }),
    OTHER_TENANT_CASES: integerSetting("BENCH_OTHER_CASES", 20_000, { min: 0, max: 5_000_000 }),
    RUNS: integerSetting("BENCH_RUNS", 5, { min: 1, max: 1_000 }),
  };
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(server.adminUrl);
    process.env.APP_DATABASE_URL = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    return await run(server.adminUrl, settings);
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await server.stop();
  }
});

async function run(adminUrl: string, { OPEN_CASES, OTHER_TENANT_CASES, RUNS }: { OPEN_CASES: number; OTHER_TENANT_CASES: number; RUNS: number }) {
  // Imported after APP_DATABASE_URL is set, so the app's client connects as the application role.
  const { provisionTenant } = await import("@/lib/members/provision-tenant");
  const { saveRuleSettings } = await import("@/lib/rule-settings/save-rule-settings");
  const { getRuleSettings } = await import("@/lib/rule-settings/rule-settings-view");

  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => undefined); // the server stops under it at the end
  await admin.connect();
  const big = await provisionTenant({ name: "Bench Settings Tenant" });
  const other = await provisionTenant({ name: "Bench Other Tenant" });
  const userOf = async (email: string) => (await admin.query(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id as string;

  const seedStart = performance.now();
  await seedCases(adminUrl, [
    { tenantId: big.tenantId, cases: OPEN_CASES, assigneeId: await userOf(big.admin.email) },
    { tenantId: other.tenantId, cases: OTHER_TENANT_CASES, assigneeId: await userOf(other.admin.email) },
  ]);
  // Every case of the big tenant open (the seed mixes in resolved and escalated ones).
  await admin.query(`UPDATE "Case" SET status = CASE WHEN number % 5 = 0 THEN 'waiting_on_customer' ELSE 'open' END::"CaseStatus", "resolvedAt" = NULL
                     WHERE "tenantId" = $1`, [big.tenantId]);
  await admin.query("ANALYZE");
  const counts = (await admin.query(`SELECT count(*) FILTER (WHERE status IN ('open', 'waiting_on_customer'))::int AS open,
      (SELECT count(*)::int FROM "Device" WHERE "tenantId" = $1) AS devices, (SELECT count(*)::int FROM "TriedStep" WHERE "tenantId" = $1) AS steps,
      (SELECT count(*)::int FROM "StatusObservation" WHERE "tenantId" = $1) AS statuses
    FROM "Case" WHERE "tenantId" = $1`, [big.tenantId])).rows[0];
  console.log(`Seeded ${counts.open} open cases (${counts.devices} devices, ${counts.statuses} status messages, ${counts.steps} steps) ` +
    `plus ${OTHER_TENANT_CASES} in another tenant in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const ctx = { tenantId: big.tenantId, actor: { kind: "api_token" as const, tokenId: big.tenantId, role: "admin" as const, label: "Bench" } };
  // Alternating settings that move readiness of many cases both ways, so the writes are measured
  // too: every rule off and a one-hour window (only the packet and outages still block), then the
  // defaults again.
  const { RULE_IDS } = await import("@/lib/rules/rule-ids");
  const variants = [
    { disabledRules: [...RULE_IDS], thresholds: { escalationHours: 1 } },
    { disabledRules: [], thresholds: {} },
  ];
  const samples: { total: number; reevaluation: number; cases: number; changed: number; nodeCpu: number; databaseCpu: number }[] = [];
  // The application role's server processes (the app's connection pool): their CPU is the
  // database's share of a save, which, unlike wall time, does not grow when others share the machine.
  const appBackends = async () =>
    (await admin.query(`SELECT pid FROM pg_stat_activity WHERE usename = 'photo_sync_app'`)).rows.map((row) => row.pid as number);
  const databaseCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + (processCpuSeconds(pid) ?? 0), 0);
  for (let run = 0; run <= RUNS; run++) {
    const { version } = await getRuleSettings(ctx);
    const pids = await appBackends();
    const db0 = databaseCpu(pids);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await saveRuleSettings(ctx, { version, ...variants[run % variants.length]! });
    const total = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const nodeCpu = (cpu.user + cpu.system) / 1000;
    const dbCpu = (databaseCpu(pids) - db0) * 1000;
    const label = run === 0 ? "warm-up" : `run ${run}`;
    console.log(`${label.padEnd(8)} save ${total.toFixed(0).padStart(6)} ms, re-evaluation ${String(result.reevaluated.ms).padStart(6)} ms ` +
      `(CPU: this process ${nodeCpu.toFixed(0)} ms, PostgreSQL ${dbCpu.toFixed(0)} ms): ${result.reevaluated.cases} open cases evaluated, ${result.reevaluated.changed} changed; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
    if (run > 0) samples.push({ total, reevaluation: result.reevaluated.ms, nodeCpu, databaseCpu: dbCpu, ...result.reevaluated });
  }
  const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const reevaluation = p50(samples.map((s) => s.reevaluation));
  const total = p50(samples.map((s) => s.total));
  const cases = samples[0]!.cases;
  console.log(`\nSave with re-evaluation of ${cases.toLocaleString("en")} open cases: p50 ${total.toFixed(0)} ms for the whole save, ` +
    `${reevaluation} ms for the re-evaluation (${Math.round(cases / (reevaluation / 1000)).toLocaleString("en")} cases/s), ${RUNS} runs; ` +
    `CPU per save p50: application ${p50(samples.map((s) => s.nodeCpu)).toFixed(0)} ms, PostgreSQL ${p50(samples.map((s) => s.databaseCpu)).toFixed(0)} ms ` +
    `(the rest of the wall time is waiting for a CPU; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)`);
  await admin.end();
  return {
    bench: "rule-settings",
    cases,
    runs: RUNS,
    saveP50Ms: Math.round(total),
    reevaluationP50Ms: reevaluation,
    casesPerSecond: Math.round(cases / (reevaluation / 1000)),
    appCpuMs: Math.round(p50(samples.map((s) => s.nodeCpu))),
    databaseCpuMs: Math.round(p50(samples.map((s) => s.databaseCpu))),
  };
}
