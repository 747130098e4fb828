import type { Platform } from "@/lib/facts/schema";
import { PLATFORMS } from "@/lib/facts/schema";
import { RULES } from "@/lib/rules/catalog";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { roundRate, toCsv } from "@/lib/metrics/csv";
import type { FixEffectiveness, FixEffectivenessRow } from "@/lib/metrics/metrics-schemas";
import { addDays, dayStart, type MetricsQuery } from "@/lib/metrics/metrics-query";
import { deviceGroupLabel } from "@/lib/facts/os-major";
import { MIN_SAMPLE, wilsonInterval } from "@/lib/util/wilson";

// Fix effectiveness (SPEC §5, §8): per rule, how often a tried step resolved the problem, over a date
// range, for all devices and per platform × OS major. An attempt is a step with outcome resolved,
// no_change or worse, dated by when it was tried. Read from RuleOutcomeCount (maintained by triggers):
// whole months from the monthly rows, the days at either end from the daily rows, so a two-year
// range reads a few dozen buckets per rule instead of every step.

type CountRow = { ruleId: string; platform: string; osMajor: number; resolved: number; noChange: number; worse: number };

export async function getFixEffectiveness(ctx: TenantContext, query: MetricsQuery): Promise<FixEffectiveness> {
  const counts = await withTenant(ctx.tenantId, (tx) => loadCounts(tx, ctx.tenantId, query));
  const byRule = new Map<string, CountRow[]>();
  for (const row of counts) byRule.set(row.ruleId, [...(byRule.get(row.ruleId) ?? []), row]);

  const rows: FixEffectivenessRow[] = [];
  const known = new Set<string>();
  for (const rule of RULES) {
    known.add(rule.id);
    if (query.platform && !rule.platforms.includes(query.platform)) continue;
    const ruleRows = byRule.get(rule.id) ?? [];
    rows.push(...shapeRule(rule.id, rule.title, ruleRows, query.platform, rule.platforms));
  }
  // Steps of a rule the catalog no longer has still count, after the current ones.
  for (const [ruleId, ruleRows] of byRule) {
    if (!known.has(ruleId)) rows.push(...shapeRule(ruleId, ruleId, ruleRows, query.platform, PLATFORMS));
  }
  return { from: query.from, to: query.to, platform: query.platform, minSample: MIN_SAMPLE, rows };
}

function shapeRule(
  ruleId: string,
  title: string,
  counts: CountRow[],
  filter: Platform | null,
  platforms: readonly Platform[],
): FixEffectivenessRow[] {
  const summaryPlatform = filter ?? "all";
  const summary = counts.find((row) => row.platform === summaryPlatform && row.osMajor === -1);
  if (!summary || attemptsOf(summary) === 0) return [];
  const splits = counts
    .filter((row) => row.osMajor >= 0 && (platforms as readonly string[]).includes(row.platform) && attemptsOf(row) > 0)
    .sort((a, b) => platformOrder(a.platform) - platformOrder(b.platform) || osOrder(b.osMajor) - osOrder(a.osMajor));
  return [shapeRow(ruleId, title, summary, null, null), ...splits.map((row) => shapeRow(ruleId, title, row, row.platform as Platform, row.osMajor || null))];
}

function shapeRow(ruleId: string, title: string, row: CountRow, platform: Platform | null, osMajor: number | null): FixEffectivenessRow {
  const attempts = attemptsOf(row);
  const interval = wilsonInterval(row.resolved, attempts);
  return {
    ruleId,
    title,
    platform,
    osMajor,
    attempts,
    resolved: row.resolved,
    noChange: row.noChange,
    worse: row.worse,
    rate: roundRate(interval?.rate),
    rateLow: roundRate(interval?.low),
    rateHigh: roundRate(interval?.high),
    smallSample: attempts < MIN_SAMPLE,
  };
}

const attemptsOf = (row: Pick<CountRow, "resolved" | "noChange" | "worse">) => row.resolved + row.noChange + row.worse;
const platformOrder = (platform: string) => PLATFORMS.indexOf(platform as Platform);
// Newest OS first, "unknown" (0) last.
const osOrder = (osMajor: number) => (osMajor === 0 ? -1 : osMajor);

/** The range as whole months (monthly rows) plus the days before and after them (daily rows). */
export function rangeBuckets(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const end = addDays(to, 1);
  const firstMonth = from.endsWith("-01") ? from : nextMonthStart(from);
  const endMonth = end.endsWith("-01") ? end : `${end.slice(0, 7)}-01`;
  if (firstMonth >= endMonth) return { months: null, days: [[from, end]] };
  const days: [string, string][] = [];
  if (from < firstMonth) days.push([from, firstMonth]);
  if (endMonth < end) days.push([endMonth, end]);
  return { months: [firstMonth, endMonth], days };
}

function nextMonthStart(day: string): string {
  const date = dayStart(`${day.slice(0, 7)}-01`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

async function loadCounts(tx: TenantTx, tenantId: string, query: MetricsQuery): Promise<CountRow[]> {
  const { months, days } = rangeBuckets(query.from, query.to);
  const periods = [
    ...(months ? [{ period: "month", bucket: { gte: dayStart(months[0]), lt: dayStart(months[1]) } }] : []),
    ...days.map(([start, end]) => ({ period: "day", bucket: { gte: dayStart(start), lt: dayStart(end) } })),
  ];
  const scope = query.platform
    ? [{ platform: query.platform }]
    : [{ platform: "all", osMajor: -1 }, { platform: { not: "all" }, osMajor: { gte: 0 } }];
  const groups = await tx.ruleOutcomeCount.groupBy({
    by: ["ruleId", "platform", "osMajor"],
    where: { tenantId, AND: [{ OR: periods }, { OR: scope }] },
    _sum: { resolved: true, noChange: true, worse: true },
  });
  return groups.map((group) => ({
    ruleId: group.ruleId,
    platform: group.platform,
    osMajor: group.osMajor,
    resolved: group._sum.resolved ?? 0,
    noChange: group._sum.noChange ?? 0,
    worse: group._sum.worse ?? 0,
  }));
}

export function fixEffectivenessCsv(result: FixEffectiveness): string {
  return toCsv(
    ["ruleId", "title", "devices", "platform", "osMajor", "attempts", "resolved", "noChange", "worse", "rate", "rateLow", "rateHigh", "smallSample"],
    result.rows.map((row) => [
      row.ruleId,
      row.title,
      deviceGroupLabel(row.platform, row.platform ? (row.osMajor ?? 0) : null),
      row.platform,
      row.osMajor,
      row.attempts,
      row.resolved,
      row.noChange,
      row.worse,
      row.rate,
      row.rateLow,
      row.rateHigh,
      row.smallSample,
    ]),
  );
}
