import type { CaseFacts, TriedStep } from "@/lib/facts/schema";
import { suggest, type Suggestion, type SuggestionWarning, type TriedSuggestion } from "@/lib/rules/engine";
import type { RuleSettings } from "@/lib/rules/settings";

// The engine's result as JSON: "next" are the ordered suggestions (SPEC §5 `suggestions`); tried
// rules stay visible with their latest outcome; case-level warnings apply to the whole case.

export type TriedSuggestionView = Omit<TriedSuggestion, "triedAt"> & { triedAt: string };

export interface SuggestionsView {
  outage: boolean;
  suggestions: Suggestion[];
  triedSuggestions: TriedSuggestionView[];
  warnings: SuggestionWarning[];
}

export function suggestionsView(facts: CaseFacts, steps: readonly TriedStep[], settings: RuleSettings, now: Date): SuggestionsView {
  const result = suggest(facts, { triedSteps: steps, settings, now });
  return {
    outage: result.outage,
    suggestions: result.next,
    triedSuggestions: result.tried.map((entry) => ({ ...entry, triedAt: entry.triedAt.toISOString() })),
    warnings: result.warnings,
  };
}
