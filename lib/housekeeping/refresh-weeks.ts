import type { Platform } from "@/lib/facts/schema";
import { refreshClosedWeeks, type StaleWeek } from "@/lib/metrics/week-stats";
import { withLookup, withTenant } from "@/lib/tenancy/with-tenant";

// Refreshes the cached weekly escalation figures of closed weeks that status changes made stale
// (a week that just closed, a late change, an import), across tenants, so that no supervisor's first
// read of a long range pays for them (decision 0044). Row-level security lets the 'housekeeping' =
// 'refresh_weeks' lookup see only stale rows of closed weeks; each tenant's weeks are then recomputed
// and stored in that tenant's own unit of work by the read path's own refreshClosedWeeks.
//
// Work comes in batches: each batch is one short lookup transaction holding the advisory lock (so
// one instance at a time refreshes) while it finds the next few dozen stale weeks and refreshes them
// per tenant. A run goes on until no stale week is left or its batch budget is spent; no transaction
// lasts longer than one batch.

// Any fixed number unique to this job (the purge uses its own); released at each batch's commit.
const REFRESH_WEEKS_LOCK = 7_305_011_044;
/** ~50 ms a week for a tenant's busiest key at a million cases: a batch stays well under a second or two. */
const WEEKS_PER_BATCH = 24;
const BATCHES_PER_RUN = 100;

type RefreshWeeksResult = { ran: false } | { ran: true; weeks: number; batches: number; moreLeft: boolean };

type StaleRow = { tenantId: string; platform: string; week: Date; version: number };

export async function refreshStaleWeeks(options: { weeksPerBatch?: number; maxBatches?: number } = {}): Promise<RefreshWeeksResult> {
  const { weeksPerBatch = WEEKS_PER_BATCH, maxBatches = BATCHES_PER_RUN } = options;
  let weeks = 0;
  for (let batches = 0; batches < maxBatches; batches++) {
    const batch = await refreshBatch(weeksPerBatch);
    if (batch === null) return batches === 0 ? { ran: false } : { ran: true, weeks, batches, moreLeft: true };
    weeks += batch;
    if (batch < weeksPerBatch) return { ran: true, weeks, batches: batches + 1, moreLeft: false };
  }
  return { ran: true, weeks, batches: maxBatches, moreLeft: true };
}

/** Refreshes up to `limit` stale weeks; null when another instance holds the lock. */
async function refreshBatch(limit: number): Promise<number | null> {
  return withLookup(
    "housekeeping",
    "refresh_weeks",
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REFRESH_WEEKS_LOCK}::bigint) AS locked`;
      if (!lock?.locked) return null;
      // The policy shows only stale rows of closed weeks; key order keeps a run's progress steady.
      const rows = await tx.$queryRaw<StaleRow[]>`
        SELECT "tenantId"::text AS "tenantId", "platform", "week", "version" FROM "WeekStatusStats"
        ORDER BY "tenantId", "platform", "week" LIMIT ${limit}`;
      for (const [tenantId, byPlatform] of groupByTenantAndPlatform(rows)) {
        await withTenant(
          tenantId,
          async (tenantTx) => {
            for (const [platform, stale] of byPlatform) await refreshClosedWeeks(tenantTx, tenantId, platform, stale);
          },
          { timeoutMs: 60_000 },
        );
      }
      return rows.length;
    },
    { timeoutMs: 60_000 },
  );
}

function groupByTenantAndPlatform(rows: readonly StaleRow[]): Map<string, Map<Platform | null, StaleWeek[]>> {
  const tenants = new Map<string, Map<Platform | null, StaleWeek[]>>();
  for (const row of rows) {
    // 'all' is the row for every device; any other key is a platform the trigger took from a case.
    const platform = row.platform === "all" ? null : (row.platform as Platform);
    const byPlatform = tenants.get(row.tenantId) ?? new Map<Platform | null, StaleWeek[]>();
    const stale = byPlatform.get(platform) ?? [];
    stale.push({ monday: row.week.toISOString().slice(0, 10), version: row.version });
    byPlatform.set(platform, stale);
    tenants.set(row.tenantId, byPlatform);
  }
  return tenants;
}
