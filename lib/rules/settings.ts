import { z } from "zod";
import { RULE_IDS } from "@/lib/rules/rule-ids";

// A tenant's rulebook settings: rules it switched off and the thresholds the conditions use.

const minVersion = (label: string, fallback: string) =>
  z
    .string({ error: `${label} must be a version such as ${fallback}` })
    .trim()
    .regex(/^\d{1,6}(\.\d{1,6}){0,5}$/, `${label} must look like ${fallback} (numbers separated by dots)`)
    .default(fallback);

const positive = (label: string, fallback: number) =>
  z.number({ error: `${label} must be a number` }).finite().positive(`${label} must be above zero`).default(fallback);

const count = (label: string, fallback: number) =>
  z.number({ error: `${label} must be a whole number` }).int(`${label} must be a whole number`).min(1, `${label} must be at least 1`).default(fallback);

export const ruleThresholdsSchema = z.object({
  /** Free device storage (GB) below which the device counts as low on space. */
  lowDeviceStorageGb: positive("Low device storage threshold", 5),
  /** Free iCloud storage (GB) below which iCloud counts as nearly full. */
  lowIcloudFreeGb: positive("Low iCloud storage threshold", 1),
  /** A library with at least this many items counts as large. */
  largeLibraryItems: count("Large library item count", 20_000),
  /** A library of at least this size (GB) counts as large. */
  largeLibrarySizeGb: positive("Large library size", 100),
  /** Hours the problem must persist (with a device on Wi-Fi) before escalating. */
  escalationHours: positive("Escalation hours", 24),
  /** Observations of a failing status that also justify escalating. */
  repeatedFailures: count("Repeated failures", 3),
  /** Days a customer's link works after it is created (it also ends 14 days after the case is resolved). */
  customerLinkDays: z
    .number({ error: "Customer link lifetime must be a number of days" })
    .int("Customer link lifetime must be a whole number of days")
    .min(1, "Customer link lifetime must be at least 1 day")
    .max(365, "Customer link lifetime can be 365 days at most")
    .default(30),
  /** Oldest versions considered current; older (or unknown) versions suggest an update. */
  minOsVersion: z
    .object({
      ios: minVersion("Minimum iOS version", "17.0"),
      ipados: minVersion("Minimum iPadOS version", "17.0"),
      macos: minVersion("Minimum macOS version", "14.0"),
      icloudForWindows: minVersion("Minimum iCloud for Windows version", "15.0"),
    })
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
export type RuleThresholds = RuleSettings["thresholds"];

export const DEFAULT_RULE_SETTINGS: RuleSettings = ruleSettingsSchema.parse({});

/**
 * Fills every setting a tenant left out with the default. Throws a ZodError on invalid values,
 * so callers holding untrusted input should `ruleSettingsSchema.safeParse` first.
 */
export function resolveSettings(partial: RuleSettingsInput | null | undefined = {}): RuleSettings {
  return ruleSettingsSchema.parse(partial ?? {});
}
