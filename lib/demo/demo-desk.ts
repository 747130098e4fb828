import { createCase } from "@/lib/cases/create-case";
import { ACTIVE_STATUSES } from "@/lib/cases/case-queues";
import type { CaseFactsInput } from "@/lib/facts/schema";
import { createSavedView } from "@/lib/saved-views/manage-views";
import type { TenantContext } from "@/lib/tenancy/context";

// The agent's desk in the demo (issue 12): a case where much is unknown and much is wrong, so the
// engine suggests more than fifteen steps and the case page shows how it leads with the next three
// (three facts there explain the problem by themselves); and a few saved views, personal and team.

export const BUSY_DEMO_CUSTOMER = "Dana Whitfield";

const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

export function busyCaseFacts(now: Date): CaseFactsInput {
  return {
    customer: { name: BUSY_DEMO_CUSTOMER, email: "dana.whitfield@example.com" },
    problemSince: hoursAgo(now, 20),
    appleIdConsistent: null,
    appleSystemStatus: "unknown",
    library: { itemCount: 48_000, sizeGb: 260, hasLargeFiles: true },
    icloudStorage: { totalGb: 200, freeGb: 0.6 },
    devices: [
      { key: "iphone", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5.1", icloudPhotosEnabled: true, lowPowerMode: true, pluggedIn: false, network: "cellular", freeStorageGb: 3.2, storageMode: "originals" },
      { key: "ipad", platform: "ipad", model: "iPad Air (M2)", osVersion: "17.4", icloudPhotosEnabled: false },
      { key: "mac", platform: "mac", model: "MacBook Pro 14-inch (M3)", osVersion: "14.5", icloudPhotosEnabled: true },
      { key: "pc", platform: "windows", model: "Surface Laptop 5", osVersion: "11.0" },
    ],
    statusMessages: [
      { deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting to Upload 3,112 Items", observedAt: hoursAgo(now, 3) },
      { deviceKey: "iphone", message: "paused", text: "Upload Paused", observedAt: hoursAgo(now, 2) },
      { deviceKey: "pc", message: "other", text: "Preparing to upload…", observedAt: hoursAgo(now, 1) },
    ],
    symptoms: ["stuck_waiting_to_upload", "photo_not_on_other_device", "library_count_mismatch", "blurry_thumbnails"],
  };
}

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
