// npm run bench:history — reading and writing a case that holds 10,000 steps (an integration
// reporting attempts), through the services: the case (what GET /api/v1/cases/{id} and the case page
// answer), one more step, and a page of older steps. Prints p50/p95 in milliseconds.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/setup/embedded-postgres";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";

const STEPS = Number(process.env.BENCH_STEPS ?? 10_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);

async function main() {
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(server.adminUrl);
    process.env.APP_DATABASE_URL = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    await run(server.adminUrl);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await server.stop();
  }
}

async function run(adminUrl: string) {
  const { provisionTenant } = await import("@/lib/members/provision-tenant");
  const { createCase } = await import("@/lib/cases/create-case");
  const { getCase } = await import("@/lib/cases/get-case");
  const { recordStep } = await import("@/lib/cases/record-step");
  const tenant = await provisionTenant({ name: "Bench History" });
  const ctx = { tenantId: tenant.tenantId, actor: { kind: "api_token" as const, tokenId: tenant.tenantId, role: "agent" as const, label: "Bench" } };
  const created = await createCase(ctx, {
    customer: { name: "Hana History" },
    devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15", osVersion: "17.5.1" }],
  });
  const caseId = created.case.id;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.query(
    `WITH steps AS (
       INSERT INTO "TriedStep" ("tenantId", "id", "caseId", "ruleId", "outcome", "note", "triedAt", "actorKind", "createdAt")
       SELECT $1, gen_random_uuid(), $2, (ARRAY['restart-device','stable-wifi','update-os','toggle-icloud-photos'])[1 + n % 4], 'no_change',
              'attempt ' || n, now() - interval '30 days' + n * interval '1 minute', 'api_token', now()
       FROM generate_series(1, $3::int) AS n RETURNING "id", "ruleId", "triedAt")
     INSERT INTO "CaseEvent" ("tenantId", "id", "caseId", "type", "actorKind", "actorLabel", "data", "createdAt")
     SELECT $1, gen_random_uuid(), $2, 'step.recorded', 'api_token', 'Bench', jsonb_build_object('stepId', "id", 'ruleId', "ruleId", 'outcome', 'no_change'), "triedAt" FROM steps`,
    [tenant.tenantId, caseId, STEPS],
  );
  await admin.query("ANALYZE");
  await admin.end();

  const results: [string, number[]][] = [];
  const time = async (label: string, work: () => Promise<unknown>) => {
    await work(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    results.push([label, samples]);
  };
  let bytes = 0;
  await time(`read the case (${STEPS} steps)`, async () => {
    bytes = JSON.stringify(await getCase(ctx, caseId)).length;
  });
  await time("record one more step", () => recordStep(ctx, caseId, { ruleId: "check-date-time", outcome: "no_change" }));
  const history = await import("@/lib/cases/case-history").catch(() => null);
  if (history) await time("a page of 50 older steps", () => history.getStepsPage(ctx, caseId, {}));

  console.log(`\nA case with ${STEPS} steps and ${STEPS + 1} timeline events; ${ITERATIONS} iterations each (ms):`);
  for (const [label, samples] of results) {
    const sorted = [...samples].sort((a, b) => a - b);
    const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(`  ${label.padEnd(36)} p50 ${pick(0.5).padStart(8)}   p95 ${pick(0.95).padStart(8)}`);
  }
  console.log(`  the case answer: ${(bytes / 1024).toFixed(0)} KB of JSON`);
}

void main();
