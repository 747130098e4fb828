import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { bulkUpdateCases } from "@/lib/cases/bulk-update";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/get-case";
import { listCases } from "@/lib/cases/list/list-cases";
import { recordStep } from "@/lib/cases/record-step";
import { getAgeing } from "@/lib/metrics/ageing";
import { getEscalations } from "@/lib/metrics/escalations";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { provisionTenant } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { apiContext, caseBody, deviceBody } from "@/tests/support/case-factory";
import { moveStatus } from "@/tests/support/status-moves";

// The backlog now (NOW), built by hand: problem ages, last activity and readiness blockers are known
// for every case, so every count below was worked out by hand.

const NOW = new Date("2026-11-20T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const QUERY = parseMetricsQuery(new URLSearchParams(), { now: NOW });
let ctx: TenantContext;
const ids: Record<string, string> = {};

async function backlogCase(context: TenantContext, options: { problemHours: number; createdHours: number; osVersion?: string | null; status?: string; mac?: boolean; noLibrary?: boolean }) {
  const devices = [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: options.osVersion === undefined ? "18.1" : options.osVersion })];
  if (options.mac) devices.push(deviceBody({ key: "mac-1", platform: "mac", model: "iMac", osVersion: "15.1" }));
  const body = caseBody({
    devices,
    problemSince: ago(options.problemHours).toISOString(),
    statusMessages: [{ deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 312 Items", observedAt: ago(options.problemHours).toISOString() }],
    ...(options.noLibrary ? { library: { itemCount: null, sizeGb: null, hasLargeFiles: null } } : {}),
    status: options.status ?? "open",
  });
  return (await createCase(context, body, { now: ago(options.createdHours) })).case.id;
}

beforeAll(async () => {
  ctx = apiContext((await provisionTenant({ name: "Metrics backlog" })).tenantId, "supervisor");
  ids.p1 = await backlogCase(ctx, { problemHours: 2, createdHours: 1, noLibrary: true });
  ids.p2 = await backlogCase(ctx, { problemHours: 30, createdHours: 30, osVersion: null });
  ids.p3 = await backlogCase(ctx, { problemHours: 100, createdHours: 100, osVersion: null, status: "waiting_on_customer" });
  ids.p4 = await backlogCase(ctx, { problemHours: 500, createdHours: 20 });
  ids.p5 = await backlogCase(ctx, { problemHours: 400, createdHours: 400, mac: true });
  ids.p6 = await backlogCase(ctx, { problemHours: 48, createdHours: 48 });
  await moveStatus(ctx, ids.p6, "resolved", ago(47));
  ids.p7 = await backlogCase(ctx, { problemHours: 200, createdHours: 200 });
  await moveStatus(ctx, ids.p7, "escalation_review", ago(10));
  // p8: every step tried, packet complete; only the 24 h window is still ahead.
  ids.p8 = await backlogCase(ctx, { problemHours: 2, createdHours: 1 });
  for (let round = 0; round < 6; round++) {
    const view = await getCase(ctx, ids.p8, ago(0.5));
    const open = view.suggestions.filter((s) => s.risk !== "high" && s.ruleId !== "sign-out-icloud");
    if (open.length === 0) break;
    for (const s of open) await recordStep(ctx, ids.p8, { ruleId: s.ruleId, outcome: "no_change", triedAt: ago(0.5).toISOString() }, { now: ago(0.5) });
  }
  // Another tenant's backlog must never show.
  const other = apiContext((await provisionTenant({ name: "Metrics backlog, other" })).tenantId, "supervisor");
  for (let n = 0; n < 3; n++) await backlogCase(other, { problemHours: 5, createdHours: 5, osVersion: null });
});

const counts = (open: number, waiting_on_customer: number, escalation_review: number, escalated = 0) => ({ open, waiting_on_customer, escalation_review, escalated });

describe("ageing", () => {
  it("counts unresolved cases by problem age and by time since last activity, per status", async () => {
    const ageing = await getAgeing(ctx, QUERY, NOW);
    expect(ageing.total).toBe(7);
    expect(ageing.byStatus).toEqual(counts(5, 1, 1));
    expect(ageing.problemAge.map((b) => [b.bucket, b.total, b.byStatus])).toEqual([
      ["under_1d", 2, counts(2, 0, 0)], // p1, p8
      ["1d_3d", 1, counts(1, 0, 0)], // p2
      ["3d_7d", 1, counts(0, 1, 0)], // p3
      ["over_7d", 3, counts(2, 0, 1)], // p4, p5, p7
    ]);
    expect(ageing.sinceLastActivity.map((b) => [b.bucket, b.total, b.byStatus])).toEqual([
      ["under_1d", 4, counts(3, 0, 1)], // p1, p4, p8, p7 (sent to review 10 h ago)
      ["1d_3d", 1, counts(1, 0, 0)], // p2
      ["3d_7d", 1, counts(0, 1, 0)], // p3
      ["over_7d", 1, counts(1, 0, 0)], // p5
    ]);
    expect(ageing.idle).toEqual({ hours: 24, cases: 3 });
    // The page links the idle count to the case list with the same filter: the same three cases.
    const listed = await listCases(ctx, { status: ["open", "waiting_on_customer", "escalation_review", "escalated"], inactiveMinHours: 24 }, { now: NOW });
    expect(listed.items.map((item) => item.id).sort()).toEqual([ids.p2, ids.p3, ids.p5].sort());
  });

  it("a platform filter counts the cases with that platform", async () => {
    const mac = await getAgeing(ctx, parseMetricsQuery(new URLSearchParams({ platform: "mac" }), { now: NOW }), NOW);
    expect(mac.total).toBe(1);
    expect(mac.problemAge.map((b) => b.total)).toEqual([0, 0, 0, 1]);
  });
});

describe("readiness blockers", () => {
  it("counts open and waiting cases per blocker; the window alone is waiting, not a blocker", async () => {
    const { blockers } = await getEscalations(ctx, QUERY, NOW);
    const count = (code: string) => blockers.items.find((item) => item.code === code)?.cases ?? 0;
    expect(blockers.notReady).toBe(6); // p1–p5 need someone to act, p8 waits for the window
    expect(blockers.waitingForWindow).toBe(1);
    expect(count("device_os_version_missing")).toBe(2);
    expect(blockers.items.find((item) => item.code === "device_os_version_missing")?.label).toBe("OS version missing for a device");
    expect(count("library_size_missing")).toBe(1);
    expect(count("step_not_tried:test-fresh-shot")).toBe(5);
    expect(count("persistence_window")).toBe(0);
    expect(blockers.items.map((item) => item.cases)).toEqual([...blockers.items.map((item) => item.cases)].sort((a, b) => b - a));
  });
});

describe("every writer keeps the counts", () => {
  it("a bulk status change and a plain UPDATE move the counts in their own transaction", async () => {
    await bulkUpdateCases(ctx, { ids: [ids.p2], status: "waiting_on_customer" }, { now: NOW });
    let ageing = await getAgeing(ctx, QUERY, NOW);
    expect(ageing.byStatus).toEqual(counts(4, 2, 1));
    expect(ageing.idle.cases).toBe(2);
    await withTenant(ctx.tenantId, (tx) =>
      tx.$executeRaw`UPDATE "Case" SET "status" = 'resolved', "resolvedAt" = ${NOW}, "updatedAt" = ${NOW} WHERE "id" = ${ids.p5}::uuid`);
    ageing = await getAgeing(ctx, QUERY, NOW);
    expect(ageing.byStatus).toEqual(counts(3, 2, 1));
    const { blockers } = await getEscalations(ctx, QUERY, NOW);
    expect(blockers.notReady).toBe(5);
    const week = await getEscalations(ctx, parseMetricsQuery(new URLSearchParams({ from: "2026-11-20", to: "2026-11-20" })), NOW);
    expect(week.weeks[0]?.resolved).toBe(1);
  });
});
