import type { CaseFactsInput, DeviceInput } from "@/lib/facts/schema";
import type { RuleId } from "@/lib/rules/rule-ids";
import { seededRandom } from "@/lib/util/seeded-random";

// A few dozen realistic intake stories for the demo tenant, built from a seeded generator so every
// first start shows the same desk. Each story is a situation the guides describe.

export interface DemoCase {
  facts: CaseFactsInput;
  steps: Array<{ ruleId: RuleId; outcome: "resolved" | "no_change" | "worse" | "not_applicable" | "skipped"; note?: string; hoursAgo: number }>;
  status: "open" | "waiting_on_customer" | "resolved";
  assignTo: "agent" | "supervisor" | null;
}

const FIRST = ["Maria", "James", "Aisha", "Chen", "Lucas", "Priya", "Tom", "Sofia", "Kwame", "Elena", "Noah", "Yuki", "Omar", "Grace", "Ivan", "Lena"];
const LAST = ["Garcia", "Smith", "Khan", "Wei", "Martin", "Patel", "Brown", "Rossi", "Mensah", "Novak", "Jones", "Tanaka", "Haddad", "Okafor", "Petrov", "Weber"];
const IPHONES = ["iPhone 15 Pro", "iPhone 14", "iPhone 13 mini", "iPhone 16", "iPhone SE (3rd generation)", "iPhone 12"];
const IOS = ["17.5.1", "18.1", "16.7.8", "17.2", "18.0.1", "15.8"];
const MACS = ["MacBook Air (M2)", "MacBook Pro 14-inch (M3)", "iMac 24-inch (M1)", "Mac mini (M2)"];
const MACOS = ["14.5", "15.1", "13.6.7", "12.7.4"];

type Story = (pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean, now: Date) => Omit<DemoCase, "assignTo" | "status"> & { status?: DemoCase["status"] };

const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

const iphone = (pick: <T>(items: readonly T[]) => T, extra: Partial<DeviceInput> = {}): DeviceInput => ({
  key: "iphone",
  platform: "iphone",
  model: pick(IPHONES),
  osVersion: pick(IOS),
  ...extra,
});
const mac = (pick: <T>(items: readonly T[]) => T, extra: Partial<DeviceInput> = {}): DeviceInput => ({
  key: "mac",
  platform: "mac",
  model: pick(MACS),
  osVersion: pick(MACOS),
  ...extra,
});

const STORIES: Story[] = [
  // New photo from the iPhone never shows on the Mac: the Mac has the feature off.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 30),
      appleIdConsistent: true,
      devices: [iphone(pick, { icloudPhotosEnabled: true, network: "wifi" }), mac(pick, { icloudPhotosEnabled: false, network: "wifi" })],
      symptoms: ["photo_not_on_other_device"],
    },
    steps: [],
  }),
  // Stuck "Waiting To Upload" on an unplugged iPhone with Low Power Mode.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 50),
      appleSystemStatus: "ok",
      library: { itemCount: 18_400, sizeGb: 96, hasLargeFiles: true },
      icloudStorage: { totalGb: 200, freeGb: 40 },
      devices: [iphone(pick, { icloudPhotosEnabled: true, lowPowerMode: true, pluggedIn: false, network: "wifi" })],
      statusMessages: [{ deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting To Upload 1,204 Items", observedAt: hoursAgo(now, 20) }],
      symptoms: ["stuck_waiting_to_upload"],
    },
    steps: [
      { ruleId: "check-apple-system-status", outcome: "no_change", hoursAgo: 26 },
      { ruleId: "disable-low-power-mode", outcome: "no_change", note: "Turned off, queue still stuck", hoursAgo: 25 },
    ],
  }),
  // Paused on the iPhone, iCloud almost full.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 6),
      library: { itemCount: 9_800, sizeGb: 48, hasLargeFiles: false },
      icloudStorage: { totalGb: 50, freeGb: 0.4 },
      devices: [iphone(pick, { lowPowerMode: false, pluggedIn: true, network: "wifi", freeStorageGb: 3 })],
      statusMessages: [{ deviceKey: "iphone", message: "paused", text: "Upload Paused", observedAt: hoursAgo(now, 2) }],
      symptoms: ["stuck_waiting_to_upload"],
    },
    steps: [],
  }),
  // Blurry thumbnails on the iPhone: Optimize Storage.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 72),
      devices: [iphone(pick, { storageMode: "optimize", freeStorageGb: 60, network: "wifi", icloudPhotosEnabled: true })],
      symptoms: ["blurry_thumbnails"],
    },
    steps: [{ ruleId: "download-originals", outcome: "resolved", note: "Switched to Download and Keep Originals overnight", hoursAgo: 4 }],
    status: "resolved",
  }),
  // Windows PC missing thumbnails.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 14),
      appleIdConsistent: null,
      devices: [
        iphone(pick, { icloudPhotosEnabled: true, network: "wifi" }),
        { key: "pc", platform: "windows", model: "Dell XPS 13", osVersion: "11", icloudForWindowsVersion: "15.2.0.23", icloudPhotosEnabled: true, network: "wifi" },
      ],
      symptoms: ["windows_thumbnails_missing"],
    },
    steps: [],
  }),
  // Cellular only, Mobile Data for Photos off, on a VPN.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 3),
      devices: [iphone(pick, { network: "cellular", cellularDataForPhotos: false, vpn: true })],
      symptoms: ["slow_upload"],
    },
    steps: [],
  }),
  // Shared album item missing and a library count mismatch between iPad and Mac.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 40),
      appleIdConsistent: true,
      appleSystemStatus: "ok",
      library: { itemCount: 31_000, sizeGb: 180, hasLargeFiles: true },
      icloudStorage: { totalGb: 2000, freeGb: 900 },
      devices: [
        { key: "ipad", platform: "ipad", model: "iPad Air (5th generation)", osVersion: "17.4", icloudPhotosEnabled: true, network: "wifi", pluggedIn: true, lowPowerMode: false },
        mac(pick, { icloudPhotosEnabled: true, network: "wifi", freeStorageGb: 12, storageMode: "originals" }),
      ],
      statusMessages: [{ deviceKey: "mac", message: "updating", text: "Updating 31,004 Items", observedAt: hoursAgo(now, 10) }],
      symptoms: ["shared_album_missing", "library_count_mismatch"],
    },
    steps: [{ ruleId: "check-shared-albums", outcome: "no_change", hoursAgo: 8 }],
  }),
  // Apple outage recorded: everything waits.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 2),
      appleSystemStatus: "outage",
      devices: [iphone(pick, { network: "wifi" })],
      symptoms: ["photo_not_on_other_device"],
    },
    steps: [],
    status: "waiting_on_customer",
  }),
  // Hotspot on a trip, large HDR videos, Finder sync still on.
  (pick, _c, now) => ({
    facts: {
      customer: { name: "", email: null },
      problemSince: hoursAgo(now, 20),
      library: { itemCount: 4_200, sizeGb: 70, hasLargeFiles: true },
      devices: [iphone(pick, { network: "hotspot", finderSync: true, dateTimeAutomatic: false }), mac(pick, { network: "wifi" })],
      statusMessages: [{ deviceKey: "iphone", message: "uploading", text: "Uploading 312 Items", observedAt: hoursAgo(now, 1) }],
      symptoms: ["slow_upload", "edits_not_syncing"],
    },
    steps: [],
  }),
];

export function demoCases(count: number, now: Date, seed = 20261121): DemoCase[] {
  const random = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  return Array.from({ length: count }, (_, index) => {
    const story = STORIES[index % STORIES.length]!(pick, chance, now);
    const first = pick(FIRST);
    const last = pick(LAST);
    story.facts.customer = { name: `${first} ${last}`, email: `${first}.${last}${index}@example.com`.toLowerCase() };
    return {
      facts: story.facts,
      steps: story.steps,
      status: story.status ?? (chance(0.15) ? "waiting_on_customer" : "open"),
      assignTo: chance(0.5) ? "agent" : chance(0.3) ? "supervisor" : null,
    };
  });
}
