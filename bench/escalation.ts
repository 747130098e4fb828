// npm run bench:escalation — the supervisors' queue on 100,000 cases in one tenant (10% in review,
// as bench/seed-cases.ts makes them), next to the same queries in raw SQL; the packet JSON of a case;
// and packet.zip for a case with 20 screenshots of 1 MB, with the memory the stream holds. Ends with
// {"bench":"escalation","cases":…,"results":[{"name","p50","p95","rawP50","rawP95"}],"zipMb":…,"zipSeconds":…,"zipPeakRssMb":…}.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/setup/embedded-postgres";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { inTenant } from "./api-raw-sql";
import { seedCases } from "./seed-cases";
import { round2, timeRuns, type Stats } from "./support/measure";
import { integerSetting, runBenchmark } from "./support/run-benchmark";

const SCREENSHOTS = 20;
const SCREENSHOT_BYTES = 1024 * 1024;

runBenchmark(async () => {
  const cases = integerSetting("BENCH_CASES", 100_000, { min: 1_000, max: 5_000_000 });
  const iterations = integerSetting("BENCH_ITERATIONS", 60, { min: 5, max: 10_000 });
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(server.adminUrl);
    process.env.APP_DATABASE_URL = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    return await run(server.adminUrl, process.env.APP_DATABASE_URL, cases, iterations);
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await server.stop();
  }
});

async function run(adminUrl: string, appUrl: string, cases: number, iterations: number) {
  // Imported after APP_DATABASE_URL is set, so the services connect as the application role.
  const { provisionTenant } = await import("@/lib/members/provision-tenant");
  const { escalationQueue, awaitingReviewCount } = await import("@/lib/escalation/escalation-queue");
  const { getPacket } = await import("@/lib/escalation/get-packet");
  const { openPacketZip } = await import("@/lib/escalation/packet-zip");
  const { saveScreenshot } = await import("@/lib/cases/attachments");
  const { createCase } = await import("@/lib/cases/create-case");
  const { renderPacketHtmlDocument } = await import("@/components/packet/packet-html");

  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => undefined);
  await admin.connect();
  const big = await provisionTenant({ name: "Bench Escalations" });
  const other = await provisionTenant({ name: "Bench Other" });
  const userOf = async (email: string) => (await admin.query(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id as string;
  const seedStart = performance.now();
  await seedCases(adminUrl, [
    { tenantId: big.tenantId, cases: cases, assigneeId: await userOf(big.admin.email) },
    { tenantId: other.tenantId, cases: Math.round(cases / 4), assigneeId: await userOf(other.admin.email) },
  ]);
  await admin.query("ANALYZE");
  console.log(`Seeded ${cases} + ${Math.round(cases / 4)} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const ctx = { tenantId: big.tenantId, actor: { kind: "api_token" as const, tokenId: big.tenantId, role: "supervisor" as const, label: "Bench" } };
  let deep = await escalationQueue(ctx, { limit: 100 });
  for (let page = 1; page < 20 && deep.awaiting.nextCursor; page += 1) deep = await escalationQueue(ctx, { limit: 100, reviewCursor: deep.awaiting.nextCursor });
  const cursor = deep.awaiting.nextCursor ?? undefined;
  const counts = await escalationQueue(ctx, {});
  console.log(`Queue: ${counts.awaiting.total} awaiting review, ${counts.ready.total} ready and not submitted`);

  const pool = new pg.Pool({ connectionString: appUrl, max: 2 });
  const raw = (sql: string) => inTenant(pool, big.tenantId, (client) => client.query(sql, [big.tenantId]));
  const time = (fn: () => Promise<unknown>) => timeRuns(fn, iterations);
  const rows: Row[] = [
    { name: "queue page 1 (both sections, counts)", service: await time(() => escalationQueue(ctx, {})), raw: await time(() => raw(RAW_QUEUE_SQL)) },
    { name: "queue, awaiting review ~2,000 rows in", service: await time(() => escalationQueue(ctx, { reviewCursor: cursor })), raw: null },
    { name: "nav count (awaiting review)", service: await time(() => awaitingReviewCount(ctx)), raw: await time(() => raw(`SELECT count(*) FROM "Case" WHERE "tenantId" = $1 AND status = 'escalation_review'`)) },
  ];

  // A case with 20 screenshots of 1 MB each (incompressible, like real photos of a screen).
  const shots = [];
  for (let i = 0; i < SCREENSHOTS; i += 1) {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(SCREENSHOT_BYTES - 8)]);
    shots.push((await saveScreenshot(ctx, { contentType: "image/png", bytes })).id);
  }
  const observedAt = new Date(Date.now() - 3_600_000).toISOString();
  const created = await createCase(ctx, {
    customer: { name: "Bench Packet", email: null },
    devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15 Pro", osVersion: "18.1" }],
    statusMessages: shots.map((screenshotId) => ({ deviceKey: "iphone-1", message: "paused", text: "Paused", observedAt, screenshotId })),
  });
  rows.push({ name: "packet JSON (GET …/packet)", service: await time(() => getPacket(ctx, created.case.id)), raw: null });
  printTable(rows, iterations);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const zipStart = performance.now();
  const zip = await openPacketZip(ctx, created.case.id, (doc, screenshotSrc) => renderPacketHtmlDocument(doc, { screenshotSrc }));
  let size = 0;
  const reader = zip.stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const zipSeconds = (performance.now() - zipStart) / 1000;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`\npacket.zip with ${SCREENSHOTS} × ${mb(SCREENSHOT_BYTES)} MB screenshots: ${mb(size)} MB in ${zipSeconds.toFixed(2)} s; ` +
    `peak RSS +${mb(peak - rssBefore)} MB while streaming (the whole archive would be ${mb(size)} MB)`);
  await pool.end();
  await admin.end();
  return {
    bench: "escalation",
    cases: cases,
    results: rows.map((row) => ({ name: row.name, p50: round2(row.service.p50), p95: round2(row.service.p95), rawP50: row.raw ? round2(row.raw.p50) : null, rawP95: row.raw ? round2(row.raw.p95) : null })),
    zipMb: round2(size / 1024 / 1024),
    zipSeconds: round2(zipSeconds),
    zipPeakRssMb: round2((peak - rssBefore) / 1024 / 1024),
  };
}

const RAW_QUEUE_SQL = `
  WITH awaiting AS (
    SELECT c.id, c.number, c."escalationSubmittedAt", cu.name,
      (SELECT p."actorLabel" FROM "EscalationPacket" p WHERE p."tenantId" = c."tenantId" AND p."caseId" = c.id ORDER BY p."submittedAt" DESC LIMIT 1) AS "submittedBy",
      (SELECT json_agg(json_build_object('model', d.model, 'os', d."osVersion") ORDER BY d.position) FROM "Device" d WHERE d."tenantId" = c."tenantId" AND d."caseId" = c.id) AS devices
    FROM "Case" c JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
    WHERE c."tenantId" = $1 AND c.status = 'escalation_review' ORDER BY c."escalationSubmittedAt", c.id LIMIT 26),
  ready AS (
    SELECT c.id, c.number, c."escalationReadyAt", cu.name,
      (SELECT json_agg(json_build_object('model', d.model, 'os', d."osVersion") ORDER BY d.position) FROM "Device" d WHERE d."tenantId" = c."tenantId" AND d."caseId" = c.id) AS devices
    FROM "Case" c JOIN "Customer" cu ON cu."tenantId" = c."tenantId" AND cu.id = c."customerId"
    WHERE c."tenantId" = $1 AND c.status IN ('open', 'waiting_on_customer') AND c."escalationReadyAt" <= now() ORDER BY c."escalationReadyAt", c.id LIMIT 26)
  SELECT (SELECT json_agg(awaiting) FROM awaiting), (SELECT json_agg(ready) FROM ready),
    (SELECT count(*) FROM "Case" WHERE "tenantId" = $1 AND status = 'escalation_review'),
    (SELECT count(*) FROM "Case" WHERE "tenantId" = $1 AND status IN ('open', 'waiting_on_customer') AND "escalationReadyAt" <= now())`;

type Row = { name: string; service: Stats; raw: Stats | null };

function printTable(rows: Row[], iterations: number) {
  const width = Math.max(...rows.map((row) => row.name.length));
  const ms = (value: number) => value.toFixed(2).padStart(8);
  console.log(`\n${"".padEnd(width)}   service p50 / p95 (ms)   raw SQL p50 / p95 (ms)   (${iterations} runs each)`);
  for (const row of rows) {
    const raw = row.raw ? `${ms(row.raw.p50)} / ${ms(row.raw.p95)}` : "       —";
    console.log(`${row.name.padEnd(width)}   ${ms(row.service.p50)} / ${ms(row.service.p95)}      ${raw}`);
  }
}
