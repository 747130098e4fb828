import type { CaseFacts, TriedStep } from "@/lib/facts/schema";
import { readinessFromEvaluation, type EscalationReadiness } from "@/lib/escalation/readiness";
import { suggestFromEvaluation, type SuggestionResult } from "@/lib/rules/engine";
import { evaluateRules } from "@/lib/rules/evaluate";
import type { RuleSettings } from "@/lib/rules/settings";

export interface CaseTriage {
  suggestions: SuggestionResult;
  escalation: EscalationReadiness;
}

/**
 * Suggestions and escalation readiness from one evaluation of the rulebook: both read the same
 * applicable rules and latest steps, so a case page (or the API) pays for the rules once.
 * Equal to calling suggest() and escalationReadiness() separately (tested).
 */
export function triageCase(facts: CaseFacts, triedSteps: readonly TriedStep[], settings: RuleSettings, now: Date): CaseTriage {
  const evaluation = evaluateRules(facts, triedSteps, settings, now);
  return { suggestions: suggestFromEvaluation(evaluation), escalation: readinessFromEvaluation(evaluation) };
}
