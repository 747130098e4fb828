import { createCase } from "@/lib/cases/create-case";
import { ACTIVE_STATUSES } from "@/lib/cases/list/case-queues";
import { createSavedView } from "@/lib/saved-views/manage-views";
import { busyCaseFacts } from "@/lib/demo/busy-case";
import type { TenantContext } from "@/lib/tenancy/context";

// The agent's desk in the demo (issue 12): a case where much is unknown and much is wrong, so the
// engine suggests more than fifteen steps and the case page shows how it leads with the next three
// (three facts there explain the problem by themselves); and a few saved views, personal and team.

export async function seedDemoDesk(input: { tenantId: string; agentId: string; supervisorId: string; now: Date }): Promise<void> {
  const { tenantId, agentId, supervisorId, now } = input;
  const agent: TenantContext = { tenantId, actor: { kind: "user", userId: agentId, role: "agent", label: "Alex Agent" } };
  const supervisor: TenantContext = { tenantId, actor: { kind: "user", userId: supervisorId, role: "supervisor", label: "Sam Supervisor" } };

  await createCase(agent, { ...busyCaseFacts(now), assigneeId: agentId, status: "open" }, { now });

  await createSavedView(agent, { name: "My Mac cases", query: { assignee: "me", platform: ["mac"], status: ACTIVE_STATUSES } });
  await createSavedView(agent, {
    name: "Stuck more than a day",
    query: { status: ACTIVE_STATUSES, problemAgeMinHours: 24, sort: "problemSince", dir: "asc" },
    hiddenColumns: ["createdAt", "devices"],
  });
  await createSavedView(supervisor, { name: "Oldest open problems", shared: true, query: { status: ACTIVE_STATUSES, sort: "problemSince", dir: "asc" } });
  await createSavedView(supervisor, { name: "Windows PCs", shared: true, query: { platform: ["windows"], status: ACTIVE_STATUSES }, hiddenColumns: ["createdAt"] });
}
