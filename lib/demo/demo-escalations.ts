import { readFile } from "node:fs/promises";
import { saveScreenshot } from "@/lib/cases/attachments";
import { createCase } from "@/lib/cases/create-case";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { workThroughSuggestedSteps } from "@/lib/demo/work-through-steps";
import { runEscalationAction } from "@/lib/escalation/escalation-action";
import type { CaseFactsInput } from "@/lib/facts/schema";
import type { TenantContext } from "@/lib/tenancy/context";

// The escalation review in the demo tenant: a case in every state (ready, awaiting review — one
// with a supervisor's override —, returned with a reason, escalated with Apple's number), with
// screenshots of the status messages so the packet shows images. Made through the real services,
// at times spread over the last days, so the queue's order and ages read like a real desk.

type Screenshot = "iphone-waiting-to-upload" | "mac-upload-paused" | "ipad-upload-paused";

interface Story {
  name: string;
  email: string;
  facts: (at: (hoursAgo: number) => string) => Omit<CaseFactsInput, "customer">;
  screenshots: Partial<Record<number, Screenshot>>;
  /** Hours ago each thing happened; the steps are tried just after intake. */
  openedHoursAgo: number;
  workSteps: boolean;
  submit?: { hoursAgo: number; by: "agent" | "supervisor"; note?: string; override?: string };
  decide?: { hoursAgo: number; approve?: string; returnReason?: string };
}

const iphone = { key: "iphone", platform: "iphone", model: "iPhone 15 Pro", osVersion: "18.1", icloudPhotosEnabled: true, storageMode: "optimize", freeStorageGb: 40, lowPowerMode: false, pluggedIn: true, network: "wifi", vpn: false, cellularDataForPhotos: true, finderSync: false, dateTimeAutomatic: true } as const;
const mac = { key: "mac", platform: "mac", model: "MacBook Pro 14-inch (M3)", osVersion: "15.1", icloudPhotosEnabled: true, storageMode: "originals", freeStorageGb: 220, pluggedIn: true, network: "wifi", vpn: false, dateTimeAutomatic: true } as const;
const ipad = { key: "ipad", platform: "ipad", model: "iPad Air (5th generation)", osVersion: "18.0.1", icloudPhotosEnabled: true, storageMode: "optimize", freeStorageGb: 25, lowPowerMode: false, pluggedIn: true, network: "wifi", vpn: false, cellularDataForPhotos: true, dateTimeAutomatic: true } as const;

const STORIES: Story[] = [
  {
    name: "Hannah Lindqvist", email: "hannah.lindqvist@example.com", openedHoursAgo: 54, workSteps: true,
    facts: (at) => ({
      problemSince: at(80), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 14_394, sizeGb: 96, hasLargeFiles: false }, icloudStorage: { totalGb: 200, freeGb: 61 },
      devices: [iphone], symptoms: [],
      statusMessages: [{ deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting to Upload 1,204 Items", observedAt: at(30) }],
    }),
    screenshots: { 0: "iphone-waiting-to-upload" },
  },
  {
    name: "Daniel Asante", email: "daniel.asante@example.com", openedHoursAgo: 40, workSteps: true,
    facts: (at) => ({
      problemSince: at(60), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 8_120, sizeGb: 44, hasLargeFiles: false }, icloudStorage: { totalGb: 200, freeGb: 130 },
      devices: [ipad], symptoms: [],
      statusMessages: [{ deviceKey: "ipad", message: "paused", text: "Upload to iCloud paused. 326 items could not be uploaded.", observedAt: at(26) }],
    }),
    screenshots: { 0: "ipad-upload-paused" },
  },
  {
    name: "Marcus Obi", email: "marcus.obi@example.com", openedHoursAgo: 70, workSteps: true,
    submit: { hoursAgo: 20, by: "agent", note: "Both devices have stayed stuck on Wi-Fi and power for three days." },
    facts: (at) => ({
      problemSince: at(96), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 31_004, sizeGb: 212, hasLargeFiles: true }, icloudStorage: { totalGb: 2000, freeGb: 1240 },
      devices: [iphone, mac], symptoms: [],
      statusMessages: [
        { deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting to Upload 1,204 Items", observedAt: at(50) },
        { deviceKey: "mac", message: "other", text: "Upload Paused: Unable to upload 12 items", observedAt: at(48) },
      ],
    }),
    screenshots: { 0: "iphone-waiting-to-upload", 1: "mac-upload-paused" },
  },
  {
    name: "Sofia Marchetti", email: "sofia.marchetti@example.com", openedHoursAgo: 9, workSteps: false,
    submit: { hoursAgo: 6, by: "supervisor", override: "Apple Support asked for this case by name after the customer's own call; the remaining steps would wipe her local edits." },
    facts: (at) => ({
      problemSince: at(12), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 52_000, sizeGb: 410, hasLargeFiles: true }, icloudStorage: { totalGb: 2000, freeGb: 800 },
      devices: [mac], symptoms: ["items_missing"],
      statusMessages: [{ deviceKey: "mac", message: "other", text: "Upload Paused: Unable to upload 12 items", observedAt: at(8) }],
    }),
    screenshots: { 0: "mac-upload-paused" },
  },
  {
    name: "Priya Raman", email: "priya.raman@example.com", openedHoursAgo: 60, workSteps: true,
    submit: { hoursAgo: 30, by: "agent" },
    decide: { hoursAgo: 26, returnReason: "Add a screenshot of the iPhone's status in Photos (not only the text) and confirm the iPhone stayed on Wi-Fi overnight." },
    facts: (at) => ({
      problemSince: at(90), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 6_900, sizeGb: 38, hasLargeFiles: false }, icloudStorage: { totalGb: 50, freeGb: 20 },
      devices: [iphone], symptoms: [],
      statusMessages: [{ deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting to Upload 88 Items", observedAt: at(40) }],
    }),
    screenshots: {},
  },
  {
    name: "Jonas Becker", email: "jonas.becker@example.com", openedHoursAgo: 150, workSteps: true,
    submit: { hoursAgo: 100, by: "agent", note: "Customer is travelling from Friday; Apple may call him on the number in his Apple ID." },
    decide: { hoursAgo: 96, approve: "102483917" },
    facts: (at) => ({
      problemSince: at(180), appleIdConsistent: true, appleSystemStatus: "ok",
      library: { itemCount: 22_510, sizeGb: 140, hasLargeFiles: true }, icloudStorage: { totalGb: 200, freeGb: 52 },
      devices: [ipad, mac], symptoms: [],
      statusMessages: [
        { deviceKey: "ipad", message: "paused", text: "Upload to iCloud paused. 326 items could not be uploaded.", observedAt: at(130) },
        { deviceKey: "mac", message: "other", text: "Upload Paused: Unable to upload 12 items", observedAt: at(128) },
      ],
    }),
    screenshots: { 0: "ipad-upload-paused", 1: "mac-upload-paused" },
  },
];

export async function seedDemoEscalations(tenantId: string, people: { agentId: string; supervisorId: string }, now: Date): Promise<void> {
  const agent: TenantContext = { tenantId, actor: { kind: "user", userId: people.agentId, role: "agent", label: DEMO_ACCOUNTS[0]!.name } };
  const supervisor: TenantContext = { tenantId, actor: { kind: "user", userId: people.supervisorId, role: "supervisor", label: DEMO_ACCOUNTS[1]!.name } };
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const iso = (hoursAgo: number) => at(hoursAgo).toISOString();
  const bytes = new Map<Screenshot, Uint8Array>();
  for (const name of ["iphone-waiting-to-upload", "mac-upload-paused", "ipad-upload-paused"] as const) {
    bytes.set(name, new Uint8Array(await readFile(new URL(`./screenshots/${name}.png`, import.meta.url))));
  }

  for (const story of STORIES) {
    const facts = story.facts(iso);
    const statusMessages = [];
    for (const [index, status] of (facts.statusMessages ?? []).entries()) {
      const shot = story.screenshots[index];
      const screenshotId = shot ? (await saveScreenshot(agent, { contentType: "image/png", bytes: bytes.get(shot)! })).id : null;
      statusMessages.push({ ...status, screenshotId });
    }
    const opened = at(story.openedHoursAgo);
    const created = await createCase(agent, { ...facts, statusMessages, customer: { name: story.name, email: story.email }, assigneeId: people.agentId }, { now: opened });
    let view = created.case;
    if (story.workSteps) view = await workThroughSuggestedSteps(agent, view.id, { now: at(story.openedHoursAgo - 2), hoursAgo: 1, note: "Tried with the customer on the phone" });
    if (!story.submit) continue;
    view = await runEscalationAction(story.submit.by === "agent" ? agent : supervisor, view.id, {
      action: "submit", version: view.version, note: story.submit.note ?? null, override: story.submit.override ?? null,
    }, { now: at(story.submit.hoursAgo) });
    if (!story.decide) continue;
    const decision = story.decide.approve
      ? { action: "approve", version: view.version, appleCaseNumber: story.decide.approve }
      : { action: "return", version: view.version, reason: story.decide.returnReason };
    await runEscalationAction(supervisor, view.id, decision, { now: at(story.decide.hoursAgo) });
  }
}
