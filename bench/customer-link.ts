// npm run bench:customer — the customer's link through its route handlers (rate limits, link
// lookup, case view, HTML or JSON) on an embedded PostgreSQL: latency of the page, the JSON twin and
// a report, and what the two rate-limit counters cost per request. Ends with
// {"bench":"customer","links":…,"results":[{"name","p50","p95"}]} (milliseconds).
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { startEmbeddedPostgres } from "@/lib/db/setup/embedded-postgres";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { percentile, round2 } from "./support/measure";
import { integerSetting, runBenchmark } from "./support/run-benchmark";

type Route = (request: NextRequest, route: { params: Promise<{ token: string }> }) => Promise<Response>;

runBenchmark(async () => {
  const links = integerSetting("BENCH_LINKS", 150, { min: 10, max: 100_000 });
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(server.adminUrl);
    process.env.APP_DATABASE_URL = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    return { bench: "customer", links, results: await run(links) };
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await server.stop();
  }
});

async function run(linkCount: number): Promise<{ name: string; p50: number; p95: number }[]> {
  // Imported after APP_DATABASE_URL is set, so every pool connects as the application role.
  const { provisionTenant } = await import("@/lib/members/provision-tenant");
  const { createCase } = await import("@/lib/cases/create-case");
  const { rotateCustomerLink } = await import("@/lib/customer/rotate-customer-link");
  const { enforceRateLimit } = await import("@/lib/rate-limit/limiter");
  const { GET: page } = await import("@/app/c/[token]/route");
  const { GET: json } = await import("@/app/api/c/[token]/route");
  const { POST: report } = await import("@/app/api/c/[token]/steps/route");
  const { caseBody } = await import("@/tests/support/case-factory");

  const tenant = await provisionTenant({ name: "Bench customer links" });
  const ctx = { tenantId: tenant.tenantId, actor: { kind: "api_token" as const, tokenId: "00000000-0000-7000-8000-000000000000", role: "agent" as const, label: "Bench" } };
  const links: { token: string; ruleId: string }[] = [];
  for (let i = 0; i < linkCount; i++) {
    const created = await createCase(ctx, caseBody());
    links.push({ token: (await rotateCustomerLink(ctx, created.case.id)).token, ruleId: created.case.suggestions[0]!.ruleId });
  }

  let address = 0;
  const request = (route: Route, method: string, token: string, body?: unknown) => {
    address += 1;
    const headers: Record<string, string> = { "x-forwarded-for": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` };
    if (body) headers["content-type"] = "application/json";
    const path = method === "POST" ? `/api/c/${token}/steps` : `/c/${token}`;
    return route(new NextRequest(new URL(path, "http://localhost"), { method, headers, body: body ? JSON.stringify(body) : undefined }), { params: Promise.resolve({ token }) });
  };

  const results: { name: string; p50: number; p95: number }[] = [];
  const measure = async (label: string, once: (index: number) => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await once(i); // warm-up (module init, prepared statements)
    const times: number[] = [];
    for (let i = 0; i < linkCount; i++) {
      const start = performance.now();
      await once(i);
      times.push(performance.now() - start);
    }
    const [p50, p95] = [percentile(times, 0.5), percentile(times, 0.95)];
    console.log(`${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${times.length} requests)`);
    results.push({ name: label, p50: round2(p50), p95: round2(p95) });
  };

  console.log(`Customer link, in process, ${linkCount} cases with links (2 CPU cores shared):`);
  await measure("GET /c/{token} (HTML page)", async (i) => expectStatus(await request(page, "GET", links[i]!.token), 200));
  await measure("GET /api/c/{token} (JSON)", async (i) => expectStatus(await request(json, "GET", links[i]!.token), 200));
  await measure("POST /api/c/{token}/steps (report)", async (i) =>
    expectStatus(await request(report, "POST", links[i]!.token, { ruleId: links[i]!.ruleId, outcome: "no_change", note: `bench ${i}` }), 201, 200));
  await measure("GET /c/{random} (unknown link, 404)", async () => expectStatus(await request(page, "GET", `c_${randomBytes(32).toString("base64url")}`), 404));
  await measure("one rate-limit counter (enforceRateLimit)", (i) => enforceRateLimit({ name: "bench", points: 1_000_000, durationSeconds: 60 }, `k${i}`, "in the benchmark"));
  return results;
}

function expectStatus(response: Response, ...expected: number[]) {
  if (!expected.includes(response.status)) throw new Error(`Expected ${expected.join("/")}, got ${response.status}`);
}

