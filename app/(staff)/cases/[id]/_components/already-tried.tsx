import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import type { StepOutcome } from "@/lib/facts/schema";
import type { CaseView } from "@/lib/cases/view/case-view";
import { RelativeTime } from "@/components/time/relative-time";
import { RecordStep } from "@/app/(staff)/cases/[id]/_components/record-step";

const OUTCOME_CLASS: Record<StepOutcome, string> = {
  resolved: "bg-emerald-100 text-emerald-900",
  no_change: "bg-slate-100 text-slate-900",
  worse: "bg-red-100 text-red-900",
  not_applicable: "bg-slate-100 text-slate-900",
  skipped: "bg-slate-100 text-slate-900",
};

/** Steps already tried stay in sight with their latest outcome, and can be recorded again. */
export function AlreadyTried({ view, canWrite }: { view: CaseView; canWrite: boolean }) {
  if (view.triedSuggestions.length === 0) return null;
  return (
    <div>
      <h3 className="text-base font-semibold">Already tried ({view.triedSuggestions.length})</h3>
      <ul className="mt-2 space-y-2">
        {view.triedSuggestions.map((tried) => (
          <li key={tried.ruleId} data-rule-id={tried.ruleId} data-step="tried" data-step-title={tried.title} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{tried.title}</span>
              <span className={`rounded px-2 py-0.5 text-xs ${OUTCOME_CLASS[tried.outcome]}`}>{STEP_OUTCOME_LABELS[tried.outcome]}</span>
              <span className="text-slate-600"><RelativeTime iso={tried.triedAt} />{tried.attempts > 1 ? ` · ${tried.attempts} attempts` : ""}</span>
              {!tried.applicable ? <span className="text-slate-600">· no longer applies</span> : null}
            </div>
            {tried.note ? <p className="mt-1 text-slate-700">{tried.note}</p> : null}
            {canWrite ? <RecordStep caseId={view.id} ruleId={tried.ruleId} title={tried.title} again /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
