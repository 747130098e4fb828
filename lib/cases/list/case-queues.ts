import { listCasesSchema, type CaseStatus, type ListCasesQuery, type ListCasesQueryInput } from "@/lib/cases/schemas/case-schemas";
import { listQueryToSearchParams } from "@/lib/cases/list/list-query-params";

// The desk's standing queues, each one list filter. The landing page counts them with the list's own
// where-builder (lib/cases/list/list-filter.ts) and links to the list with exactly this filter, and the
// built-in views are the same definitions: a figure and the list behind it cannot drift apart.

/** Cases someone still works on: not handed to review, escalated or resolved. */
export const ACTIVE_STATUSES: CaseStatus[] = ["open", "waiting_on_customer"];

export const CASE_QUEUE_IDS = ["my-open", "team-open", "unassigned-open", "waiting-on-customer", "ready-to-escalate", "escalation-review"] as const;
export type CaseQueueId = (typeof CASE_QUEUE_IDS)[number];

interface QueueDefinition {
  label: string;
  /** One line for the views menu and the landing figures. */
  description: string;
  query: ListCasesQueryInput;
}

const DEFINITIONS: Record<CaseQueueId, QueueDefinition> = {
  "my-open": {
    label: "My open cases",
    description: "Assigned to you, open or waiting on the customer",
    query: { assignee: "me", status: ACTIVE_STATUSES },
  },
  "team-open": {
    label: "Open cases in the team",
    description: "Everyone's open or waiting-on-customer cases",
    query: { status: ACTIVE_STATUSES },
  },
  "unassigned-open": {
    label: "Unassigned open cases",
    description: "Open cases nobody has picked up, oldest problem first",
    query: { assignee: "unassigned", status: ACTIVE_STATUSES, sort: "problemSince", dir: "asc" },
  },
  "waiting-on-customer": {
    label: "Waiting on customer",
    description: "Cases waiting for the customer to try something or reply",
    query: { status: ["waiting_on_customer"] },
  },
  "ready-to-escalate": {
    label: "Ready to escalate",
    description: "Active cases that meet every escalation criterion",
    query: { status: ACTIVE_STATUSES, escalationReady: true },
  },
  "escalation-review": {
    label: "Awaiting escalation review",
    description: "Submitted to a supervisor for escalation to Apple",
    query: { status: ["escalation_review"] },
  },
};

export type CaseQueue = { id: CaseQueueId; label: string; description: string; query: ListCasesQuery };

export const CASE_QUEUES: Record<CaseQueueId, CaseQueue> = Object.fromEntries(
  CASE_QUEUE_IDS.map((id) => [id, { id, ...DEFINITIONS[id], query: listCasesSchema.parse(DEFINITIONS[id].query) }]),
) as Record<CaseQueueId, CaseQueue>;

/** The list URL of a queue; `view` marks which view is open so the views menu can show it. */
export function queueHref(id: CaseQueueId): string {
  const params = listQueryToSearchParams(CASE_QUEUES[id].query);
  params.set("view", id);
  return `/cases?${params.toString()}`;
}
