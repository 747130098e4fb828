// Where a case stands in the escalation review, read from its timeline (the review flow writes
// `status.changed` events with `escalation: submitted | approved | returned`) and the case row.

export interface ReviewEvent {
  at: string;
  by: string;
}

export interface EscalationReviewView {
  /** The latest submission for review, if any. */
  submitted: (ReviewEvent & { note: string | null; overrideReason: string | null }) | null;
  /** The latest approval, with Apple's case number. */
  approved: (ReviewEvent & { appleCaseNumber: string }) | null;
  /** The return that still stands (it ends when the case is submitted again or resolved). */
  returned: (ReviewEvent & { reason: string }) | null;
}

interface EventLike {
  type: string;
  createdAt: Date;
  actorLabel: string;
  data: unknown;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export function reviewStateOf(row: { escalationReturnedAt: Date | null; escalationReturnNote: string | null }, events: readonly EventLike[]): EscalationReviewView {
  const latest = (kind: string) => {
    for (let i = events.length - 1; i >= 0; i -= 1) {
      const event = events[i]!;
      const data = (event.data ?? {}) as Record<string, unknown>;
      if (event.type === "status.changed" && data.escalation === kind) return { at: event.createdAt.toISOString(), by: event.actorLabel, data };
    }
    return null;
  };
  const submitted = latest("submitted");
  const approved = latest("approved");
  const returned = row.escalationReturnedAt ? latest("returned") : null;
  return {
    submitted: submitted && { at: submitted.at, by: submitted.by, note: text(submitted.data.note), overrideReason: text(submitted.data.overrideReason) },
    approved: approved && { at: approved.at, by: approved.by, appleCaseNumber: text(approved.data.appleCaseNumber) ?? "" },
    returned: row.escalationReturnedAt
      ? { at: returned?.at ?? row.escalationReturnedAt.toISOString(), by: returned?.by ?? "A supervisor", reason: row.escalationReturnNote ?? text(returned?.data.reason) ?? "" }
      : null,
  };
}
