import type { SuggestionResult, Suggestion, SuggestionWarning, TriedSuggestion } from "@/lib/rules/engine";

// The engine's result as JSON: "next" are the ordered suggestions (SPEC §5 `suggestions`); tried
// rules stay visible with their latest outcome; case-level warnings apply to the whole case.

type TriedSuggestionView = Omit<TriedSuggestion, "triedAt"> & { triedAt: string };

export interface SuggestionsView {
  outage: boolean;
  suggestions: Suggestion[];
  triedSuggestions: TriedSuggestionView[];
  warnings: SuggestionWarning[];
}

export function suggestionsView(result: SuggestionResult): SuggestionsView {
  return {
    outage: result.outage,
    suggestions: result.next,
    triedSuggestions: result.tried.map((entry) => ({ ...entry, triedAt: entry.triedAt.toISOString() })),
    warnings: result.warnings,
  };
}
