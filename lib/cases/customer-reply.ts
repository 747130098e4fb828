import type { Prisma } from "@/lib/db/generated/client";
import type { CaseEventType } from "@/lib/cases/case-events";
import type { Actor } from "@/lib/tenancy/context";

// "Customer replied" on a case: set by the customer's report, cleared the next time staff act on
// the case. Reassigning is triage, not an answer to the customer, so it leaves the flag for the
// new assignee to see. The one rule, applied by saveCase (and by the bulk status change).

const TRIAGE_ONLY: ReadonlySet<CaseEventType> = new Set(["assignee.changed", "customer_link.created", "customer_link.rotated"]);

export function customerReplyColumns(
  actor: Actor,
  eventTypes: readonly CaseEventType[],
  now: Date,
): Pick<Prisma.CaseUncheckedUpdateInput, "customerRepliedAt"> {
  if (actor.kind === "customer") return { customerRepliedAt: now };
  const staff = actor.kind === "user" || actor.kind === "api_token";
  if (staff && eventTypes.some((type) => !TRIAGE_ONLY.has(type))) return { customerRepliedAt: null };
  return {};
}
