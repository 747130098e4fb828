import type { Prisma } from "@/lib/db/generated/client";
import type { AgentStatus, CaseStatus } from "@/lib/cases/case-schemas";
import type { NewCaseEvent } from "@/lib/cases/case-events";
import { CASE_STATUS_LABELS } from "@/lib/cases/status-labels";

// SPEC §2 lifecycle, the part agents drive: open ⇄ waiting_on_customer, either → resolved, and a
// resolved case may be reopened. Cases in escalation review or escalated move only through the
// supervisor's review (a separate flow), so agents cannot pull them out by a status edit.
const FROM_AGENT_STATUSES: ReadonlySet<CaseStatus> = new Set(["open", "waiting_on_customer", "resolved"]);

export function agentCanMove(from: CaseStatus, to: AgentStatus): boolean {
  return from === to || FROM_AGENT_STATUSES.has(from);
}

export function statusChangeRefusal(from: CaseStatus): string {
  return `The case is ${CASE_STATUS_LABELS[from].toLowerCase()}; its status changes through the escalation review`;
}

/** The columns a status sets: `resolvedAt` follows the status. */
export function statusColumns(to: CaseStatus, now: Date): Pick<Prisma.CaseUncheckedUpdateInput, "status" | "resolvedAt"> {
  return { status: to, resolvedAt: to === "resolved" ? now : null };
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
