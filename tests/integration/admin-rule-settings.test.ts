import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/v1/rule-settings/route";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/get-case";
import { listCases } from "@/lib/cases/list/list-cases";
import { DEFAULT_RULE_SETTINGS, resolveSettings, type RuleSettings } from "@/lib/rules/settings";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { saveCase } from "@/lib/cases/save-case";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import { reevaluateEscalationReadiness } from "@/lib/cases/reevaluate-readiness";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, caseBody, createTestCase } from "@/tests/support/case-factory";
import { caseWaitingOnlyForTime, tryEverySuggestedStep } from "@/tests/support/readiness";
import { issueTestToken } from "@/tests/support/tokens";

let tenant: ProvisionedTenant;
let adminToken: string;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Rule Settings" });
  adminToken = await issueTestToken(tenant.tenantId, "admin");
});
afterAll(closeAdminPool);

const read = () => call(getSettingsRoute, "GET", "/api/v1/rule-settings", { token: adminToken });
const save = (body: unknown, token = adminToken) => call(putSettingsRoute, "PUT", "/api/v1/rule-settings", { token, body });

async function current() {
  const res = await read();
  expect(res.status).toBe(200);
  return res.body as { version: number; disabledRules: string[]; thresholds: typeof DEFAULT_RULE_SETTINGS.thresholds };
}

/** The stored settings and every table's row count: a refused save must change neither. */
async function settingsState(tenantId: string) {
  const settings = await adminPool().query(`SELECT version, "disabledRules", thresholds FROM "TenantRuleSettings" WHERE "tenantId" = $1`, [tenantId]);
  return { settings: settings.rows[0] ?? null, rows: await rowCounts() };
}

describe("GET /api/v1/rule-settings", () => {
  it("answers the defaults and version 1 for a tenant that never saved", async () => {
    const fresh = await provisionTenant({ name: "Rule Settings Fresh" });
    const res = await call(getSettingsRoute, "GET", "/api/v1/rule-settings", { token: await issueTestToken(fresh.tenantId, "admin") });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, disabledRules: [], thresholds: DEFAULT_RULE_SETTINGS.thresholds, defaults: DEFAULT_RULE_SETTINGS.thresholds });
  });

  it.each(["agent", "supervisor"] as const)("refuses a %s token with 403 (read and write)", async (role) => {
    const token = await issueTestToken(tenant.tenantId, role);
    expect((await call(getSettingsRoute, "GET", "/api/v1/rule-settings", { token })).status).toBe(403);
    const before = await settingsState(tenant.tenantId);
    const { version } = await current();
    expect((await save({ version, disabledRules: ["restart-device"], thresholds: {} }, token)).status).toBe(403);
    expect(await settingsState(tenant.tenantId)).toEqual(before);
  });
});

describe("PUT /api/v1/rule-settings", () => {
  it("lowering the persistence threshold makes a waiting case ready at once, in the same request", async () => {
    const ctx = apiContext(tenant.tenantId, "agent");
    const waiting = await caseWaitingOnlyForTime(ctx, 10);
    expect(waiting.escalation.ready).toBe(false);
    const notReady = await listCases(ctx, { escalationReady: true });
    expect(notReady.items.map((item) => item.id)).not.toContain(waiting.id);

    const { version, thresholds } = await current();
    const res = await save({ version, disabledRules: [], thresholds: { ...thresholds, escalationHours: 8 } });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ version: version + 1, thresholds: { escalationHours: 8 } });
    expect(res.body.reevaluated.cases).toBeGreaterThanOrEqual(1);
    expect(res.body.reevaluated.changed).toBeGreaterThanOrEqual(1);

    const ready = await listCases(ctx, { escalationReady: true });
    expect(ready.items.map((item) => item.id)).toContain(waiting.id);
    expect((await getCase(ctx, waiting.id)).escalation.ready).toBe(true);
    // A derived column, not an edit: the case's version is unchanged, so an open form is not stale.
    expect((await getCase(ctx, waiting.id)).version).toBe(waiting.version);

    // Raising it again takes the case out of the queue just as fast.
    const back = await save({ version: version + 1, disabledRules: [], thresholds: { escalationHours: 24 } });
    expect(back.status).toBe(200);
    expect((await listCases(ctx, { escalationReady: true })).items.map((item) => item.id)).not.toContain(waiting.id);
  });

  it("a disabled rule is no longer suggested on new or existing cases", async () => {
    const ctx = apiContext(tenant.tenantId, "agent");
    const existing = await createTestCase(ctx);
    expect(existing.suggestions.map((s) => s.ruleId)).toContain("test-fresh-shot");
    const { version, thresholds } = await current();
    expect((await save({ version, disabledRules: ["test-fresh-shot"], thresholds })).status).toBe(200);

    const created = (await createCase(ctx, caseBody())).case;
    expect(created.suggestions.map((s) => s.ruleId)).not.toContain("test-fresh-shot");
    expect((await getCase(ctx, existing.id)).suggestions.map((s) => s.ruleId)).not.toContain("test-fresh-shot");
    expect((await current()).disabledRules).toEqual(["test-fresh-shot"]);
  });

  it("stores only the thresholds that differ from the defaults; reset to defaults stores none", async () => {
    const { version } = await current();
    expect((await save({ version, disabledRules: [], thresholds: { repeatedFailures: 5, minOsVersion: { ios: "18.0" } } })).status).toBe(200);
    expect((await settingsState(tenant.tenantId)).settings.thresholds).toEqual({ repeatedFailures: 5, minOsVersion: { ios: "18.0" } });
    expect((await current()).thresholds).toMatchObject({ repeatedFailures: 5, escalationHours: 24, minOsVersion: { ios: "18.0", macos: "14.0" } });

    const reset = await save({ version: version + 1, disabledRules: [], thresholds: {} });
    expect(reset.status).toBe(200);
    expect(reset.body.settings.thresholds).toEqual(DEFAULT_RULE_SETTINGS.thresholds);
    expect((await settingsState(tenant.tenantId)).settings).toMatchObject({ disabledRules: [], thresholds: {} });
  });

  it("the customer link's lifetime is one of these settings: saving it changes how long a new link works", async () => {
    const ctx = apiContext(tenant.tenantId, "agent");
    const subject = await createTestCase(ctx);
    const lifetimeDays = async () => {
      const link = await rotateCustomerLink(ctx, subject.id);
      return (Date.parse(link.expiresAt) - Date.parse(link.createdAt)) / 86_400_000;
    };
    expect(await lifetimeDays()).toBe(DEFAULT_RULE_SETTINGS.thresholds.customerLinkDays);
    const { version, disabledRules, thresholds } = await current();
    expect((await save({ version, disabledRules, thresholds: { ...thresholds, customerLinkDays: 7 } })).status).toBe(200);
    expect(await lifetimeDays()).toBe(7);
    expect((await save({ version: version + 1, disabledRules, thresholds })).status).toBe(200);
  });

  it("a stale version is a 409 carrying the current one, and nothing is written", async () => {
    const { version } = await current();
    const before = await settingsState(tenant.tenantId);
    const res = await save({ version: version - 1 || 99, disabledRules: ["restart-device"], thresholds: {} });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", currentVersion: version });
    expect(await settingsState(tenant.tenantId)).toEqual(before);
  });

  it("two saves based on the same version at once: one wins, the other is told", async () => {
    const { version } = await current();
    const results = await Promise.all([
      save({ version, disabledRules: ["restart-device"], thresholds: { repeatedFailures: 4 } }),
      save({ version, disabledRules: ["update-os"], thresholds: { repeatedFailures: 6 } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const stored = await current();
    expect(stored.version).toBe(version + 1);
    expect(stored.disabledRules).toEqual(winner.body.settings.disabledRules);
    expect(stored.thresholds.repeatedFailures).toBe(winner.body.settings.thresholds.repeatedFailures);
  });

  const BAD: Array<[string, (version: number) => unknown, string]> = [
    ["an unknown rule id", (v) => ({ version: v, disabledRules: ["restart-device", "reinstall-windows"], thresholds: {} }), "disabledRules.1"],
    ["a threshold below its range", (v) => ({ version: v, disabledRules: [], thresholds: { escalationHours: 0 } }), "thresholds.escalationHours"],
    ["a threshold above its range", (v) => ({ version: v, disabledRules: [], thresholds: { escalationHours: 10_000 } }), "thresholds.escalationHours"],
    ["a threshold with a unit in it", (v) => ({ version: v, disabledRules: [], thresholds: { lowDeviceStorageGb: "5 GB" } }), "thresholds.lowDeviceStorageGb"],
    ["a customer link lifetime over a year", (v) => ({ version: v, disabledRules: [], thresholds: { customerLinkDays: 366 } }), "thresholds.customerLinkDays"],
    ["a fractional count", (v) => ({ version: v, disabledRules: [], thresholds: { repeatedFailures: 2.5 } }), "thresholds.repeatedFailures"],
    ["a malformed minimum version", (v) => ({ version: v, disabledRules: [], thresholds: { minOsVersion: { ios: "seventeen" } } }), "thresholds.minOsVersion.ios"],
    ["an unknown threshold", (v) => ({ version: v, disabledRules: [], thresholds: { escalationDays: 2 } }), "thresholds.escalationDays"],
    ["an unknown nested threshold", (v) => ({ version: v, disabledRules: [], thresholds: { minOsVersion: { android: "14" } } }), "thresholds.minOsVersion.android"],
    ["an unknown top-level key", (v) => ({ version: v, disabledRules: [], thresholds: {}, enabledRules: [] }), "enabledRules"],
    ["a missing version", () => ({ disabledRules: [], thresholds: {} }), "version"],
  ];

  it.each(BAD)("refuses %s with a 400 naming the field, and writes nothing", async (_label, body, path) => {
    const { version } = await current();
    const before = await settingsState(tenant.tenantId);
    const res = await save(body(version));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await settingsState(tenant.tenantId)).toEqual(before);
  });

  it("records every saved change in the audit log with the settings before and after", async () => {
    const { version, thresholds } = await current();
    const res = await save({ version, disabledRules: ["check-date-time"], thresholds: { ...thresholds, lowDeviceStorageGb: 8 } });
    expect(res.status).toBe(200);
    const { rows } = await adminPool().query(
      `SELECT action, "actorKind", "actorLabel", before, after FROM "AuditEntry" WHERE "tenantId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
      [tenant.tenantId],
    );
    expect(rows[0]).toMatchObject({ action: "rule_settings.updated", actorKind: "api_token" });
    expect(rows[0].before.thresholds.lowDeviceStorageGb).toBe(thresholds.lowDeviceStorageGb);
    expect(rows[0].after).toMatchObject({ disabledRules: ["check-date-time"], thresholds: { lowDeviceStorageGb: 8 } });
  });
});

describe("the batched re-evaluation", () => {
  it("stores, for every open case across several batches, exactly what the per-case write path computes", async () => {
    const varied = await provisionTenant({ name: "Rule Settings Batches" });
    const ctx = apiContext(varied.tenantId, "agent");
    const hours = [2, 10, 30, 60];
    const ids: string[] = [];
    for (const [index, age] of hours.entries()) {
      const since = new Date(Date.now() - age * 3_600_000).toISOString();
      ids.push((await createTestCase(ctx, { problemSince: since })).id);
      ids.push((await createTestCase(ctx, { problemSince: since, appleSystemStatus: index % 2 ? "outage" : "unknown" })).id);
      const tried = await createTestCase(ctx, { problemSince: since, symptoms: ["blurry_thumbnails", "items_missing"] });
      await tryEverySuggestedStep(ctx, tried.id);
      ids.push(tried.id);
    }
    const waiting = await createTestCase(ctx, { status: "waiting_on_customer", problemSince: new Date(Date.now() - 20 * 3_600_000).toISOString() });
    await tryEverySuggestedStep(ctx, waiting.id);
    ids.push(waiting.id);
    const resolved = await createTestCase(ctx, { status: "resolved" });

    const now = new Date();
    const readyCounts: number[] = [];
    const blockerSets = new Set<string>();
    const everyRuleOff = resolveSettings({ disabledRules: [...RULE_IDS], thresholds: { escalationHours: 1 } });
    for (const settings of [everyRuleOff, resolveSettings({ thresholds: { escalationHours: 8, repeatedFailures: 1 } }), DEFAULT_RULE_SETTINGS]) {
      const expected = await perCaseWrite(varied.tenantId, ctx, ids, settings, now);
      // A batch of 4 makes the keyset walk several batches (and read ahead) over these 13 open cases.
      const result = await withTenant(varied.tenantId, (tx) => reevaluateEscalationReadiness(tx, varied.tenantId, settings, now, 4));
      expect(result.cases).toBe(ids.length);
      const stored = await escalationColumns(varied.tenantId);
      for (const id of ids) expect(stored.get(id), id).toEqual(expected.get(id));
      expect(stored.has(resolved.id)).toBe(true);
      // The supervisors' blocker counts (kept by the Case triggers) follow the re-evaluated columns.
      expect(await blockerCounts(varied.tenantId)).toEqual(countBlockers([...stored.entries()].filter(([id]) => ids.includes(id)).map(([, c]) => c.blockers)));
      readyCounts.push([...expected.values()].filter((columns) => columns.readyAt !== null).length);
      for (const columns of expected.values()) blockerSets.add(columns.blockers.join(","));
    }
    // The settings really moved readiness, so the comparison is not of nulls alone.
    expect(Math.max(...readyCounts)).toBeGreaterThan(0);
    expect(new Set(readyCounts).size).toBeGreaterThan(1);
    expect(blockerSets.size).toBeGreaterThan(2);
  });
});

type EscalationColumns = { readyAt: number | null; blockers: string[] };

/**
 * What the per-case write path (saveCase, as every case write ends) stores for each case with these
 * settings at this moment, in a transaction rolled back afterwards.
 */
async function perCaseWrite(tenantId: string, ctx: ReturnType<typeof apiContext>, ids: string[], settings: RuleSettings, now: Date) {
  const expected = new Map<string, EscalationColumns>();
  const rollback = new Error("roll back the reference writes");
  await withTenant(tenantId, async (tx) => {
    for (const id of ids) {
      const record = (await loadCaseRecord(tx, tenantId, id))!;
      await saveCase(tx, ctx, { record, events: [], now, settings });
      const row = await tx.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } }, select: { escalationReadyAt: true, escalationBlockers: true } });
      expected.set(id, { readyAt: row.escalationReadyAt?.getTime() ?? null, blockers: row.escalationBlockers });
    }
    throw rollback;
  }).catch((error: unknown) => {
    if (error !== rollback) throw error;
  });
  return expected;
}

async function escalationColumns(tenantId: string): Promise<Map<string, EscalationColumns>> {
  const { rows } = await adminPool().query(`SELECT id, "escalationReadyAt", "escalationBlockers" FROM "Case" WHERE "tenantId" = $1`, [tenantId]);
  return new Map(rows.map((row) => [row.id as string, { readyAt: (row.escalationReadyAt as Date | null)?.getTime() ?? null, blockers: row.escalationBlockers as string[] }]));
}

async function blockerCounts(tenantId: string): Promise<Record<string, number>> {
  const { rows } = await adminPool().query(
    `SELECT key, cases FROM "CaseStateCount" WHERE "tenantId" = $1 AND kind = 'blocker' AND platform = 'all' AND cases > 0`,
    [tenantId],
  );
  return Object.fromEntries(rows.map((row) => [row.key as string, Number(row.cases)]));
}

function countBlockers(perCase: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const blockers of perCase) {
    if (blockers.length > 0) counts["*"] = (counts["*"] ?? 0) + 1;
    for (const code of new Set(blockers)) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
