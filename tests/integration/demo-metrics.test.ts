import "@/tests/support/integration-env";
import { describe, expect, it } from "vitest";
import { getCase } from "@/lib/cases/get-case";
import { listCases } from "@/lib/cases/list/list-cases";
import { seedDemoTenant } from "@/lib/demo/seed-demo";
import { getEscalations } from "@/lib/metrics/escalations";
import { getFixEffectiveness } from "@/lib/metrics/fix-effectiveness";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { adminPool } from "@/tests/support/admin-db";
import { apiContext } from "@/tests/support/case-factory";

// The demo tenant's 90 days of history, built through the services, gives the metrics page
// something to show on the first start: enough attempts for hints, escalations and returns.
describe("demo history", () => {
  it("fills every metric and shows hints on the desk's cases", { timeout: 300_000 }, async () => {
    const started = performance.now();
    expect(await seedDemoTenant()).toMatchObject({ status: "created" });
    console.log(`[demo] seeded in ${Math.round(performance.now() - started)} ms`);
    const { rows } = await adminPool().query(`SELECT id FROM "Tenant" WHERE slug = 'demo'`);
    const ctx = apiContext(rows[0].id, "supervisor");
    const query = parseMetricsQuery(new URLSearchParams());

    const fixes = await getFixEffectiveness(ctx, query);
    const judged = fixes.rows.filter((row) => row.platform !== null && !row.smallSample);
    expect(judged.length).toBeGreaterThanOrEqual(3);
    const escalations = await getEscalations(ctx, query);
    const total = (key: "resolved" | "escalated" | "returned") => escalations.weeks.reduce((sum, week) => sum + week[key], 0);
    expect(total("resolved")).toBeGreaterThan(100);
    expect(total("escalated")).toBeGreaterThan(10);
    expect(total("returned")).toBeGreaterThan(3);
    expect(escalations.blockers.items.length).toBeGreaterThan(3);

    const open = await listCases(ctx, { status: ["open"], platform: ["iphone"], limit: 10 });
    const views = await Promise.all(open.items.map((item) => getCase(ctx, item.id)));
    expect(views.some((view) => view.suggestions.some((s) => view.fixHints.some((hint) => hint.ruleId === s.ruleId)))).toBe(true);
  });
});
