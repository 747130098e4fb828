import { PLATFORMS } from "@/lib/facts/schema";
import { CATEGORY_STAGE_NUMBER, CATEGORY_TIER } from "@/lib/rules/categories";
import { GUIDE_PASSAGES } from "@/lib/rules/guide-passages";
import { RULE_IDS, type RuleId } from "@/lib/rules/rule-ids";
import type { Rule, RuleDefinition } from "@/lib/rules/types";
import { QUICK_CHECK_RULES } from "@/lib/rules/catalog/quick-checks";
import { MISSING_ITEM_RULES } from "@/lib/rules/catalog/missing-items";
import { SETTINGS_RULES } from "@/lib/rules/catalog/settings-rules";
import { STORAGE_RULES } from "@/lib/rules/catalog/storage";
import { POWER_AND_NETWORK_RULES } from "@/lib/rules/catalog/power-and-network";
import { RESET_RULES } from "@/lib/rules/catalog/resets";
import { ADVANCED_RULES } from "@/lib/rules/catalog/advanced";

export { RULE_IDS, type RuleId };

// The rulebook: every rule of SPEC §3 as data, in the guides' order (category tier, then position).

const DEFINITIONS: RuleDefinition[] = [
  ...QUICK_CHECK_RULES,
  ...MISSING_ITEM_RULES,
  ...SETTINGS_RULES,
  ...STORAGE_RULES,
  ...POWER_AND_NETWORK_RULES,
  ...RESET_RULES,
  ...ADVANCED_RULES,
];

/** Passage ids that each rule encodes, read from the passage map so there is one source of truth. */
function guideRefsOf(id: RuleId): string[] {
  return GUIDE_PASSAGES.filter((passage) =>
    passage.encodedBy.some((encoder) => encoder.kind === "rule" && encoder.id === id),
  ).map((passage) => passage.id);
}

export const RULES: readonly Rule[] = DEFINITIONS.map((definition, position) => ({
  ...definition,
  tier: CATEGORY_TIER[definition.category],
  stage: CATEGORY_STAGE_NUMBER[definition.category],
  position,
}))
  // Stable sort: tier first, then the position in the category files (which follow the guides).
  .sort((a, b) => a.tier - b.tier || a.position - b.position)
  .map(({ position: _position, ...rule }, order) => ({
    ...rule,
    order,
    platformMask: PLATFORMS.reduce((mask, platform, bit) => (rule.platforms.includes(platform) ? mask | (1 << bit) : mask), 0),
    guideRefs: guideRefsOf(rule.id),
  }));

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: RuleId): Rule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule id: ${id}`);
  return rule;
}
