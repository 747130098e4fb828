import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import type { StepOutcome } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { StepView } from "@/lib/cases/view/case-view";
import { RelativeTime } from "@/components/time/relative-time";
import { HistoryNav } from "@/app/(staff)/cases/[id]/_components/history-nav";

/** Recorded steps, newest first, a page at a time, with who recorded each and when it was tried. */
export function StepsTried({ steps, total, olderHref, newestHref }: { steps: StepView[]; total: number; olderHref: string | null; newestHref: string | null }) {
  const ordered = [...steps].sort((a, b) => b.triedAt.localeCompare(a.triedAt));
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title" className="text-xl font-semibold">Steps tried</h2>
      <HistoryNav shown={ordered.length} total={total} olderHref={olderHref} newestHref={newestHref} what="steps" />
      {ordered.length === 0 ? (
        <p className="mt-2 text-slate-700">No steps recorded yet.</p>
      ) : (
        <table className="mt-3 w-full border-collapse overflow-hidden rounded-lg bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Steps tried, newest first</caption>
          <thead className="bg-slate-100">
            <tr><th scope="col" className="p-2">Step</th><th scope="col" className="p-2">Result</th><th scope="col" className="p-2">Note</th><th scope="col" className="p-2">Tried</th><th scope="col" className="p-2">By</th></tr>
          </thead>
          <tbody>
            {ordered.map((step) => (
              <tr key={step.id} className="border-t border-slate-200 align-top">
                <td className="p-2 font-medium">{RULES_BY_ID.get(step.ruleId as RuleId)?.title ?? step.ruleId}</td>
                <td className="p-2">{STEP_OUTCOME_LABELS[step.outcome as StepOutcome] ?? step.outcome}</td>
                <td className="p-2">
                  {step.note ?? "—"}
                  {step.note && step.noteVisibleToCustomer && step.by.kind !== "customer" ? <span className="block text-xs text-teal-800">Shown to the customer</span> : null}
                </td>
                <td className="p-2 whitespace-nowrap"><RelativeTime iso={step.triedAt} /></td>
                <td className="p-2">{step.by.kind === "customer" ? <span className="font-medium text-teal-900">Customer (their link)</span> : step.by.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
