import { z } from "zod";
import { PLATFORMS, type Platform } from "@/lib/facts/schema";
import type { FieldIssue } from "@/lib/errors/app-error";
import { fieldIssuesFromZod, validationError } from "@/lib/errors/validation";

// The query every metric takes (SPEC §5): a date range, a platform, and the answer's format.
// Dates are UTC calendar days and both ends are inclusive: from=2026-10-01&to=2026-10-31 is October,
// i.e. every moment t with from 00:00Z <= t < (to + 1 day) 00:00Z. Without them: the last 90 days
// up to today (UTC); `from` alone runs to today, `to` alone covers the 90 days up to it. A range spans at most 731 days (two years).

export const DAY_MS = 86_400_000;
const DEFAULT_RANGE_DAYS = 90;
const MAX_RANGE_DAYS = 731;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const day = (name: string) =>
  z
    .string()
    .refine((value) => DATE_PATTERN.test(value) && isCalendarDate(value), `${name} must be a calendar date like 2026-11-21`)
    .meta({ format: "date", description: `A UTC calendar day (YYYY-MM-DD), included in the range` });

/** The query parameters as sent (the OpenAPI document describes these); parseMetricsQuery adds the rules across them. */
export const metricsQuerySchema = z
  .object({
    from: day("from").optional(),
    to: day("to").optional(),
    platform: z.enum(PLATFORMS, { error: `platform must be one of ${PLATFORMS.join(", ")}` }).optional(),
    format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
    table: z.string().max(40).optional(),
  });

type MetricsFormat = "json" | "csv";

export interface MetricsQuery {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
  platform: Platform | null;
  format: MetricsFormat;
  table: string | null;
  /** from 00:00Z … the day after `to` 00:00Z (exclusive): the instants the range covers. */
  start: Date;
  end: Date;
}

const PARAMETERS = new Set(["from", "to", "platform", "format", "table"]);

/**
 * Parses a metric's query string. Unknown parameters, malformed dates, `from` after `to`, a range over
 * two years and an unknown platform are a 400 naming the parameter. `tables` lists the CSV tables the
 * metric offers (the first is the default).
 */
export function parseMetricsQuery(params: URLSearchParams, options: { now?: Date; tables?: readonly string[] } = {}): MetricsQuery {
  const issues: FieldIssue[] = [];
  const raw: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!PARAMETERS.has(name)) issues.push({ path: name, message: `Unknown parameter: ${name}` });
    else if (name in raw) issues.push({ path: name, message: `${name} is given more than once` });
    else if (value !== "") raw[name] = value;
  }
  const parsed = metricsQuerySchema.safeParse(raw);
  if (!parsed.success) issues.push(...fieldIssuesFromZod(parsed.error));
  if (issues.length > 0 || !parsed.success) throw validationError(issues);

  const input = parsed.data;
  const today = isoDay(options.now ?? new Date());
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw validationError([{ path: "from", message: `from (${from}) is after to (${to})` }]);
  const days = daysBetween(from, to) + 1;
  if (days > MAX_RANGE_DAYS) {
    const path = input.to === undefined ? "from" : "to";
    throw validationError([{ path, message: `The range spans ${days} days; at most ${MAX_RANGE_DAYS} (two years)` }]);
  }
  const tables = options.tables ?? [];
  if (input.table !== undefined && !tables.includes(input.table)) {
    const offered = tables.length > 0 ? `one of ${tables.join(", ")}` : "not a parameter of this metric";
    throw validationError([{ path: "table", message: `table must be ${offered}` }]);
  }
  return {
    from,
    to,
    platform: input.platform ?? null,
    format: input.format,
    table: input.table ?? tables[0] ?? null,
    start: dayStart(from),
    end: new Date(dayStart(to).getTime() + DAY_MS),
  };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(dayStart(day).getTime() + days * DAY_MS));
}

function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value;
}
