import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { RULES } from "@/lib/rules/catalog";
import { CATEGORY_TIER } from "@/lib/rules/categories";
import { buildRuleContext } from "@/lib/rules/context";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { RuleSettings } from "@/lib/rules/settings";
import { latestStepsByRule, type LatestStep } from "@/lib/rules/tried-steps";
import type { Rule, RuleContext, RuleMatch } from "@/lib/rules/types";

export type ApplicableRule = { rule: Rule; match: RuleMatch; tried: boolean };

export type Evaluation = {
  ctx: RuleContext;
  /** Rules whose condition matches (and whose gate is open), in rulebook order. */
  applicable: ApplicableRule[];
  latest: Map<RuleId, LatestStep>;
};

const TIER_COUNT = Math.max(...Object.values(CATEGORY_TIER));

/**
 * Runs every enabled rule against the facts. Rules are visited in rulebook order so that a gated rule
 * ("after the quick checks", "after everything else") can look at the rules before it.
 * Never throws on valid facts: a condition that throws is treated as not matching.
 */
export function evaluateRules(
  facts: CaseFacts,
  triedSteps: readonly TriedStep[],
  settings: RuleSettings,
  now: Date,
): Evaluation {
  const latest = latestStepsByRule(triedSteps);
  const ctx = buildRuleContext(facts, settings, latest, now);
  const disabled = settings.disabledRules.length > 0 ? new Set<string>(settings.disabledRules) : null;

  // Applicable rules not tried yet, per tier (index 1..TIER_COUNT), for the gates.
  const untriedByTier = new Array<number>(TIER_COUNT + 1).fill(0);
  let untriedTotal = 0;
  const applicable: ApplicableRule[] = [];

  for (const rule of RULES) {
    if (disabled?.has(rule.id)) continue;
    if ((rule.platformMask & ctx.platformMask) === 0) continue;
    if (rule.gate && !gateOpen(rule, untriedByTier, untriedTotal)) continue;
    let match: RuleMatch | null;
    try {
      match = rule.condition(ctx);
    } catch {
      match = null;
    }
    if (!match) continue;
    const tried = latest.has(rule.id);
    applicable.push({ rule, match, tried });
    if (!tried) {
      untriedByTier[rule.tier] = (untriedByTier[rule.tier] ?? 0) + 1;
      untriedTotal++;
    }
  }
  return { ctx, applicable, latest };
}

function gateOpen(rule: Rule, untriedByTier: number[], untriedTotal: number): boolean {
  switch (rule.gate) {
    case "quick_checks":
      return untriedByTier[CATEGORY_TIER.quick_checks] === 0;
    case "earlier_tiers": {
      for (let tier = 1; tier < rule.tier; tier++) if ((untriedByTier[tier] ?? 0) > 0) return false;
      return true;
    }
    case "everything":
      return untriedTotal === 0;
    default:
      return true;
  }
}
