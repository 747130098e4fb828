import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { readinessFromEvaluation, type EscalationReadiness } from "@/lib/triage/readiness";
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
