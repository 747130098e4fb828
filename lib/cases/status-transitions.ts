import type { Prisma } from "@/lib/db/generated/client";
import type { Permission } from "@/lib/auth/permissions";
import { CASE_STATUSES, type AgentStatus, type CaseStatus } from "@/lib/cases/schemas/case-schemas";
import type { NewCaseEvent } from "@/lib/cases/case-events";
import { statusInSentence } from "@/lib/cases/view/status-labels";

// SPEC §2/§4 lifecycle: every status move, the flow that makes it and the permission it needs, in
// one table (docs/decisions/0010-escalation-review.md).
// - A status edit (PATCH, the case page, bulk) moves open ⇄ waiting_on_customer, either → resolved,
//   reopens a resolved case, and resolves or reopens an escalated one (Apple fixed it, or Apple's
//   answer sends the work back to us): agents do that, it is the normal end of an escalation.
// - Into and out of escalation_review only the review flow moves a case: submit (agent and up),
//   approve → escalated and return → open (supervisor and up).
export type TransitionFlow = "status_edit" | "submit" | "approve" | "return";

export const FLOW_PERMISSION: Record<TransitionFlow, Permission> = {
  status_edit: "case:write",
  submit: "case:submit_escalation",
  approve: "escalation:review",
  return: "escalation:review",
};

const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseStatus, TransitionFlow>>> = {
  open: { waiting_on_customer: "status_edit", resolved: "status_edit", escalation_review: "submit" },
  waiting_on_customer: { open: "status_edit", resolved: "status_edit", escalation_review: "submit" },
  escalation_review: { escalated: "approve", open: "return" },
  escalated: { resolved: "status_edit", open: "status_edit" },
  resolved: { open: "status_edit", waiting_on_customer: "status_edit" },
};

/** The flow that moves a case from one status to another; null when no flow does. */
export function transitionFlow(from: CaseStatus, to: CaseStatus): TransitionFlow | null {
  return TRANSITIONS[from][to] ?? null;
}

/** Whether a status edit may set `to` on a case in `from` (setting the same status is a no-op). */
export function agentCanMove(from: CaseStatus, to: AgentStatus): boolean {
  return from === to || transitionFlow(from, to) === "status_edit";
}

/** The statuses a status edit offers for a case in `from` (with `from` itself), in lifecycle order; none when it offers nothing. */
export function statusEditTargets(from: CaseStatus): CaseStatus[] {
  const reachable = CASE_STATUSES.filter((to) => transitionFlow(from, to) === "status_edit");
  return reachable.length > 0 ? CASE_STATUSES.filter((to) => to === from || reachable.includes(to)) : [];
}

/** Statuses a case can be submitted for review from. */
export function canSubmitFrom(from: CaseStatus): boolean {
  return transitionFlow(from, "escalation_review") === "submit";
}

export function statusChangeRefusal(from: CaseStatus, to?: CaseStatus): string {
  const flow = to ? transitionFlow(from, to) : null;
  const current = statusInSentence(from);
  if (from === "escalation_review") return `The case is ${current}; a supervisor approves or returns it`;
  if (flow && flow !== "status_edit") return `The case is ${current}; that change goes through the escalation review`;
  return to ? `A case that is ${current} can't be set to ${statusInSentence(to)}` : `The case is ${current}`;
}

/**
 * The columns a status sets: `resolvedAt` follows the status, and a standing "returned" mark ends
 * when the case is submitted again or resolved (the return stays on the timeline).
 */
export function statusColumns(
  to: CaseStatus,
  now: Date,
): Pick<Prisma.CaseUncheckedUpdateInput, "status" | "resolvedAt" | "escalationReturnedAt" | "escalationReturnNote"> {
  const clearsReturn = to === "resolved" || to === "escalation_review";
  return { status: to, resolvedAt: to === "resolved" ? now : null, ...(clearsReturn ? { escalationReturnedAt: null, escalationReturnNote: null } : {}) };
}

/**
 * The columns and the timeline event of moving a case from one status to another: the one place
 * shape of a status change for every flow. `extra` lands in the event (a reason, Apple's number…).
 */
export function statusChange(
  caseId: string,
  from: CaseStatus,
  to: CaseStatus,
  now: Date,
  extra: Record<string, Prisma.InputJsonValue | null> = {},
): { data: Prisma.CaseUncheckedUpdateInput; event: NewCaseEvent } {
  return {
    data: statusColumns(to, now),
    event: { caseId, type: "status.changed", data: { from, to, ...extra } },
  };
}
