import { z } from "zod";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { DEFAULT_RULE_SETTINGS, ruleThresholdsSchema, type RuleThresholds } from "@/lib/rules/settings";
import { storedSettings } from "@/lib/rules/tenant-settings";
import { thresholdFields, thresholdValue } from "@/lib/rules/threshold-fields";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";

// The tenant's rulebook settings as GET /api/v1/rule-settings answers them and /admin/rules shows
// them: the effective values (defaults filled in), the defaults, and the version to send back.

export const ruleSettingsViewSchema = z
  .object({
    version: z.number().int().min(1).meta({ description: "Send it back with PUT: a save based on an older version is a 409" }),
    disabledRules: z.array(z.enum(RULE_IDS)).meta({ description: "Rules switched off for this tenant, by id" }),
    thresholds: ruleThresholdsSchema.meta({ description: "The effective thresholds (defaults filled in)" }),
    defaults: ruleThresholdsSchema.meta({ description: "Every threshold's default" }),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "RuleSettings" });
export type RuleSettingsView = z.infer<typeof ruleSettingsViewSchema>;

export async function getRuleSettings(ctx: TenantContext): Promise<RuleSettingsView> {
  return withTenant(ctx.tenantId, (tx) => readRuleSettings(tx, ctx.tenantId));
}

export async function readRuleSettings(tx: TenantTx, tenantId: string): Promise<RuleSettingsView> {
  const row = await tx.tenantRuleSettings.findUnique({ where: { tenantId } });
  const settings = row ? storedSettings(row) : DEFAULT_RULE_SETTINGS;
  return {
    version: row?.version ?? 1,
    disabledRules: [...settings.disabledRules].sort(),
    thresholds: settings.thresholds,
    defaults: DEFAULT_RULE_SETTINGS.thresholds,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Only the thresholds that differ from the defaults are stored, so a tenant that never touched a
 * threshold follows the default if a later release changes it.
 */
export function thresholdOverrides(thresholds: RuleThresholds): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const field of thresholdFields()) {
    const value = thresholdValue(thresholds, field.key);
    if (value === field.defaultValue) continue;
    const parts = field.key.split(".");
    let node = overrides;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return overrides;
}
