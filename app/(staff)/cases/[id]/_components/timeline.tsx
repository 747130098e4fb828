import type { TimelineEventView } from "@/lib/cases/case-view";
import type { TenantMember } from "@/lib/members/tenant-members";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import type { StepOutcome } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { CaseStatus } from "@/lib/cases/case-schemas";
import { RelativeTime } from "@/components/time/relative-time";
import { CASE_STATUS_LABELS } from "@/lib/cases/status-labels";

type Data = Record<string, unknown>;

const FIELD_LABELS: Record<string, string> = {
  "customer.name": "customer name", "customer.email": "customer email", problemSince: "problem seen since",
  appleIdConsistent: "same Apple ID", appleSystemStatus: "Apple system status", "library.itemCount": "library items",
  "library.sizeGb": "library size", "library.hasLargeFiles": "large files", "icloudStorage.totalGb": "iCloud plan",
  "icloudStorage.freeGb": "free iCloud storage", devices: "devices", statusMessages: "status messages", symptoms: "symptoms",
};

/** Every change on the case, newest first: who, when, what. */
export function Timeline({ events, members }: { events: TimelineEventView[]; members: TenantMember[] }) {
  const name = (userId: unknown) =>
    userId === null || userId === undefined ? "nobody" : members.find((m) => m.id === userId)?.name ?? "a former member";
  const ordered = [...events].reverse();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-xl font-semibold">Timeline</h2>
      <ol className="mt-3 space-y-2 border-l-2 border-slate-300 pl-4">
        {ordered.map((event) => (
          <li key={event.id} className="text-sm">
            <p><span className="font-medium">{event.actor.name}</span> {describe(event.type, (event.data ?? {}) as Data, name)}</p>
            <p className="text-xs text-slate-600"><RelativeTime iso={event.at} /></p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(type: string, data: Data, name: (id: unknown) => string): string {
  switch (type) {
    case "case.created":
      return "opened the case";
    case "facts.updated": {
      const fields = Array.isArray(data.changes) ? (data.changes as { field: string }[]).map((c) => FIELD_LABELS[c.field] ?? c.field) : [];
      return `edited the facts${fields.length ? `: ${fields.join(", ")}` : ""}`;
    }
    case "status.changed":
      return `changed the status from ${label(data.from)} to ${label(data.to)}${data.bulk ? " (bulk)" : ""}`;
    case "assignee.changed":
      return `assigned the case to ${name(data.to)}${data.bulk ? " (bulk)" : ""}`;
    case "step.recorded": {
      const title = RULES_BY_ID.get(data.ruleId as RuleId)?.title ?? String(data.ruleId);
      const outcome = STEP_OUTCOME_LABELS[data.outcome as StepOutcome] ?? String(data.outcome);
      return `recorded “${title}”: ${outcome}${typeof data.note === "string" && data.note ? ` — ${data.note}` : ""}`;
    }
    case "customer_link.created":
      return "created the customer link";
    case "customer_link.rotated":
      return "replaced the customer link (the old one stopped working)";
    case "attachment.added":
      return "added a screenshot";
    default:
      return type;
  }
}

const label = (status: unknown) => CASE_STATUS_LABELS[status as CaseStatus] ?? String(status);
