import type { CaseStatus } from "@/lib/cases/case-schemas";

// How a case status reads to staff: the one place, used by badges, filters, the timeline and messages.
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: "Open",
  waiting_on_customer: "Waiting on customer",
  escalation_review: "In escalation review",
  escalated: "Escalated to Apple",
  resolved: "Resolved",
};

/** The label inside a sentence ("The case is escalated to Apple"): only the first letter lower-cased. */
export function statusInSentence(status: CaseStatus): string {
  const label = CASE_STATUS_LABELS[status];
  return label.charAt(0).toLowerCase() + label.slice(1);
}
