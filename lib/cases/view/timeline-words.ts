import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import type { StepOutcome } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";

// How a timeline event reads ("… changed the status from Open to Resolved"), after the actor's name.
// One wording for the case page's timeline, the review's "what changed" and the packet for Apple.

type Data = Record<string, unknown>;

/** Readable names of the fact fields a `facts.updated` event lists (lib/cases/facts-diff.ts). */
const FACT_FIELD_LABELS: Record<string, string> = {
  "customer.name": "customer name", "customer.email": "customer email", problemSince: "problem seen since",
  appleIdConsistent: "same Apple ID", appleSystemStatus: "Apple system status", "library.itemCount": "library items",
  "library.sizeGb": "library size", "library.hasLargeFiles": "large files", "icloudStorage.totalGb": "iCloud plan",
  "icloudStorage.freeGb": "free iCloud storage", devices: "devices", statusMessages: "status messages", symptoms: "symptoms",
};

export const factFieldLabel = (field: string) => FACT_FIELD_LABELS[field] ?? field;

const statusLabel = (status: unknown) => CASE_STATUS_LABELS[status as CaseStatus] ?? String(status);
const quoted = (value: unknown) => (typeof value === "string" && value ? `: “${value}”` : "");

/** The escalation review's own wording of its status changes (data.escalation, set by the review flow). */
function describeEscalation(data: Data): string | null {
  switch (data.escalation) {
    case "submitted":
      return `submitted the case for escalation review${typeof data.overrideReason === "string" ? ` without readiness (override${quoted(data.overrideReason)})` : ""}${typeof data.note === "string" && data.note ? ` — ${data.note}` : ""}`;
    case "approved":
      return `approved the escalation to Apple: Apple case number ${String(data.appleCaseNumber)}`;
    case "returned":
      return `returned the case to the agent${quoted(data.reason)}`;
    default:
      return null;
  }
}

export function describeEvent(type: string, data: Data, nameOf: (userId: unknown) => string, actorKind?: string): string {
  switch (type) {
    case "case.created":
      return "opened the case";
    case "facts.updated": {
      const fields = Array.isArray(data.changes) ? (data.changes as { field: string }[]).map((c) => factFieldLabel(c.field)) : [];
      return `edited the facts${fields.length ? `: ${fields.join(", ")}` : ""}`;
    }
    case "status.changed":
      return describeEscalation(data) ?? `changed the status from ${statusLabel(data.from)} to ${statusLabel(data.to)}${data.bulk ? " (bulk)" : ""}${typeof data.reason === "string" ? ` — ${data.reason}` : ""}`;
    case "assignee.changed":
      return `assigned the case to ${nameOf(data.to)}${data.bulk ? " (bulk)" : ""}`;
    case "step.recorded": {
      const title = RULES_BY_ID.get(data.ruleId as RuleId)?.title ?? String(data.ruleId);
      const outcome = STEP_OUTCOME_LABELS[data.outcome as StepOutcome] ?? String(data.outcome);
      const note = typeof data.note === "string" && data.note ? ` — ${data.note}` : "";
      if (actorKind === "customer") return `reported through their link: “${title}” ${data.outcome === "resolved" ? "worked" : "didn't help"}${note}`;
      return `recorded “${title}”: ${outcome}${note}${note && data.noteVisibleToCustomer ? " (note shown to the customer)" : ""}`;
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
