import type { PacketView } from "@/lib/escalation/packet-view-schema";
import { factFieldLabel } from "@/lib/cases/view/timeline-words";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import { formatDateTime } from "@/components/case/format";

const ISO = /^\d{4}-\d{2}-\d{2}T/;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && ISO.test(value)) return formatDateTime(value);
  return String(value);
}

/** What changed between the frozen submission and the case as it is now (SPEC §4 review). */
export function ChangesSinceSubmission({ changes }: { changes: NonNullable<PacketView["changesSinceSubmission"]> }) {
  const nothing = changes.facts.length === 0 && changes.stepsAdded.length === 0;
  return (
    <section aria-labelledby="changes-title"
      className={`rounded-lg border p-5 ${nothing ? "border-slate-200 bg-white" : "border-amber-500 bg-amber-50"}`}>
      <h2 id="changes-title" className="text-lg font-semibold">Changes since submission</h2>
      {nothing ? (
        <p className="mt-1 text-sm text-slate-700">No facts were edited and no steps recorded since the case was submitted.</p>
      ) : (
        <>
          {changes.facts.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" aria-label="Facts edited">
              {changes.facts.map((change) => (
                <li key={change.field}>
                  <span className="font-medium">{factFieldLabel(change.field)}</span>
                  {"from" in change || "to" in change ? <>: {shown(change.from)} → {shown(change.to)}</> : " changed (see the packet and the case)"}
                </li>
              ))}
            </ul>
          ) : null}
          {changes.stepsAdded.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" aria-label="Steps recorded since">
              {changes.stepsAdded.map((step, index) => (
                <li key={index}>Step “{step.title}”: {STEP_OUTCOME_LABELS[step.outcome]}{step.note ? ` — ${step.note}` : ""} ({step.by.name}, {formatDateTime(step.recordedAt)})</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-sm text-slate-700">The packet below is the one submitted. Return the case if Apple should get the newer facts.</p>
        </>
      )}
    </section>
  );
}
