import { DEFAULT_RULE_SETTINGS, ruleSettingsSchema, type RuleSettings } from "@/lib/rules/settings";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

/** The tenant's rulebook settings merged over the defaults (SPEC §3). */
export async function loadRuleSettings(tx: TenantTx, tenantId: string): Promise<RuleSettings> {
  const row = await tx.tenantRuleSettings.findUnique({
    where: { tenantId },
    select: { disabledRules: true, thresholds: true },
  });
  return row ? storedSettings(row) : DEFAULT_RULE_SETTINGS;
}

/** A stored settings row over the defaults. */
export function storedSettings(row: { disabledRules: string[]; thresholds: unknown }): RuleSettings {
  const parsed = ruleSettingsSchema.safeParse({ disabledRules: row.disabledRules, thresholds: row.thresholds ?? {} });
  // Settings are validated when saved; should a stored value ever be unreadable, the defaults keep cases working.
  return parsed.success ? parsed.data : DEFAULT_RULE_SETTINGS;
}
