import type { EscalationView } from "@/lib/cases/view/case-view";
import { RelativeTime } from "@/components/time/relative-time";

/** SPEC §4 readiness as a checklist naming what is still missing. */
export function EscalationChecklist({ escalation }: { escalation: EscalationView }) {
  return (
    <section aria-labelledby="escalation-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="escalation-title" className="text-xl font-semibold">Escalation to Apple</h2>
      <p className={`mt-1 text-sm font-medium ${escalation.ready ? "text-emerald-800" : "text-slate-700"}`}>
        {escalation.ready ? "Ready to escalate." : "Not ready yet."}
        {!escalation.ready && escalation.readyAt ? <> Expected to be ready <RelativeTime iso={escalation.readyAt} /> if nothing changes.</> : null}
      </p>
      <ul className="mt-3 space-y-3">
        {escalation.criteria.map((criterion) => (
          <li key={criterion.id} className="text-sm">
            <p className="flex items-start gap-2">
              <span aria-hidden="true" className={criterion.met ? "text-emerald-700" : "text-red-700"}>{criterion.met ? "✓" : "✗"}</span>
              <span><span className="sr-only">{criterion.met ? "Met: " : "Not met: "}</span>{criterion.label}</span>
            </p>
            {criterion.missing.length > 0 ? (
              <ul className="ml-6 mt-1 list-disc space-y-0.5 pl-4 text-slate-700">
                {criterion.missing.map((item, i) => <li key={i}>{item}</li>)}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
