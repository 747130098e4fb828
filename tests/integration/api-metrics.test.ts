import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAgeing } from "@/app/api/v1/metrics/ageing/route";
import { GET as getEscalations } from "@/app/api/v1/metrics/escalations/route";
import { GET as getFixEffectiveness } from "@/app/api/v1/metrics/fix-effectiveness/route";
import { GET as getCaseRoute } from "@/app/api/v1/cases/[id]/route";
import { recordStep } from "@/lib/cases/record-step";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";
import { issueTestToken } from "@/tests/support/tokens";

let supervisor: string;
let admin: string;
let agent: string;
let tenantId: string;
const iphone18 = [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "18.1" })];

beforeAll(async () => {
  tenantId = (await provisionTenant({ name: "Metrics API" })).tenantId;
  [supervisor, admin, agent] = await Promise.all([issueTestToken(tenantId, "supervisor"), issueTestToken(tenantId, "admin"), issueTestToken(tenantId, "agent")]);
  const ctx = apiContext(tenantId);
  const history = await createTestCase(ctx, { devices: iphone18 });
  // 20 attempts on iPhones with iOS 18: 8 resolved, 12 no change (and one skip, which is no attempt).
  for (let n = 0; n < 20; n++) {
    await recordStep(ctx, history.id, { ruleId: "restart-device", outcome: n < 8 ? "resolved" : "no_change", triedAt: new Date(Date.now() - (n + 2) * 3_600_000).toISOString() });
  }
  await recordStep(ctx, history.id, { ruleId: "test-fresh-shot", outcome: "skipped" });
});

const metrics = [
  ["fix-effectiveness", getFixEffectiveness],
  ["ageing", getAgeing],
  ["escalations", getEscalations],
] as const;

describe("metrics API", () => {
  it.each(metrics)("%s answers supervisors and admins, and refuses agents with 403", async (name, handler) => {
    expect((await call(handler, "GET", `/api/v1/metrics/${name}`, { token: supervisor })).status).toBe(200);
    expect((await call(handler, "GET", `/api/v1/metrics/${name}`, { token: admin })).status).toBe(200);
    const refused = await call(handler, "GET", `/api/v1/metrics/${name}`, { token: agent });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  });

  it.each(metrics)("%s names the bad parameter: from after to, unknown platform, over two years, unknown or malformed", async (name, handler) => {
    const bad = async (query: Record<string, string>) => {
      const result = await call(handler, "GET", `/api/v1/metrics/${name}`, { token: supervisor, query });
      expect(result.status).toBe(400);
      return result.body.error.fields.map((field: { path: string }) => field.path);
    };
    expect(await bad({ from: "2026-11-10", to: "2026-11-01" })).toEqual(["from"]);
    expect(await bad({ platform: "android" })).toEqual(["platform"]);
    expect(await bad({ from: "2024-01-01", to: "2026-01-02" })).toEqual(["to"]);
    expect(await bad({ from: "2020-01-01" })).toEqual(["from"]);
    expect(await bad({ since: "2026-01-01" })).toEqual(["since"]);
    expect(await bad({ from: "2026-02-30" })).toEqual(["from"]);
    expect(await bad({ to: "yesterday", format: "xml" })).toEqual(["to", "format"]);
    // Exactly two years (731 days) is allowed.
    expect((await call(handler, "GET", `/api/v1/metrics/${name}`, { token: supervisor, query: { from: "2024-01-01", to: "2025-12-31" } })).status).toBe(200);
  });

  it("fix effectiveness as CSV: a download with a header and one line per row", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await call(getFixEffectiveness, "GET", "/api/v1/metrics/fix-effectiveness", { token: supervisor, query: { format: "csv", to: today } });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("content-disposition")).toMatch(/^attachment; filename="fix-effectiveness_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = Buffer.from(result.body).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("ruleId,title,devices,platform,osMajor,attempts,resolved,noChange,worse,rate,rateLow,rateHigh,smallSample");
    expect(lines.slice(1)).toEqual([
      "restart-device,Restart the device,All devices,,,20,8,12,0,0.4,0.2188,0.6134,false",
      "restart-device,Restart the device,iPhone · iOS 18,iphone,18,20,8,12,0,0.4,0.2188,0.6134,false",
    ]);
  });

  it("escalations CSV offers the weekly table and the blockers table; other tables are a 400", async () => {
    const weeks = await call(getEscalations, "GET", "/api/v1/metrics/escalations", { token: supervisor, query: { format: "csv", from: "2026-11-02", to: "2026-11-15" } });
    expect(Buffer.from(weeks.body).toString("utf8").split("\r\n").slice(0, 3)).toEqual([
      "week,start,end,partial,resolved,escalated,returned,escalationRate,medianHoursToEscalate,medianHoursToResolve,p90HoursToResolve",
      "2026-W45,2026-11-02,2026-11-08,false,0,0,0,,,,",
      "2026-W46,2026-11-09,2026-11-15,false,0,0,0,,,,",
    ]);
    const blockers = await call(getEscalations, "GET", "/api/v1/metrics/escalations", { token: supervisor, query: { format: "csv", table: "blockers" } });
    expect(Buffer.from(blockers.body).toString("utf8").split("\r\n")[0]).toBe("code,label,cases");
    const bad = await call(getEscalations, "GET", "/api/v1/metrics/escalations", { token: supervisor, query: { format: "csv", table: "cases" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("table");
  });

  it("the case shows how a suggestion went on similar cases here, only with a sample of 20 or more", async () => {
    const ctx = apiContext(tenantId);
    const similar = await createTestCase(ctx, { devices: iphone18 });
    const read = await call(getCaseRoute, "GET", `/api/v1/cases/${similar.id}`, { token: agent, params: { id: similar.id } });
    expect(read.body.fixHints).toEqual([{ ruleId: "restart-device", platform: "iphone", osMajor: 18, attempts: 20, resolved: 8, rate: 0.4 }]);
    const otherOs = await createTestCase(ctx, { devices: [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "17.5" })] });
    expect((await call(getCaseRoute, "GET", `/api/v1/cases/${otherOs.id}`, { token: agent, params: { id: otherOs.id } })).body.fixHints).toEqual([]);
  });

  it("another tenant sees none of these figures", async () => {
    const stranger = await issueTestToken((await provisionTenant({ name: "Metrics API, other" })).tenantId, "supervisor");
    const result = await call(getFixEffectiveness, "GET", "/api/v1/metrics/fix-effectiveness", { token: stranger });
    expect(result.body.rows).toEqual([]);
    const ageing = await call(getAgeing, "GET", "/api/v1/metrics/ageing", { token: stranger });
    expect(ageing.body.total).toBe(0);
  });
});
