import type { CaseView } from "@/lib/cases/view/case-view";
import { StepsFocusProvider } from "@/app/(staff)/cases/[id]/_components/steps-focus";
import { SuggestionCard } from "@/app/(staff)/cases/[id]/_components/suggestion-card";
import { SuggestionRow } from "@/app/(staff)/cases/[id]/_components/suggestion-row";
import { FixHint } from "@/app/(staff)/cases/[id]/_components/fix-hint";
import { AlreadyTried } from "@/app/(staff)/cases/[id]/_components/already-tried";
import { ExpandLink } from "@/app/(staff)/cases/[id]/_components/expand-link";
import { FOCUS_COUNT, stepViewHref, type StepView } from "@/app/(staff)/cases/[id]/_components/step-view-url";

/**
 * The engine's ordered next steps, led by the next one to three in full; the later ones as a compact
 * ordered list that expands on demand (state in the URL); then the steps already tried, with outcome.
 */
export function NextSteps({ view, canWrite, stepView }: { view: CaseView; canWrite: boolean; stepView: StepView }) {
  const focus = view.suggestions.slice(0, FOCUS_COUNT);
  const later = view.suggestions.slice(FOCUS_COUNT);
  const expandedIds = later.filter((s) => stepView.all || stepView.open.has(s.ruleId)).map((s) => s.ruleId);
  const expandedCount = expandedIds.length;
  // Links are built from what is shown, so collapsing one step of "show all" keeps the others open.
  const shown: StepView = { open: new Set(expandedIds), all: false };

  return (
    <section aria-labelledby="suggestions-title" className="space-y-4">
      <h2 id="suggestions-title" tabIndex={-1} className="text-xl font-semibold focus:outline-none">Suggested next steps</h2>
      <StepsFocusProvider nextIds={view.suggestions.map((s) => s.ruleId)}>
        {view.outage ? (
          <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            Apple reports an outage: every step except checking the status page waits until it is over.
          </p>
        ) : null}
        {view.warnings.length > 0 ? (
          <details className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            <summary className="cursor-pointer font-semibold">Keep in mind ({view.warnings.length})</summary>
            <ul className="mt-1 list-disc pl-5">{view.warnings.map((w) => <li key={w.id}>{w.text}</li>)}</ul>
          </details>
        ) : null}
        {view.suggestions.length === 0 ? <p className="text-slate-700">No further steps are suggested for these facts.</p> : null}

        <div data-testid="suggestions" className="space-y-4">
          {focus.length > 0 ? (
            <ol aria-label="Next steps" className="space-y-4">
              {focus.map((suggestion, index) => (
                <SuggestionCard key={suggestion.ruleId} suggestion={suggestion} position={index + 1} caseId={view.id} canWrite={canWrite}>
                  <FixHint hints={view.fixHints} ruleId={suggestion.ruleId} />
                </SuggestionCard>
              ))}
            </ol>
          ) : null}

          {later.length > 0 ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-base font-semibold">Later steps ({later.length})</h3>
                <ExpandLink href={stepViewHref(view.id, shown, expandedCount === later.length ? { reset: true } : { all: true })}
                  focusId="later-steps" className="text-sm text-blue-800 underline">
                  {expandedCount === later.length ? "Show the later steps compactly" : `Show all ${later.length} in full`}
                </ExpandLink>
              </div>
              <ol id="later-steps" tabIndex={-1} start={FOCUS_COUNT + 1} aria-label="Later steps" className="space-y-1 focus:outline-none">
                {later.map((suggestion, index) => {
                  const position = FOCUS_COUNT + index + 1;
                  const expanded = shown.open.has(suggestion.ruleId);
                  return expanded ? (
                    <SuggestionCard key={suggestion.ruleId} suggestion={suggestion} position={position} caseId={view.id} canWrite={canWrite}
                      collapseHref={stepViewHref(view.id, shown, { collapse: suggestion.ruleId })}>
                      <FixHint hints={view.fixHints} ruleId={suggestion.ruleId} />
                    </SuggestionCard>
                  ) : (
                    <SuggestionRow key={suggestion.ruleId} suggestion={suggestion} position={position} caseId={view.id} canWrite={canWrite} hints={view.fixHints}
                      expandHref={stepViewHref(view.id, shown, { expand: suggestion.ruleId })} />
                  );
                })}
              </ol>
            </div>
          ) : null}
        </div>

        <AlreadyTried view={view} canWrite={canWrite} />
      </StepsFocusProvider>
    </section>
  );
}
