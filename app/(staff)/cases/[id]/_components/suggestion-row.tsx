import type { Suggestion } from "@/lib/rules/engine";
import { RiskBadge } from "@/components/case/badges";
import { ExplainsBadge } from "@/app/(staff)/cases/[id]/_components/suggestion-card";
import { ExpandLink } from "@/app/(staff)/cases/[id]/_components/expand-link";
import { RecordStep } from "@/app/(staff)/cases/[id]/_components/record-step";
import { FixHint } from "@/app/(staff)/cases/[id]/_components/fix-hint";
import type { FixHint as FixHintData } from "@/lib/cases/view/fix-hints";

/**
 * A later step, compact: its place, title, risk and a one-line reason; "Show details" expands it in
 * place (the URL remembers), and a result can be recorded without expanding (the form opens below).
 */
export function SuggestionRow({ suggestion, position, caseId, canWrite, expandHref, hints }: {
  suggestion: Suggestion;
  hints: readonly FixHintData[];
  position: number;
  caseId: string;
  canWrite: boolean;
  expandHref: string;
}) {
  return (
    <li id={`step-${suggestion.ruleId}-row`} data-rule-id={suggestion.ruleId} data-step="compact" data-step-title={suggestion.title} tabIndex={-1}
      className="grid grid-cols-[1.75rem_minmax(0,1fr)_auto_auto] items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-within:border-blue-400">
      <span className="text-right font-semibold text-slate-600" aria-hidden="true">{position}.</span>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium"><span className="sr-only">Step {position}: </span>{suggestion.title}</span>
          <RiskBadge risk={suggestion.risk} />
          {suggestion.explainsProblem ? <ExplainsBadge /> : null}
          {suggestion.status === "waiting" ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Waiting</span> : null}
        </p>
        <p className="truncate text-slate-700" title={suggestion.reason}>{suggestion.reason}</p>
        <FixHint hints={hints} ruleId={suggestion.ruleId} compact />
      </div>
      <ExpandLink href={expandHref} focusId={`step-${suggestion.ruleId}-title`} className="whitespace-nowrap text-blue-800 underline">
        Show details<span className="sr-only"> for {suggestion.title}</span>
      </ExpandLink>
      {canWrite ? <RecordStep caseId={caseId} ruleId={suggestion.ruleId} title={suggestion.title} compact /> : <span />}
    </li>
  );
}
