import type { ReactNode } from "react";
import type { Suggestion } from "@/lib/rules/engine";
import { CATEGORY_LABELS } from "@/lib/rules/categories";
import { RiskBadge } from "@/components/case/badges";
import { RecordStep } from "@/app/(staff)/cases/[id]/_components/record-step";
import { ExpandLink } from "@/app/(staff)/cases/[id]/_components/expand-link";

/**
 * One next step in full: title, why, per-device instructions, warnings, and recording its result.
 * `children` slot in below the reason (e.g. how often this step resolved similar cases).
 * `collapseHref` is set for a later step that was expanded on demand.
 */
export function SuggestionCard({ suggestion, position, caseId, canWrite, collapseHref, children }: {
  suggestion: Suggestion;
  position: number;
  caseId: string;
  canWrite: boolean;
  collapseHref?: string;
  children?: ReactNode;
}) {
  const titleId = `step-${suggestion.ruleId}-title`;
  return (
    <li id={`step-${suggestion.ruleId}`} data-rule-id={suggestion.ruleId} data-step="full" data-step-title={suggestion.title} aria-labelledby={titleId}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm focus-within:border-blue-400">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold text-slate-600" aria-hidden="true">{position}.</span>
        <h3 id={titleId} tabIndex={-1} className="text-lg font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
          <span className="sr-only">Step {position}: </span>{suggestion.title}
        </h3>
        <RiskBadge risk={suggestion.risk} />
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">{CATEGORY_LABELS[suggestion.category]}</span>
        {suggestion.explainsProblem ? <ExplainsBadge /> : null}
        {suggestion.status === "waiting" ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Waiting for the outage</span> : null}
        {collapseHref ? (
          <ExpandLink href={collapseHref} focusId={`step-${suggestion.ruleId}-row`} className="ml-auto text-sm text-blue-800 underline">
            Show less<span className="sr-only"> of {suggestion.title}</span>
          </ExpandLink>
        ) : null}
      </div>
      <p className="mt-2 text-sm"><span className="font-medium">Why: </span>{suggestion.reason}</p>
      {children}
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
      {canWrite ? <RecordStep caseId={caseId} ruleId={suggestion.ruleId} title={suggestion.title} /> : null}
    </li>
  );
}

export function ExplainsBadge() {
  return (
    <span className="rounded bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900" title="A recorded fact by itself explains the problem">
      Explains the problem
    </span>
  );
}
