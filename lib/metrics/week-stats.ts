import { Prisma } from "@/lib/db/generated/client";
import type { Platform } from "@/lib/facts/schema";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import { addDays, DAY_MS, dayStart } from "@/lib/metrics/metrics-query";

// The weekly escalation figures (see escalations.ts for what they mean), computed exactly from the
// status history. A closed week (ended before now, not cut by the range) is read from WeekStatusStats
// when its cached figures are current; otherwise it is computed from CaseStatusChange and stored with
// the version read beforehand — only if no status change arrived since (the trigger bumps `version`
// in the writer's transaction, and the guarded UPDATE waits for it), so a cache never holds a stale
// answer. A week with no row had no counted status change: all zero. Housekeeping refreshes stale
// closed weeks ahead of readers (lib/housekeeping/refresh-weeks.ts) through refreshClosedWeeks too.

export type WeekFigures = {
  resolved: number;
  resolvedByDesk: number;
  escalated: number;
  returned: number;
  /** Seconds. */
  medianEscalate: number | null;
  medianResolve: number | null;
  p90Resolve: number | null;
};

export type WeekSpan = { monday: string; start: string; end: string; partial: boolean };

const EMPTY: WeekFigures = { resolved: 0, resolvedByDesk: 0, escalated: 0, returned: 0, medianEscalate: null, medianResolve: null, p90Resolve: null };

export async function loadWeekFigures(
  tx: TenantTx,
  tenantId: string,
  platform: Platform | null,
  weeks: readonly WeekSpan[],
  now: Date,
): Promise<Map<string, WeekFigures>> {
  const key = platform ?? "all";
  const closed = weeks.filter((week) => !week.partial && dayStart(addDays(week.monday, 7)) <= now).map((week) => week.monday);
  const cached = closed.length === 0 ? [] : await tx.weekStatusStats.findMany({
    where: { tenantId, platform: key, week: { in: closed.map((monday) => dayStart(monday)) } },
  });
  const rows = new Map(cached.map((row) => [row.week.toISOString().slice(0, 10), row]));
  const result = new Map<string, WeekFigures>();
  const stale: { monday: string; version: number }[] = [];
  for (const monday of closed) {
    const row = rows.get(monday);
    if (!row) result.set(monday, EMPTY);
    else if (row.computedVersion === row.version) result.set(monday, row);
    else stale.push({ monday, version: row.version });
  }
  const staleMondays = new Set(stale.map((entry) => entry.monday));
  const live = weeks.filter((week) => !staleMondays.has(week.monday) && !closed.includes(week.monday));
  const computed = await computeWeeks(tx, tenantId, platform, live);
  for (const week of live) result.set(week.monday, computed.get(week.monday) ?? EMPTY);
  const refreshed = await refreshClosedWeeks(tx, tenantId, platform, stale);
  for (const [monday, figures] of refreshed) result.set(monday, figures);
  return result;
}

export type StaleWeek = { monday: string; version: number };

/**
 * Computes closed weeks from the status history and stores each with the version read before it —
 * the one way cached figures are written, by the read path and by housekeeping alike. The UPDATE is
 * guarded by that version: a status change that landed since (or is still uncommitted: the UPDATE
 * waits for it) leaves the week stale for the next reader or run.
 */
export async function refreshClosedWeeks(tx: TenantTx, tenantId: string, platform: Platform | null, stale: readonly StaleWeek[]): Promise<Map<string, WeekFigures>> {
  const spans = stale.map(({ monday }) => ({ monday, start: monday, end: addDays(monday, 6), partial: false }));
  const computed = await computeWeeks(tx, tenantId, platform, spans);
  const result = new Map<string, WeekFigures>();
  for (const { monday, version } of stale) {
    const figures = computed.get(monday) ?? EMPTY;
    result.set(monday, figures);
    await tx.weekStatusStats.updateMany({
      where: { tenantId, platform: platform ?? "all", week: dayStart(monday), version },
      data: { ...figures, computedVersion: version },
    });
  }
  return result;
}

// A cold cache (a first look at two years, or after an import) computes every week at once; in
// groups of this many weeks no single statement runs into the statement timeout at a million cases.
const WEEKS_PER_STATEMENT = 8;

/** The figures of each span ([start, end] days inclusive) straight from the status history. */
async function computeWeeks(tx: TenantTx, tenantId: string, platform: Platform | null, spans: readonly WeekSpan[]): Promise<Map<string, WeekFigures>> {
  const figures = new Map<string, WeekFigures>();
  for (let first = 0; first < spans.length; first += WEEKS_PER_STATEMENT) {
    const group = await computeWeekGroup(tx, tenantId, platform, spans.slice(first, first + WEEKS_PER_STATEMENT));
    for (const [week, value] of group) figures.set(week, value);
  }
  return figures;
}

async function computeWeekGroup(tx: TenantTx, tenantId: string, platform: Platform | null, spans: readonly WeekSpan[]): Promise<Map<string, WeekFigures>> {
  // Each span is its own range condition with its own values, not a join with an array of spans: the
  // planner then estimates each range from the statistics and reads the (tenantId, changedAt) index
  // once per span. Joined with unnest(), the ranges were unknown at planning, and with the platform's
  // filter on top the planner scanned the tenant's whole history instead (decision 0043).
  const inSpans = Prisma.join(spans.map((span) => Prisma.sql`(c."changedAt" >= ${dayStart(span.start)} AND c."changedAt" < ${new Date(dayStart(span.end).getTime() + DAY_MS)})`), " OR ");
  const platformFilter = platform ? Prisma.sql`AND c."platforms" @> ARRAY[${platform}]::"Platform"[]` : Prisma.empty;
  const seconds = Prisma.sql`extract(epoch FROM c."changedAt" - c."caseCreatedAt")`;
  const rows = await tx.$queryRaw<(Omit<WeekFigures, "medianResolve" | "p90Resolve"> & { week: string; resolvePercentiles: [number, number] | null })[]>`
    SELECT to_char(date_trunc('week', c."changedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
           count(*) FILTER (WHERE c."toStatus" = 'resolved')::int AS "resolved",
           count(*) FILTER (WHERE c."toStatus" = 'resolved' AND c."fromStatus" IS DISTINCT FROM 'escalated')::int AS "resolvedByDesk",
           count(*) FILTER (WHERE c."toStatus" = 'escalated')::int AS "escalated",
           count(*) FILTER (WHERE c."fromStatus" = 'escalation_review' AND c."toStatus" = 'open')::int AS "returned",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE c."toStatus" = 'escalated'))::float8 AS "medianEscalate",
           -- Both resolve percentiles from one sort.
           (percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE c."toStatus" = 'resolved'))::float8[] AS "resolvePercentiles"
    FROM "CaseStatusChange" c
    WHERE c."tenantId" = ${tenantId}::uuid AND (${inSpans})
      AND (c."toStatus" IN ('resolved', 'escalated') OR c."fromStatus" = 'escalation_review') ${platformFilter}
    GROUP BY 1`;
  return new Map(rows.map(({ week, resolvePercentiles, ...figures }) => [
    week,
    { ...figures, medianResolve: resolvePercentiles?.[0] ?? null, p90Resolve: resolvePercentiles?.[1] ?? null },
  ]));
}
