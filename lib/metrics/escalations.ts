import type { Platform } from "@/lib/facts/schema";
import { blockerLabel } from "@/lib/triage/blockers";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { loadWeekFigures, type WeekSpan } from "@/lib/metrics/week-stats";
import { roundRate, toCsv } from "@/lib/metrics/csv";
import type { Escalations } from "@/lib/metrics/metrics-schemas";
import { addDays, DAY_MS, type MetricsQuery } from "@/lib/metrics/metrics-query";

// Escalations and time to resolve (SPEC §5, §8), per ISO week (Monday 00:00 UTC to the next Monday),
// read from the status history (CaseStatusChange, written by a trigger on every status change; closed
// weeks cached in WeekStatusStats, see week-stats.ts):
// - resolved: moves to resolved; escalated: moves to escalated (Apple's case number recorded);
//   returned: escalation review sent back to open.
// - escalation rate: escalated ÷ (escalated + resolved by the desk), where a case resolved after it
//   was escalated counts only as escalated: of the cases the desk finished, the share sent to Apple.
// - time to escalate / resolve: from the case's creation to that move (each move counts, so a case
//   reopened and resolved again counts twice); median and p90 interpolated (percentile_cont).
// Weeks cut by the range are reported as partial, with their first and last day inside the range.
// Readiness blockers are a snapshot of now, from CaseStateCount.

export async function getEscalations(ctx: TenantContext, query: MetricsQuery, now = new Date()): Promise<Escalations> {
  const { tenantId } = ctx;
  const spans = weeksOf(query);
  const { figures, blockerRows, waitingForWindow } = await withTenant(tenantId, async (tx) => ({
    figures: await loadWeekFigures(tx, tenantId, query.platform, spans, now),
    blockerRows: await tx.caseStateCount.findMany({
      where: { tenantId, kind: "blocker", platform: query.platform ?? "all", cases: { gt: 0 } },
      select: { key: true, cases: true },
    }),
    waitingForWindow: await countWaitingForWindow(tx, tenantId, query.platform, now),
  }));
  const weeks = spans.map(({ monday, start, end, partial }) => {
    const row = figures.get(monday)!;
    const desk = row.escalated + row.resolvedByDesk;
    return {
      week: isoWeekName(monday),
      start,
      end,
      partial,
      resolved: row.resolved,
      escalated: row.escalated,
      returned: row.returned,
      escalationRate: desk > 0 ? roundRate(row.escalated / desk) : null,
      medianHoursToEscalate: hours(row.medianEscalate),
      medianHoursToResolve: hours(row.medianResolve),
      p90HoursToResolve: hours(row.p90Resolve),
    };
  });
  const needingAction = blockerRows.find((row) => row.key === "*")?.cases ?? 0;
  const items = blockerRows
    .filter((row) => row.key !== "*")
    .map((row) => ({ code: row.key, label: blockerLabel(row.key), cases: row.cases }))
    .sort((a, b) => b.cases - a.cases || a.code.localeCompare(b.code));
  return {
    from: query.from,
    to: query.to,
    platform: query.platform,
    weeks,
    blockers: { asOf: now.toISOString(), notReady: needingAction + waitingForWindow, waitingForWindow, items },
  };
}

/** Open or waiting cases that only the persistence window keeps from being ready (escalationReadyAt ahead). */
async function countWaitingForWindow(tx: TenantTx, tenantId: string, platform: Platform | null, now: Date): Promise<number> {
  return tx.case.count({
    where: {
      tenantId,
      escalationReadyAt: { gt: now },
      status: { in: ["open", "waiting_on_customer"] },
      ...(platform ? { platforms: { has: platform } } : {}),
    },
  });
}

/** The ISO weeks the range touches, each clipped to the range. */
export function weeksOf(query: Pick<MetricsQuery, "from" | "to">): WeekSpan[] {
  const weeks: WeekSpan[] = [];
  const firstWeekday = (new Date(`${query.from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  for (let monday = addDays(query.from, -firstWeekday); monday <= query.to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const start = monday < query.from ? query.from : monday;
    const end = sunday > query.to ? query.to : sunday;
    weeks.push({ monday, start, end, partial: start !== monday || end !== sunday });
  }
  return weeks;
}

/** ISO 8601 week name of a Monday: the week belongs to the year of its Thursday. */
export function isoWeekName(monday: string): string {
  const thursday = new Date(new Date(`${monday}T00:00:00Z`).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const hours = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? null : Math.round((seconds / 3600) * 100) / 100);

export const ESCALATION_TABLES = ["weeks", "blockers"] as const;

export function escalationsCsv(result: Escalations, table: string | null): string {
  if (table === "blockers") {
    return toCsv(["code", "label", "cases"], result.blockers.items.map((item) => [item.code, item.label, item.cases]));
  }
  return toCsv(
    ["week", "start", "end", "partial", "resolved", "escalated", "returned", "escalationRate", "medianHoursToEscalate", "medianHoursToResolve", "p90HoursToResolve"],
    result.weeks.map((w) => [w.week, w.start, w.end, w.partial, w.resolved, w.escalated, w.returned, w.escalationRate, w.medianHoursToEscalate, w.medianHoursToResolve, w.p90HoursToResolve]),
  );
}
