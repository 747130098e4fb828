import { z } from "zod";
import { MAX_INT_COLUMN } from "@/lib/facts/schema";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { ruleThresholdsSchema, type RuleSettings } from "@/lib/rules/settings";
import { unknownThresholdPaths } from "@/lib/rules/threshold-fields";
import { fieldIssuesFromZod, validationError } from "@/lib/errors/validation";
import type { FieldIssue } from "@/lib/errors/app-error";

// PUT /api/v1/rule-settings and the /admin/rules form: the whole settings, replacing the previous
// ones (a threshold left out goes back to its default), with the version they were based on.

export const ruleSettingsUpdateSchema = z.strictObject({
  version: z.number({ error: "version must be the version you read (a whole number)" }).int("version must be a whole number").min(1, "version must be at least 1").max(MAX_INT_COLUMN, "version is too large"),
  disabledRules: z.array(z.enum(RULE_IDS, { error: (issue) => `Unknown rule id ${JSON.stringify(issue.input)}` }), {
    error: "disabledRules must be a list of rule ids",
  }).max(RULE_IDS.length * 2, "disabledRules lists more rules than exist"),
  thresholds: ruleThresholdsSchema,
});

export type RuleSettingsUpdate = { version: number; settings: RuleSettings };

/** Validates an update, naming every bad field, unknown rule ids and unknown thresholds included. */
export function parseRuleSettingsUpdate(raw: unknown): RuleSettingsUpdate {
  const parsed = ruleSettingsUpdateSchema.safeParse(raw);
  const issues: FieldIssue[] = parsed.success ? [] : fieldIssuesFromZod(parsed.error);
  const thresholds = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).thresholds : undefined;
  for (const path of unknownThresholdPaths(thresholds)) issues.push({ path: `thresholds.${path}`, message: "Unknown threshold" });
  if (issues.length > 0 || !parsed.success) throw validationError(issues);
  const { version, disabledRules, thresholds: values } = parsed.data;
  return { version, settings: { disabledRules: [...new Set(disabledRules)].sort(), thresholds: values } };
}
