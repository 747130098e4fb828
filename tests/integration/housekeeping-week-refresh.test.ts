import "@/tests/support/integration-env";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/cases/create-case";
import { refreshStaleWeeks } from "@/lib/housekeeping/refresh-weeks";
import { getEscalations } from "@/lib/metrics/escalations";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { provisionTenant } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { apiContext, caseBody, deviceBody } from "@/tests/support/case-factory";
import { adminDatabaseUrl } from "@/tests/support/integration-env";
import { moveStatus } from "@/tests/support/status-moves";

// Housekeeping refreshes stale closed weeks of every tenant ahead of readers, with the read path's
// own computation, never the current week, never over a newer status change, one instance at a time.

afterAll(closeAdminPool);

const iphone = [deviceBody({ key: "iphone-1", platform: "iphone", osVersion: "18.1" })];
const mac = [deviceBody({ key: "mac-1", platform: "mac", model: "iMac", osVersion: "15.1" })];
const W42 = "2026-10-12";
const W43 = "2026-10-19";
const HOUR = 3600;

async function caseAt(ctx: TenantContext, createdAt: Date, devices = iphone, status = "open") {
  return (await createCase(ctx, caseBody({ devices, statusMessages: [], status }), { now: createdAt })).case.id;
}

/** W42: one resolution (24 h). W43: two (Mac 10 h, iPhone 30 h). This week: one resolved at intake. */
async function tenantWithHistory(name: string) {
  const ctx = apiContext((await provisionTenant({ name })).tenantId, "supervisor");
  const first = await caseAt(ctx, new Date("2026-10-13T00:00:00Z"));
  await moveStatus(ctx, first, "resolved", new Date("2026-10-14T00:00:00Z"));
  const onMac = await caseAt(ctx, new Date("2026-10-19T00:00:00Z"), mac);
  await moveStatus(ctx, onMac, "resolved", new Date("2026-10-19T10:00:00Z"));
  const late = await caseAt(ctx, new Date("2026-10-20T00:00:00Z"));
  await moveStatus(ctx, late, "resolved", new Date("2026-10-21T06:00:00Z"));
  await caseAt(ctx, new Date(), iphone, "resolved");
  return { ctx, late };
}

type WeekRow = { platform: string; week: string; version: number; computedVersion: number; resolved: number; medianResolve: number | null; p90Resolve: number | null };

async function weekRows(tenantId: string): Promise<WeekRow[]> {
  const { rows } = await adminPool().query<WeekRow>(
    `SELECT "platform", to_char("week", 'YYYY-MM-DD') AS week, "version", "computedVersion", "resolved", "medianResolve", "p90Resolve"
     FROM "WeekStatusStats" WHERE "tenantId" = $1 ORDER BY "platform", "week"`,
    [tenantId],
  );
  return rows;
}
const closedWeeks = (rows: WeekRow[]) => rows.filter((row) => row.week <= W43);
const currentWeek = (rows: WeekRow[]) => rows.filter((row) => row.week > W43);
const row = (rows: WeekRow[], platform: string, week: string) => rows.find((r) => r.platform === platform && r.week === week)!;

describe("refreshing stale weekly figures", () => {
  it("makes the stale closed weeks of every tenant current, with the figures the read path computes", async () => {
    const a = await tenantWithHistory("Week refresh A");
    const b = await tenantWithHistory("Week refresh B");
    for (const tenant of [a, b]) {
      expect(closedWeeks(await weekRows(tenant.ctx.tenantId)).map((r) => r.computedVersion < r.version)).toEqual([true, true, true, true, true]);
    }

    const result = await refreshStaleWeeks();
    expect(result).toMatchObject({ ran: true, moreLeft: false });
    expect(result.ran && result.weeks).toBeGreaterThanOrEqual(10);

    for (const tenant of [a, b]) {
      const refreshed = await weekRows(tenant.ctx.tenantId);
      // all × W42, W43; iphone × W42, W43; mac × W43 — all current now.
      expect(closedWeeks(refreshed).map((r) => [r.platform, r.week, r.computedVersion === r.version])).toEqual([
        ["all", W42, true], ["all", W43, true], ["iphone", W42, true], ["iphone", W43, true], ["mac", W43, true],
      ]);
      expect(row(refreshed, "all", W43)).toMatchObject({ resolved: 2, medianResolve: 20 * HOUR, p90Resolve: 28 * HOUR });
      expect(row(refreshed, "mac", W43)).toMatchObject({ resolved: 1, medianResolve: 10 * HOUR });
      // The current week is for readers to compute live: the job leaves it stale.
      expect(currentWeek(refreshed).map((r) => r.computedVersion)).toEqual([0, 0]);
    }

    // The read path, made to compute the same weeks again, stores exactly what the job stored.
    const byJob = closedWeeks(await weekRows(a.ctx.tenantId));
    await adminPool().query(`UPDATE "WeekStatusStats" SET "computedVersion" = 0, "resolved" = 0, "medianResolve" = NULL, "p90Resolve" = NULL WHERE "tenantId" = $1`, [a.ctx.tenantId]);
    for (const platform of [null, "iphone", "mac"]) {
      const query = new URLSearchParams({ from: W42, to: "2026-10-25", ...(platform ? { platform } : {}) });
      await getEscalations(a.ctx, parseMetricsQuery(query));
    }
    expect(closedWeeks(await weekRows(a.ctx.tenantId))).toEqual(byJob);
  });

  it("leaves a week stale when a status change lands in it during or after the refresh", async () => {
    const { ctx, late } = await tenantWithHistory("Week refresh, late change");
    const writer = new pg.Client({ connectionString: adminDatabaseUrl });
    await writer.connect();
    try {
      // A status change in W43, not yet committed when the job computes W43.
      await writer.query("BEGIN");
      await writer.query(
        `INSERT INTO "CaseStatusChange" ("tenantId", "caseId", "changedAt", "fromStatus", "toStatus", "platforms", "caseCreatedAt")
         VALUES ($1, $2, '2026-10-22T00:00:00Z', 'open', 'resolved', '{iphone}', '2026-10-20T00:00:00Z')`,
        [ctx.tenantId, late],
      );
      const run = refreshStaleWeeks();
      await waitForLockWait();
      await writer.query("COMMIT");
      expect(await run).toMatchObject({ ran: true });
    } finally {
      await writer.end();
    }
    const afterRun = await weekRows(ctx.tenantId);
    expect(row(afterRun, "all", W42).computedVersion).toBe(row(afterRun, "all", W42).version);
    expect(row(afterRun, "all", W43).computedVersion).toBeLessThan(row(afterRun, "all", W43).version);
    expect(row(afterRun, "iphone", W43).computedVersion).toBeLessThan(row(afterRun, "iphone", W43).version);

    // The next run counts the change (three resolutions in W43).
    await refreshStaleWeeks();
    expect(row(await weekRows(ctx.tenantId), "all", W43)).toMatchObject({ resolved: 3 });

    // A change that arrives after the refresh makes the week stale again.
    const another = await caseAt(ctx, new Date("2026-10-12T00:00:00Z"));
    await moveStatus(ctx, another, "resolved", new Date("2026-10-13T00:00:00Z"));
    const stale = row(await weekRows(ctx.tenantId), "all", W42);
    expect(stale.computedVersion).toBeLessThan(stale.version);
    await refreshStaleWeeks();
    expect(row(await weekRows(ctx.tenantId), "all", W42)).toMatchObject({ resolved: 2 });
  });

  it("stores a week a reader's range cuts only as the whole week", async () => {
    const { ctx } = await tenantWithHistory("Week refresh, cut week");
    // From Wednesday of W43: the reader counts only the iPhone resolution of 2026-10-21, live.
    const cut = await getEscalations(ctx, parseMetricsQuery(new URLSearchParams({ from: "2026-10-21", to: "2026-11-01" })));
    expect(cut.weeks[0]).toMatchObject({ week: "2026-W43", partial: true, resolved: 1 });
    const afterRead = row(await weekRows(ctx.tenantId), "all", W43);
    expect(afterRead.computedVersion).toBe(0);

    await refreshStaleWeeks();
    expect(row(await weekRows(ctx.tenantId), "all", W43)).toMatchObject({ resolved: 2, computedVersion: afterRead.version });
  });

  it("runs in one instance at a time: while another holds the lock, it does nothing", async () => {
    const { ctx } = await tenantWithHistory("Week refresh, locked");
    const other = new pg.Client({ connectionString: adminDatabaseUrl });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(7305011044)");
      expect(await refreshStaleWeeks()).toEqual({ ran: false });
      expect(closedWeeks(await weekRows(ctx.tenantId)).map((r) => r.computedVersion)).toEqual([0, 0, 0, 0, 0]);
      await other.query("SELECT pg_advisory_unlock(7305011044)");
    } finally {
      await other.end();
    }
    expect(await refreshStaleWeeks()).toMatchObject({ ran: true });
    expect(closedWeeks(await weekRows(ctx.tenantId)).map((r) => r.computedVersion === r.version)).toEqual([true, true, true, true, true]);
  });
});

/** Until the job's guarded UPDATE waits for the uncommitted status change's row lock. */
async function waitForLockWait(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rowCount } = await adminPool().query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE%WeekStatusStats%'`,
    );
    if (rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the refresh never waited for the uncommitted status change");
}
