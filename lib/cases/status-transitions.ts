import type { AgentStatus, CaseStatus } from "@/lib/cases/case-schemas";

// SPEC §2 lifecycle, the part agents drive: open ⇄ waiting_on_customer, either → resolved, and a
// resolved case may be reopened. Cases in escalation review or escalated move only through the
// supervisor's review (a separate flow), so agents cannot pull them out by a status edit.
const FROM_AGENT_STATUSES: ReadonlySet<CaseStatus> = new Set(["open", "waiting_on_customer", "resolved"]);

export function agentCanMove(from: CaseStatus, to: AgentStatus): boolean {
  return from === to || FROM_AGENT_STATUSES.has(from);
}

export function statusChangeRefusal(from: CaseStatus): string {
  return `The case is ${from.replace("_", " ")}; its status changes through the escalation review`;
}
