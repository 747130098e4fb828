import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/cases/create-case";
import { recordStep } from "@/lib/cases/record-step";
import { getFixEffectiveness, rangeBuckets } from "@/lib/metrics/fix-effectiveness";
import { osMajorOf } from "@/lib/facts/os-major";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { provisionTenant } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { adminPool } from "@/tests/support/admin-db";
import { apiContext, caseBody, deviceBody } from "@/tests/support/case-factory";

// A hand-built history of tried steps; the expected figures below were computed by hand (Wilson
// bounds independently, to 4 decimals). Range 2026-09-28 … 2026-11-01: whole October from the
// monthly rows, 28–30 September and 1 November from the daily rows.

let ctx: TenantContext;
const RANGE = new URLSearchParams({ from: "2026-09-28", to: "2026-11-01" });

async function caseWith(context: TenantContext, devices: ReturnType<typeof deviceBody>[], createdAt: string) {
  return (await createCase(context, caseBody({ devices, statusMessages: [] }), { now: new Date(createdAt) })).case.id;
}

async function step(context: TenantContext, caseId: string, ruleId: string, outcome: string, triedAt: string, note?: string) {
  const now = new Date(new Date(triedAt).getTime() + 60_000);
  await recordStep(context, caseId, { ruleId, outcome, triedAt, note: note ?? null }, { now });
}

beforeAll(async () => {
  const tenant = await provisionTenant({ name: "Metrics fixes" });
  ctx = apiContext(tenant.tenantId, "supervisor");
  const iphone17 = deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "17.5.1" });
  const mac14 = deviceBody({ key: "mac-1", platform: "mac", model: "MacBook Air", osVersion: "14.5" });
  const a = await caseWith(ctx, [iphone17, mac14], "2026-09-20T09:00:00Z");
  await step(ctx, a, "restart-device", "resolved", "2026-09-28T00:00:00.000Z"); // first instant: in
  await step(ctx, a, "restart-device", "no_change", "2026-10-15T10:00:00Z");
  await step(ctx, a, "restart-device", "worse", "2026-11-01T23:59:59.999Z"); // last instant: in
  await step(ctx, a, "restart-device", "resolved", "2026-11-02T00:00:00.000Z"); // the day after: out
  await step(ctx, a, "restart-device", "resolved", "2026-09-27T23:59:59.999Z"); // the day before: out
  await step(ctx, a, "mac-keep-photos-open", "no_change", "2026-10-10T08:00:00Z"); // a Mac-only rule
  await step(ctx, a, "restart-device", "skipped", "2026-10-11T08:00:00Z"); // not an attempt
  await step(ctx, a, "toggle-icloud-photos", "not_applicable", "2026-10-12T08:00:00Z", "No sync toggle on this device"); // nor this
  const b = await caseWith(ctx, [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: null })], "2026-09-25T09:00:00Z");
  await step(ctx, b, "restart-device", "resolved", "2026-10-20T08:00:00Z");
  const c = await caseWith(ctx, [
    deviceBody({ key: "pc-1", platform: "windows", model: "Surface Laptop", osVersion: "11", icloudForWindowsVersion: "15.2.0.23" }),
    deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "18.1" }),
  ], "2026-10-01T09:00:00Z");
  await step(ctx, c, "restart-device", "resolved", "2026-10-21T08:00:00Z");

  // Another tenant's attempts, same rule, same days: they must never count.
  const other = apiContext((await provisionTenant({ name: "Metrics fixes, other" })).tenantId, "supervisor");
  const d = await caseWith(other, [iphone17], "2026-10-01T09:00:00Z");
  for (let i = 0; i < 3; i++) await step(other, d, "restart-device", "no_change", "2026-10-15T10:00:00Z");
});

const row = (ruleId: string, platform: string | null, osMajor: number | null, attempts: number, resolved: number, noChange: number, worse: number, rate: number, rateLow: number, rateHigh: number) => ({
  ruleId, platform, osMajor, attempts, resolved, noChange, worse, rate, rateLow, rateHigh, smallSample: true,
});

describe("fix effectiveness", () => {
  it("counts each attempt once for all devices and once per platform × OS major, inside the range only", async () => {
    const result = await getFixEffectiveness(ctx, parseMetricsQuery(RANGE));
    const rows = result.rows.map(({ title: _title, ...rest }) => rest);
    expect(rows).toEqual([
      row("mac-keep-photos-open", null, null, 1, 0, 1, 0, 0, 0, 0.7935),
      row("mac-keep-photos-open", "mac", 14, 1, 0, 1, 0, 0, 0, 0.7935),
      row("restart-device", null, null, 5, 3, 1, 1, 0.6, 0.2307, 0.8824),
      row("restart-device", "iphone", 18, 1, 1, 0, 0, 1, 0.2065, 1),
      row("restart-device", "iphone", 17, 3, 1, 1, 1, 0.3333, 0.0615, 0.7923),
      row("restart-device", "iphone", null, 1, 1, 0, 0, 1, 0.2065, 1),
      row("restart-device", "mac", 14, 3, 1, 1, 1, 0.3333, 0.0615, 0.7923),
      row("restart-device", "windows", 15, 1, 1, 0, 0, 1, 0.2065, 1),
    ]);
    expect(result).toMatchObject({ from: "2026-09-28", to: "2026-11-01", platform: null, minSample: 20 });
  });

  it("a platform filter narrows to cases with that platform and to the rules that apply to it", async () => {
    const iphone = await getFixEffectiveness(ctx, parseMetricsQuery(new URLSearchParams([...RANGE, ["platform", "iphone"]])));
    expect(iphone.rows.map((r) => [r.ruleId, r.platform, r.osMajor, r.attempts, r.resolved])).toEqual([
      ["restart-device", null, null, 5, 3],
      ["restart-device", "iphone", 18, 1, 1],
      ["restart-device", "iphone", 17, 3, 1],
      ["restart-device", "iphone", null, 1, 1],
    ]);
    const mac = await getFixEffectiveness(ctx, parseMetricsQuery(new URLSearchParams([...RANGE, ["platform", "mac"]])));
    expect(mac.rows.map((r) => [r.ruleId, r.platform, r.osMajor, r.attempts, r.resolved])).toEqual([
      ["mac-keep-photos-open", null, null, 1, 0],
      ["mac-keep-photos-open", "mac", 14, 1, 0],
      ["restart-device", null, null, 3, 1],
      ["restart-device", "mac", 14, 3, 1],
    ]);
  });

  it("a range of days inside one month reads the daily rows; the boundary days are inclusive", async () => {
    const day = await getFixEffectiveness(ctx, parseMetricsQuery(new URLSearchParams({ from: "2026-11-01", to: "2026-11-01" })));
    expect(day.rows.filter((r) => r.platform === null).map((r) => [r.ruleId, r.attempts, r.worse])).toEqual([["restart-device", 1, 1]]);
    const next = await getFixEffectiveness(ctx, parseMetricsQuery(new URLSearchParams({ from: "2026-11-02", to: "2026-11-30" })));
    expect(next.rows.filter((r) => r.platform === null).map((r) => [r.ruleId, r.attempts, r.resolved])).toEqual([["restart-device", 1, 1]]);
  });

  it("splits a range into whole months and the days around them", () => {
    expect(rangeBuckets("2026-09-28", "2026-11-01")).toEqual({ months: ["2026-10-01", "2026-11-01"], days: [["2026-09-28", "2026-10-01"], ["2026-11-01", "2026-11-02"]] });
    expect(rangeBuckets("2026-10-01", "2026-10-31")).toEqual({ months: ["2026-10-01", "2026-11-01"], days: [] });
    expect(rangeBuckets("2026-10-05", "2026-10-20")).toEqual({ months: null, days: [["2026-10-05", "2026-10-21"]] });
    expect(rangeBuckets("2025-12-15", "2026-02-10")).toEqual({ months: ["2026-01-01", "2026-02-01"], days: [["2025-12-15", "2026-01-01"], ["2026-02-01", "2026-02-11"]] });
  });

  it("the database and the case page agree on a device's OS major", async () => {
    const devices = [
      { platform: "iphone", osVersion: "17.5.1", icloudForWindowsVersion: null },
      { platform: "mac", osVersion: "14", icloudForWindowsVersion: null },
      { platform: "ipad", osVersion: null, icloudForWindowsVersion: null },
      { platform: "windows", osVersion: "11", icloudForWindowsVersion: "15.2.0.23" },
      { platform: "windows", osVersion: "11", icloudForWindowsVersion: null },
    ] as const;
    for (const device of devices) {
      const { rows } = await adminPool().query(`SELECT metrics_os_major($1::"Platform", $2, $3) AS major`, [device.platform, device.osVersion, device.icloudForWindowsVersion]);
      expect(rows[0].major).toBe(osMajorOf(device));
    }
    expect(devices.map((d) => osMajorOf(d))).toEqual([17, 14, 0, 15, 0]);
  });
});
