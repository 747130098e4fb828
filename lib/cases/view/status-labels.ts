import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";

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
// How a case status reads to the customer on their page (plain words, what happens next).
export const CUSTOMER_CASE_STATUS: Record<CaseStatus, { title: string; explanation: string }> = {
  open: {
    title: "We're working on it",
    explanation: "Your support agent is looking at your case. Try the steps below and tell us how each one went.",
  },
  waiting_on_customer: {
    title: "Waiting for you",
    explanation: "We're waiting to hear how the steps below went. Tap a button under a step to let us know.",
  },
  escalation_review: {
    title: "Being prepared for Apple",
    explanation: "Your agent has asked a colleague to check your case before it goes to Apple Support.",
  },
  escalated: {
    title: "With Apple Support",
    explanation: "Apple Support is looking into your case. We'll be in touch when we hear back.",
  },
  resolved: {
    title: "Resolved",
    explanation: "Your case is closed. If the problem comes back, contact us and mention your case number.",
  },
};
