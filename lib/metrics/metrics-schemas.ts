import { z } from "zod";
import { PLATFORMS } from "@/lib/facts/schema";

// What the metrics answer (SPEC §5, §8) as JSON. The services' result types and the OpenAPI
// document both come from these schemas. Dates are UTC days (YYYY-MM-DD) or instants (ISO).

const day = z.string().meta({ description: "A UTC calendar day", example: "2026-11-21" });
const instant = z.iso.datetime({ offset: true });
const count = z.int().min(0);
const rate = z.number().min(0).max(1);
const platform = z.enum(PLATFORMS).nullable().meta({ description: "The platform filtered on; null for all" });

export const UNRESOLVED_STATUSES = ["open", "waiting_on_customer", "escalation_review", "escalated"] as const;
const AGE_BUCKET_IDS = ["under_1d", "1d_3d", "3d_7d", "over_7d"] as const;

const statusCountsSchema = z.object(Object.fromEntries(UNRESOLVED_STATUSES.map((status) => [status, count])) as Record<(typeof UNRESOLVED_STATUSES)[number], typeof count>);

const ageingBucketSchema = z.object({ bucket: z.enum(AGE_BUCKET_IDS), label: z.string(), total: count, byStatus: statusCountsSchema });

export const ageingSchema = z
  .object({
    asOf: instant,
    platform,
    total: count,
    byStatus: statusCountsSchema,
    problemAge: z.array(ageingBucketSchema).meta({ description: "By time since the problem began (`problemSince`)" }),
    sinceLastActivity: z.array(ageingBucketSchema).meta({ description: "By time since the case was last written (any edit, step, status change)" }),
    idle: z.object({ hours: count, cases: count }).meta({ description: "Unresolved cases with no activity for over `hours` hours" }),
  })
  .meta({ id: "Ageing", description: "The unresolved cases now (a snapshot: the date range does not narrow it)" });

const escalationWeekSchema = z.object({
  week: z.string().meta({ description: "ISO week", example: "2026-W47" }),
  start: day.meta({ description: "First day counted (clipped to the range)" }),
  end: day.meta({ description: "Last day counted (clipped to the range)" }),
  partial: z.boolean().meta({ description: "The range cuts this week" }),
  resolved: count,
  escalated: count,
  returned: count,
  escalationRate: rate.nullable().meta({ description: "escalated ÷ (escalated + resolved by the desk); null without either" }),
  medianHoursToEscalate: z.number().min(0).nullable(),
  medianHoursToResolve: z.number().min(0).nullable(),
  p90HoursToResolve: z.number().min(0).nullable(),
});

export const escalationsSchema = z
  .object({
    from: day,
    to: day,
    platform,
    weeks: z.array(escalationWeekSchema),
    blockers: z.object({
      asOf: instant,
      notReady: count.meta({ description: "Open or waiting cases that are not ready to escalate" }),
      waitingForWindow: count.meta({ description: "…of which only the persistence window stands in the way" }),
      items: z.array(z.object({ code: z.string(), label: z.string(), cases: count })).meta({ description: "Most common first; a case counts once per blocker it has" }),
    }),
  })
  .meta({ id: "Escalations", description: "Per ISO week: resolved, escalated, returned, escalation rate, hours to escalate and resolve; readiness blockers now" });

const fixEffectivenessRowSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  platform: z.enum(PLATFORMS).nullable().meta({ description: "null on a rule's first row: all devices" }),
  osMajor: z.int().min(0).nullable().meta({ description: "null on the first row, and where the OS version was not known" }),
  attempts: count,
  resolved: count,
  noChange: count,
  worse: count,
  rate: rate.nullable(),
  rateLow: rate.nullable().meta({ description: "95% Wilson interval, lower end" }),
  rateHigh: rate.nullable().meta({ description: "95% Wilson interval, upper end" }),
  smallSample: z.boolean().meta({ description: "Fewer than `minSample` attempts: too few to judge" }),
});

export const fixEffectivenessSchema = z
  .object({ from: day, to: day, platform, minSample: count, rows: z.array(fixEffectivenessRowSchema) })
  .meta({ id: "FixEffectiveness", description: "Per rule, then per platform × OS major: attempts, outcomes, resolve rate" });

export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type AgeingBucket = z.infer<typeof ageingBucketSchema>;
export type Ageing = z.infer<typeof ageingSchema>;
export type Escalations = z.infer<typeof escalationsSchema>;
export type FixEffectivenessRow = z.infer<typeof fixEffectivenessRowSchema>;
export type FixEffectiveness = z.infer<typeof fixEffectivenessSchema>;
