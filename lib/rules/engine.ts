import type { CaseFacts, Platform, StepOutcome } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import type { Category, Risk } from "@/lib/rules/categories";
import { evaluateRules, type ApplicableRule, type Evaluation } from "@/lib/rules/evaluate";
import { presentRule, ruleWarnings } from "@/lib/rules/presentation";
import { reasonSentence } from "@/lib/rules/reason-words";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import { timeOf } from "@/lib/rules/tried-steps";
import type { RuleId } from "@/lib/rules/rule-ids";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "@/lib/rules/settings";
import { WARNINGS, type WarningId } from "@/lib/rules/warnings";

export type SuggestionWarning = { readonly id: WarningId; readonly text: string };

export type Suggestion = {
  ruleId: RuleId;
  title: string;
  customerTitle: string;
  category: Category;
  risk: Risk;
  /** Which facts matched, as a sentence for the agent. */
  reason: string;
  strength: number;
  /** A recorded fact by itself explains the problem (ranked first within its stage). */
  explainsProblem: boolean;
  /** 'waiting' while Apple reports an outage (every step except the status check). */
  status: "next" | "waiting";
  /**
   * Only for the platforms present in the case. These arrays are shared between results and frozen
   * (built once per rule and set of platforms): copy them before editing.
   */
  instructions: readonly { readonly platform: Platform; readonly label: string; readonly steps: readonly string[] }[];
  customerSteps: readonly string[];
  warnings: readonly SuggestionWarning[];
};

export type TriedSuggestion = {
  ruleId: RuleId;
  title: string;
  customerTitle: string;
  category: Category;
  risk: Risk;
  /** Whether the rule still matches the current facts. */
  applicable: boolean;
  /** Why it applies now; null when it no longer does. */
  reason: string | null;
  outcome: StepOutcome;
  note: string | null;
  triedAt: Date;
  /** How many times a step was recorded for this rule. */
  attempts: number;
};

export type SuggestionResult = {
  outage: boolean;
  next: Suggestion[];
  tried: TriedSuggestion[];
  warnings: SuggestionWarning[];
};

export type SuggestOptions = {
  triedSteps?: readonly TriedStep[];
  settings?: RuleSettings;
  /** The evaluation time; the engine never reads the clock, so results are reproducible. */
  now: Date;
};

const STATUS_CHECK: RuleId = "check-apple-system-status";

/** The ordered suggestions for a case: untried steps in "next", recorded ones in "tried". */
export function suggest(facts: CaseFacts, options: SuggestOptions): SuggestionResult {
  const settings = options.settings ?? DEFAULT_RULE_SETTINGS;
  return suggestFromEvaluation(evaluateRules(facts, options.triedSteps ?? [], settings, options.now));
}

/** The same, from an evaluation already made (see lib/triage/triage-case.ts, which shares one with readiness). */
export function suggestFromEvaluation({ ctx, applicable, latest }: Evaluation): SuggestionResult {
  const outage = ctx.facts.appleSystemStatus === "outage";
  const mask = ctx.platformMask;

  const untried = applicable.filter((entry) => !entry.tried).sort(byGuideOrder(outage));
  const next = untried.map((entry) => toSuggestion(entry, mask, outage && entry.rule.id !== STATUS_CHECK ? "waiting" : "next"));

  const tried: TriedSuggestion[] = [];
  for (const step of [...latest.values()].sort((a, b) => timeOf(a) - timeOf(b) || a.index - b.index)) {
    const rule = RULES_BY_ID.get(step.ruleId);
    if (!rule) continue;
    const entry = applicable.find((candidate) => candidate.rule.id === step.ruleId);
    tried.push({
      ruleId: rule.id,
      title: rule.title,
      customerTitle: rule.customerTitle,
      category: rule.category,
      risk: rule.risk,
      applicable: entry !== undefined,
      reason: entry ? reasonSentence(entry.match.reasons) : null,
      outcome: step.outcome,
      note: step.note,
      triedAt: step.triedAt,
      attempts: step.attempts,
    });
  }

  const warnings: SuggestionWarning[] = [];
  for (const warning of WARNINGS) {
    if ("appliesToCase" in warning && warning.appliesToCase(ctx)) warnings.push({ id: warning.id, text: warning.text });
  }

  return { outage, next, tried, warnings };
}

/**
 * The guide's stage first (quick checks, resets, repairs, sign-out: never crossed); within a stage a
 * fact that by itself explains the problem before advice that merely fits the symptom; then the
 * category tier, the strongest match, and the rulebook's own order.
 */
function byGuideOrder(outage: boolean) {
  return (a: ApplicableRule, b: ApplicableRule): number => {
    if (outage) {
      if (a.rule.id === STATUS_CHECK) return -1;
      if (b.rule.id === STATUS_CHECK) return 1;
    }
    return (
      a.rule.stage - b.rule.stage ||
      Number(b.match.explains === true) - Number(a.match.explains === true) ||
      a.rule.tier - b.rule.tier ||
      b.match.strength - a.match.strength ||
      a.rule.order - b.rule.order
    );
  };
}

function toSuggestion({ rule, match }: ApplicableRule, mask: number, status: Suggestion["status"]): Suggestion {
  const presentation = presentRule(rule, mask);
  return {
    ruleId: rule.id,
    title: rule.title,
    customerTitle: rule.customerTitle,
    category: rule.category,
    risk: rule.risk,
    reason: reasonSentence(match.reasons),
    strength: match.strength,
    explainsProblem: match.explains === true,
    status,
    instructions: presentation.instructions,
    customerSteps: presentation.customerSteps,
    warnings: ruleWarnings(rule),
  };
}
