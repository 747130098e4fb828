import { z } from "zod";
import { RULE_IDS } from "@/lib/rules/rule-ids";

// A tenant's rulebook settings: rules it switched off and the thresholds the conditions use.
// Each threshold carries its label, unit, hint, default and bounds in the schema itself (zod
// metadata), so the admin form and the API describe every threshold from this one place
// (lib/rules/threshold-fields.ts): a threshold added here appears on /admin/rules by itself.

interface ThresholdInfo {
  /** Unit shown next to the input and in error messages ("GB", "hours"); none for plain counts. */
  unit?: string;
  /** One sentence for the admin: what the threshold changes. */
  description?: string;
  /** Largest accepted value (a guard against typos such as 2400 hours). */
  max?: number;
}

const DEFAULT_MAX = 1_000_000;
const inUnit = (label: string, unit?: string) => (unit ? `${label} must be a number of ${unit}` : `${label} must be a number`);

const minVersion = (label: string, fallback: string, info: ThresholdInfo = {}) =>
  z
    .string({ error: `${label} must be a version such as ${fallback}` })
    .trim()
    .regex(/^\d{1,6}(\.\d{1,6}){0,5}$/, `${label} must look like ${fallback} (numbers separated by dots)`)
    .meta({ title: label, ...info })
    .default(fallback);

const positive = (label: string, fallback: number, info: ThresholdInfo = {}) =>
  z
    .number({ error: inUnit(label, info.unit) })
    .finite(inUnit(label, info.unit))
    .positive(`${label} must be above zero`)
    .max(info.max ?? DEFAULT_MAX, `${label} can be at most ${(info.max ?? DEFAULT_MAX).toLocaleString("en")}${info.unit ? ` ${info.unit}` : ""}`)
    .meta({ title: label, ...info })
    .default(fallback);

const count = (label: string, fallback: number, info: ThresholdInfo = {}) =>
  z
    .number({ error: inUnit(label, info.unit) })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(info.max ?? DEFAULT_MAX, `${label} can be at most ${(info.max ?? DEFAULT_MAX).toLocaleString("en")}${info.unit ? ` ${info.unit}` : ""}`)
    .meta({ title: label, ...info })
    .default(fallback);

export const ruleThresholdsSchema = z.object({
  lowDeviceStorageGb: positive("Low device storage threshold", 5, {
    unit: "GB",
    max: 1_024,
    description: "A device with less free space than this counts as low on storage (downloads pause).",
  }),
  lowIcloudFreeGb: positive("Low iCloud storage threshold", 1, {
    unit: "GB",
    max: 12_288,
    description: "iCloud with less free space than this counts as nearly full (uploads stop).",
  }),
  largeLibraryItems: count("Large library item count", 20_000, {
    unit: "items",
    max: 10_000_000,
    description: "A library with at least this many photos and videos counts as large.",
  }),
  largeLibrarySizeGb: positive("Large library size", 100, {
    unit: "GB",
    max: 100_000,
    description: "A library of at least this size counts as large.",
  }),
  escalationHours: positive("Escalation hours", 24, {
    unit: "hours",
    max: 720,
    description: "How long the problem must persist, with a device on Wi-Fi, before a case may go to Apple.",
  }),
  repeatedFailures: count("Repeated failures", 3, {
    unit: "observations",
    max: 100,
    description: "Failing status observations (Paused, Waiting to Upload, other errors) that also justify escalating.",
  }),
  /** Days a customer's link works after it is created (it also ends 14 days after the case is resolved). */
  customerLinkDays: z
    .number({ error: "Customer link lifetime must be a number of days" })
    .int("Customer link lifetime must be a whole number of days")
    .min(1, "Customer link lifetime must be at least 1 day")
    .max(365, "Customer link lifetime can be 365 days at most")
    .meta({
      title: "Customer link lifetime",
      unit: "days",
      description: "How long a customer's secret link works after it is created; it also ends 14 days after the case is resolved.",
    })
    .default(30),
  /** Oldest versions considered current; older (or unknown) versions suggest an update. */
  minOsVersion: z
    .object({
      ios: minVersion("Minimum iOS version", "17.0"),
      ipados: minVersion("Minimum iPadOS version", "17.0"),
      macos: minVersion("Minimum macOS version", "14.0"),
      icloudForWindows: minVersion("Minimum iCloud for Windows version", "15.0"),
    })
    .meta({ title: "Minimum OS versions", description: "Devices on older (or unknown) versions are told to update first." })
    .prefault({}),
});

export const ruleSettingsSchema = z.object({
  disabledRules: z
    .array(z.enum(RULE_IDS, { error: "Unknown rule id" }))
    .default([])
    .transform((ids) => [...new Set(ids)]),
  thresholds: ruleThresholdsSchema.prefault({}),
});

export type RuleSettings = z.infer<typeof ruleSettingsSchema>;
export type RuleSettingsInput = z.input<typeof ruleSettingsSchema>;

export const DEFAULT_RULE_SETTINGS: RuleSettings = ruleSettingsSchema.parse({});

/**
 * Fills every setting a tenant left out with the default. Throws a ZodError on invalid values,
 * so callers holding untrusted input should `ruleSettingsSchema.safeParse` first.
 */
export function resolveSettings(partial: RuleSettingsInput | null | undefined = {}): RuleSettings {
  return ruleSettingsSchema.parse(partial ?? {});
}
export type RuleThresholds = RuleSettings["thresholds"];
