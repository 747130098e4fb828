import type { MetricsQuery } from "@/lib/metrics/metrics-query";
import { addDays } from "@/lib/metrics/metrics-query";
import { UNRESOLVED_STATUSES } from "@/lib/metrics/ageing";

// The metrics page keeps its whole state in the URL: the API's own from / to / platform, plus the
// page's sort of the fix table. CSV buttons link to the API with the same query.

export type PageState = Pick<MetricsQuery, "from" | "to" | "platform"> & { sort: FixSort; dir: "asc" | "desc" };

export const FIX_SORTS = ["guide", "attempts", "rate"] as const;
export type FixSort = (typeof FIX_SORTS)[number];

export function pageHref(state: PageState, change: Partial<PageState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams({ from: next.from, to: next.to });
  if (next.platform) params.set("platform", next.platform);
  if (next.sort !== "guide") params.set("sort", next.sort);
  if (next.sort !== "guide" && next.dir !== "desc") params.set("dir", next.dir);
  return `/metrics?${params}`;
}

export function csvHref(metric: "fix-effectiveness" | "ageing" | "escalations", state: PageState, table?: string): string {
  const params = new URLSearchParams({ from: state.from, to: state.to, format: "csv" });
  if (state.platform) params.set("platform", state.platform);
  if (table) params.set("table", table);
  return `/api/v1/metrics/${metric}?${params}`;
}

/** The case list showing the unresolved cases nobody touched for `hours`. */
export function idleCasesHref(hours: number, platform: string | null): string {
  const params = new URLSearchParams({ status: UNRESOLVED_STATUSES.join(","), inactiveMinHours: String(hours) });
  if (platform) params.set("platform", platform);
  return `/cases?${params}`;
}

export const RANGE_PRESETS = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
  { days: 365, label: "Last 12 months" },
] as const;

/** The range of a preset ending today (UTC), both days included. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

export const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
export const hoursText = (value: number | null) => (value === null ? "—" : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} d`);
