import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/cases/create-case";
import { getEscalations, isoWeekName, weeksOf } from "@/lib/metrics/escalations";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { provisionTenant } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { adminPool } from "@/tests/support/admin-db";
import { apiContext, caseBody, deviceBody } from "@/tests/support/case-factory";
import { moveStatus } from "@/tests/support/status-moves";

// A hand-built status history over three ISO weeks. Range 2026-10-14 (Wed) … 2026-10-27 (Tue):
// W42 from the Wednesday (partial), W43 whole, W44 up to the Tuesday (partial).

let ctx: TenantContext;
const RANGE = new URLSearchParams({ from: "2026-10-14", to: "2026-10-27" });
const iphone = [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "18.1" })];
const mac = [deviceBody({ key: "mac-1", platform: "mac", model: "iMac", osVersion: "15.1" })];

async function caseAt(context: TenantContext, createdAt: string, devices = iphone, status = "open") {
  return (await createCase(context, caseBody({ devices, statusMessages: [], status }), { now: new Date(createdAt) })).case.id;
}
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  ctx = apiContext((await provisionTenant({ name: "Metrics weeks" })).tenantId, "supervisor");
  const d = await caseAt(ctx, "2026-10-13T00:00:00Z");
  await moveStatus(ctx, d, "resolved", at("2026-10-14T00:00:00.000Z")); // first instant of the range: 24 h
  const e = await caseAt(ctx, "2026-10-14T12:00:00Z");
  await moveStatus(ctx, e, "resolved", at("2026-10-15T00:00:00Z")); // 12 h
  const f = await caseAt(ctx, "2026-10-10T00:00:00Z");
  await moveStatus(ctx, f, "escalation_review", at("2026-10-19T00:00:00Z"));
  await moveStatus(ctx, f, "escalated", at("2026-10-20T00:00:00Z")); // 240 h to escalate
  await moveStatus(ctx, f, "resolved", at("2026-10-22T00:00:00Z")); // 288 h, resolved after escalation
  const g = await caseAt(ctx, "2026-10-18T00:00:00Z");
  await moveStatus(ctx, g, "escalation_review", at("2026-10-19T00:00:00Z"));
  await moveStatus(ctx, g, "open", at("2026-10-21T00:00:00Z")); // returned
  await moveStatus(ctx, g, "resolved", at("2026-10-27T18:00:00Z")); // 234 h, W44
  const h = await caseAt(ctx, "2026-10-20T00:00:00Z");
  await moveStatus(ctx, h, "resolved", at("2026-10-28T00:00:00.000Z")); // the day after the range: out
  const i = await caseAt(ctx, "2026-10-01T00:00:00Z");
  await moveStatus(ctx, i, "resolved", at("2026-10-13T23:59:59.999Z")); // the day before: out
  const j = await caseAt(ctx, "2026-10-19T00:00:00Z");
  await moveStatus(ctx, j, "resolved", at("2026-10-20T06:00:00Z")); // 30 h
  const k = await caseAt(ctx, "2026-10-19T00:00:00Z", mac);
  await moveStatus(ctx, k, "resolved", at("2026-10-19T10:00:00Z")); // 10 h, a Mac case
  await caseAt(ctx, "2026-10-23T00:00:00Z", iphone, "resolved"); // resolved at intake: 0 h

  const other = apiContext((await provisionTenant({ name: "Metrics weeks, other" })).tenantId, "supervisor");
  for (let n = 0; n < 3; n++) {
    const x = await caseAt(other, "2026-10-19T00:00:00Z", mac);
    await moveStatus(other, x, "escalation_review", at("2026-10-20T00:00:00Z"));
    await moveStatus(other, x, "escalated", at("2026-10-21T00:00:00Z"));
  }
});

const week = (week: string, start: string, end: string, partial: boolean, resolved: number, escalated: number, returned: number,
  escalationRate: number | null, medianHoursToEscalate: number | null, medianHoursToResolve: number | null, p90HoursToResolve: number | null) =>
  ({ week, start, end, partial, resolved, escalated, returned, escalationRate, medianHoursToEscalate, medianHoursToResolve, p90HoursToResolve });

describe("escalations per week", () => {
  it("counts resolutions, escalations and returns per ISO week, with medians and p90, inside the range only", async () => {
    const result = await getEscalations(ctx, parseMetricsQuery(RANGE));
    expect(result.weeks).toEqual([
      // 24 h and 12 h: median 18, p90 12 + 0.9 × 12.
      week("2026-W42", "2026-10-14", "2026-10-18", true, 2, 0, 0, 0, null, 18, 22.8),
      // Resolved 0, 10, 30 and 288 h (the last after escalation: not the desk's), escalated 1 of 1 + 3.
      week("2026-W43", "2026-10-19", "2026-10-25", false, 4, 1, 1, 0.25, 240, 20, 210.6),
      week("2026-W44", "2026-10-26", "2026-10-27", true, 1, 0, 0, 0, null, 234, 234),
    ]);
  });

  it("a platform filter keeps the cases with that platform", async () => {
    const result = await getEscalations(ctx, parseMetricsQuery(new URLSearchParams([...RANGE, ["platform", "mac"]])));
    expect(result.weeks.map((w) => [w.week, w.resolved, w.escalated, w.medianHoursToResolve])).toEqual([
      ["2026-W42", 0, 0, null],
      ["2026-W43", 1, 0, 10],
      ["2026-W44", 0, 0, null],
    ]);
  });

  it("a long range is computed in groups of weeks and gives each week the same figures as a short one", async () => {
    // 13 whole weeks (W32 … W44): more than one group of weeks per statement.
    const result = await getEscalations(ctx, parseMetricsQuery(new URLSearchParams({ from: "2026-08-03", to: "2026-11-01" })));
    expect(result.weeks).toHaveLength(13);
    expect(result.weeks[11]).toEqual(week("2026-W43", "2026-10-19", "2026-10-25", false, 4, 1, 1, 0.25, 240, 20, 210.6));
    expect(result.weeks.map((w) => w.resolved)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 2]);
  });

  it("caches a closed week's figures and recomputes them when a late status change lands in it", async () => {
    const cached = async () => (await adminPool().query(
      `SELECT version, "computedVersion", resolved FROM "WeekStatusStats" WHERE "tenantId" = $1 AND platform = 'all' AND week = '2026-10-19'`, [ctx.tenantId])).rows[0];
    await getEscalations(ctx, parseMetricsQuery(RANGE));
    const before = await cached();
    expect(before.computedVersion).toBe(before.version);
    expect(before.resolved).toBe(4);
    // Backdated: created on the Monday, resolved on the Wednesday of that closed week (48 h).
    const late = await caseAt(ctx, "2026-10-19T00:00:00Z");
    await moveStatus(ctx, late, "resolved", at("2026-10-21T00:00:00Z"));
    expect((await cached()).version).toBeGreaterThan(before.version);
    const result = await getEscalations(ctx, parseMetricsQuery(RANGE));
    // Resolved 0, 10, 30, 48, 288 h: median 30, p90 48 + 0.6 × 240; escalated 1 of 1 + 4.
    expect(result.weeks[1]).toEqual(week("2026-W43", "2026-10-19", "2026-10-25", false, 5, 1, 1, 0.2, 240, 30, 192));
    const after = await cached();
    expect([after.computedVersion, after.resolved]).toEqual([after.version, 5]);
  });

  it("names ISO weeks by their Thursday's year and clips the weeks to the range", () => {
    expect(isoWeekName("2026-12-28")).toBe("2026-W53");
    expect(isoWeekName("2024-12-30")).toBe("2025-W01");
    expect(isoWeekName("2026-01-05")).toBe("2026-W02");
    expect(weeksOf({ from: "2026-10-14", to: "2026-10-14" })).toEqual([{ monday: "2026-10-12", start: "2026-10-14", end: "2026-10-14", partial: true }]);
  });
});
