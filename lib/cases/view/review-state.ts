import { z } from "zod";

// Where a case stands in the escalation review, read from its timeline (the review flow writes
// `status.changed` events with `escalation: submitted | approved | returned`) and the case row.

const reviewEvent = { at: z.iso.datetime({ offset: true }), by: z.string().meta({ description: "Who acted, by name" }) };

export const escalationReviewSchema = z
  .object({
    submitted: z
      .object({ ...reviewEvent, note: z.string().nullable(), overrideReason: z.string().nullable() })
      .nullable()
      .meta({ description: "The latest submission for review, if any" }),
    approved: z.object({ ...reviewEvent, appleCaseNumber: z.string() }).nullable().meta({ description: "The latest approval, with Apple's case number" }),
    returned: z
      .object({ ...reviewEvent, reason: z.string() })
      .nullable()
      .meta({ description: "The return that still stands (it ends when the case is submitted again or resolved)" }),
  })
  .meta({ id: "EscalationReview", description: "Where the case stands in the escalation review" });

export type EscalationReviewView = z.infer<typeof escalationReviewSchema>;

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
