import { CATEGORY_LABELS } from "@/lib/rules/categories";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import type { StepOutcome } from "@/lib/facts/schema";
import type { CaseView } from "@/lib/cases/case-view";
import { RiskBadge } from "@/components/case/badges";
import { formatDateTime } from "@/components/case/format";
import { NoticeProvider } from "@/app/(staff)/cases/[id]/_components/notice";
import { RecordStep } from "@/app/(staff)/cases/[id]/_components/record-step";
import { FixHint } from "@/app/(staff)/cases/[id]/_components/fix-hint";

/** The engine's ordered next steps (with reason, risk, per-device instructions, warnings), then the tried ones. */
export function Suggestions({ view, canWrite }: { view: CaseView; canWrite: boolean }) {
  return (
    <section aria-labelledby="suggestions-title" className="space-y-4">
      <h2 id="suggestions-title" className="text-xl font-semibold">Suggested next steps</h2>
      <NoticeProvider>
      {view.outage ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          Apple reports an outage: every step except checking the status page waits until it is over.
        </p>
      ) : null}
      {view.warnings.length > 0 ? (
        <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <h3 className="font-semibold">Keep in mind</h3>
          <ul className="mt-1 list-disc pl-5">{view.warnings.map((w) => <li key={w.id}>{w.text}</li>)}</ul>
        </div>
      ) : null}
      {view.suggestions.length === 0 ? <p className="text-slate-700">No further steps are suggested for these facts.</p> : null}
      <ol className="space-y-4" data-testid="suggestions">
        {view.suggestions.map((suggestion, index) => (
          <li key={suggestion.ruleId} data-rule-id={suggestion.ruleId}
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-semibold text-slate-600">{index + 1}.</span>
              <h3 className="text-lg font-semibold">{suggestion.title}</h3>
              <RiskBadge risk={suggestion.risk} />
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">{CATEGORY_LABELS[suggestion.category]}</span>
              {suggestion.status === "waiting" ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Waiting for the outage</span> : null}
            </div>
            <p className="mt-2 text-sm"><span className="font-medium">Why: </span>{suggestion.reason}</p>
            <FixHint hints={view.fixHints} ruleId={suggestion.ruleId} />
            {suggestion.instructions.length > 0 ? (
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {suggestion.instructions.map((block) => (
                  <div key={block.platform}>
                    <h4 className="text-sm font-semibold">{block.label}</h4>
                    <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm">{block.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
                  </div>
                ))}
              </div>
            ) : null}
            {suggestion.warnings.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm text-amber-950">
                {suggestion.warnings.map((w) => <li key={w.id} className="rounded bg-amber-50 px-2 py-1"><span className="font-semibold">Warning: </span>{w.text}</li>)}
              </ul>
            ) : null}
            {canWrite ? <RecordStep caseId={view.id} ruleId={suggestion.ruleId} title={suggestion.title} /> : null}
          </li>
        ))}
      </ol>

      {view.triedSuggestions.length > 0 ? (
        <div>
          <h3 className="text-base font-semibold">Already tried</h3>
          <ul className="mt-2 space-y-2">
            {view.triedSuggestions.map((tried) => (
              <li key={tried.ruleId} data-rule-id={tried.ruleId} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{tried.title}</span>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{STEP_OUTCOME_LABELS[tried.outcome as StepOutcome]}</span>
                  <span className="text-slate-600">{formatDateTime(tried.triedAt)}{tried.attempts > 1 ? ` · ${tried.attempts} attempts` : ""}</span>
                  {!tried.applicable ? <span className="text-slate-600">· no longer applies</span> : null}
                </div>
                {tried.note ? <p className="mt-1 text-slate-700">{tried.note}</p> : null}
                {canWrite ? <RecordStep caseId={view.id} ruleId={tried.ruleId} title={tried.title} again /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      </NoticeProvider>
    </section>
  );
}
