import { describe, expect, it } from "vitest";
import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { RULE_IDS, type RuleId } from "@/lib/rules/catalog";
import { suggest } from "@/lib/rules/engine";
import { resolveSettings, type RuleSettings } from "@/lib/rules/settings";
import { healthyDevice, healthyFacts, NOW, step, triedAll } from "@/tests/support/facts-factory";

// One block per rule: it fires when its facts say so (and the reason names those facts),
// and it stays silent on a healthy case where every fact is known and fine.

type Scenario = { facts: CaseFacts; tried?: TriedStep[]; settings?: RuleSettings };
type RuleCase = { fires: Scenario; reasonMentions: string[]; silent: Scenario };

const run = ({ facts, tried = [], settings }: Scenario) => suggest(facts, { triedSteps: tried, settings, now: NOW });

const healthyMac = () => healthyFacts({ devices: [healthyDevice("mac")] });
const macQuickChecks: RuleId[] = ["test-fresh-shot", "mac-keep-photos-open"];
const stuckIphone = () => healthyFacts({ symptoms: ["stuck_waiting_to_upload"] });
const waitingOn = (key: string, message: "waiting_to_upload" | "paused" | "uploading" = "waiting_to_upload") => ({
  deviceKey: key,
  message,
  text: null,
  observedAt: "2024-06-01T10:00:00Z",
  screenshotId: null,
});

const CASES: Record<RuleId, RuleCase> = {
  "check-apple-system-status": {
    fires: { facts: healthyFacts({ appleSystemStatus: "unknown" }) },
    reasonMentions: ["System Status", "hasn't been checked"],
    silent: { facts: healthyFacts() },
  },
  "same-apple-id": {
    fires: { facts: healthyFacts({ appleIdConsistent: false }) },
    reasonMentions: ["different Apple IDs"],
    silent: { facts: healthyFacts() },
  },
  "enable-icloud-photos": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone"), healthyDevice("mac", "mac", { icloudPhotosEnabled: false })] }) },
    reasonMentions: ["iCloud Photos is off on the Mac"],
    silent: { facts: healthyFacts() },
  },
  "keep-photos-open-plugged-in": {
    fires: { facts: healthyFacts({ statusMessages: [waitingOn("iphone")] }) },
    reasonMentions: ["Waiting to Upload was seen on the iPhone"],
    silent: { facts: healthyFacts() },
  },
  "mac-keep-photos-open": {
    fires: { facts: healthyMac() },
    reasonMentions: ["the Mac", "Photos is running"],
    silent: { facts: healthyFacts() },
  },
  "nudge-upload": {
    fires: { facts: stuckIphone() },
    reasonMentions: ["stuck", "the iPhone"],
    silent: { facts: healthyFacts() },
  },
  "windows-uploads-folder": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("windows")], statusMessages: [waitingOn("windows")] }) },
    reasonMentions: ["uploads aren't moving", "Windows PC"],
    silent: { facts: healthyFacts({ devices: [healthyDevice("windows")] }) },
  },
  "test-fresh-shot": {
    fires: { facts: healthyFacts() },
    reasonMentions: ["fresh item"],
    silent: { facts: healthyFacts(), settings: resolveSettings({ disabledRules: ["test-fresh-shot"] }) },
  },
  "check-shared-albums": {
    fires: { facts: healthyFacts({ symptoms: ["shared_album_missing"] }) },
    reasonMentions: ["shared album"],
    silent: { facts: healthyFacts() },
  },
  "check-hidden-recently-deleted": {
    fires: { facts: healthyFacts({ symptoms: ["items_missing", "library_count_mismatch"] }) },
    reasonMentions: ["missing", "counts differ"],
    silent: { facts: healthyFacts() },
  },
  "check-date-time": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { dateTimeAutomatic: false })] }) },
    reasonMentions: ["set by hand", "the iPhone"],
    silent: { facts: healthyFacts() },
  },
  "turn-off-finder-sync": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { finderSync: true })] }) },
    reasonMentions: ["the iPhone", "Finder"],
    silent: { facts: healthyFacts() },
  },
  "download-originals": {
    fires: { facts: healthyFacts({ symptoms: ["blurry_thumbnails"] }) },
    reasonMentions: ["blurry", "Optimize Storage"],
    silent: { facts: healthyFacts() },
  },
  "free-icloud-storage": {
    fires: { facts: healthyFacts({ icloudStorage: { totalGb: 50, freeGb: 0.5 } }) },
    reasonMentions: ["0.5 GB of iCloud storage is free"],
    silent: { facts: healthyFacts() },
  },
  "free-device-storage": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { freeStorageGb: 2 })] }) },
    reasonMentions: ["the iPhone has less than 5 GB free"],
    silent: { facts: healthyFacts() },
  },
  "optimize-device-storage": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { freeStorageGb: 2, storageMode: "originals" })] }) },
    reasonMentions: ["low on space", "originals"],
    silent: { facts: healthyFacts() },
  },
  "mac-free-disk": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("mac", "mac", { freeStorageGb: 1 })] }) },
    reasonMentions: ["the Mac has less than 5 GB free"],
    silent: { facts: healthyMac() },
  },
  "disable-low-power-mode": {
    fires: {
      facts: healthyFacts({
        devices: [healthyDevice("iphone", "iphone", { lowPowerMode: true })],
        statusMessages: [waitingOn("iphone", "paused")],
      }),
    },
    // Low Power Mode on the device that says Paused: one fact that explains the other (issue 12).
    reasonMentions: ["the iPhone says Paused", "Low Power Mode on", "by itself pauses uploads"],
    silent: { facts: healthyFacts() },
  },
  "plug-in-to-charge": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { pluggedIn: false })] }) },
    reasonMentions: ["the iPhone isn't plugged in"],
    silent: { facts: healthyFacts() },
  },
  "stable-wifi": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { network: "hotspot" })] }) },
    reasonMentions: ["the iPhone is on personal hotspot"],
    silent: { facts: healthyFacts() },
  },
  "disable-vpn-firewall": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { vpn: true })] }) },
    reasonMentions: ["VPN is active on the iPhone"],
    // Deliberate: an unknown VPN is not a reason on its own.
    silent: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { vpn: null })] }) },
  },
  "enable-cellular-photos": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { network: "cellular", cellularDataForPhotos: false })] }) },
    reasonMentions: ["cellular", "the iPhone"],
    silent: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { network: "cellular", cellularDataForPhotos: true })] }) },
  },
  "background-app-refresh": {
    fires: { facts: stuckIphone() },
    reasonMentions: ["stuck"],
    silent: { facts: healthyFacts() },
  },
  "mac-allow-background-on-power": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("mac")], library: { itemCount: 50_000, sizeGb: 300, hasLargeFiles: false } }) },
    reasonMentions: ["library is large"],
    silent: { facts: healthyMac() },
  },
  "large-files-patience": {
    fires: { facts: healthyFacts({ library: { itemCount: 100, sizeGb: 5, hasLargeFiles: true } }) },
    reasonMentions: ["large files"],
    silent: { facts: healthyFacts() },
  },
  "restart-device": {
    fires: { facts: healthyFacts(), tried: [step("test-fresh-shot")] },
    reasonMentions: ["quick checks"],
    silent: { facts: healthyFacts() },
  },
  "update-os": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("iphone", "iphone", { osVersion: "16.2" })] }) },
    reasonMentions: ["the iPhone runs iOS 16.2", "older than 17.0"],
    silent: { facts: healthyFacts() },
  },
  "toggle-icloud-photos": {
    fires: { facts: healthyFacts(), tried: [step("test-fresh-shot")] },
    reasonMentions: ["quick checks"],
    silent: { facts: healthyFacts() },
  },
  "force-quit-photos": {
    fires: { facts: stuckIphone() },
    reasonMentions: ["stuck", "the iPhone"],
    silent: { facts: healthyFacts() },
  },
  "windows-restart-photo-agent": {
    fires: { facts: healthyFacts({ devices: [healthyDevice("windows")], symptoms: ["windows_thumbnails_missing"] }) },
    reasonMentions: ["thumbnails are missing on the Windows PC"],
    silent: { facts: healthyFacts({ symptoms: ["windows_thumbnails_missing"] }) },
  },
  "repair-library-mac": {
    fires: { facts: healthyMac(), tried: triedAll([...macQuickChecks, "restart-device", "toggle-icloud-photos"]) },
    reasonMentions: ["safe resets", "the Mac"],
    silent: { facts: healthyMac(), tried: triedAll(macQuickChecks) },
  },
  "reset-photo-analysis": {
    fires: {
      facts: healthyFacts({ devices: [healthyDevice("mac")], library: { itemCount: 80_000, sizeGb: 400, hasLargeFiles: false } }),
      tried: triedAll([...macQuickChecks, "mac-allow-background-on-power", "restart-device", "toggle-icloud-photos", "repair-library-mac"]),
    },
    reasonMentions: ["large", "repaired"],
    silent: {
      facts: healthyFacts({ devices: [healthyDevice("mac")], library: { itemCount: 80_000, sizeGb: 400, hasLargeFiles: false } }),
      tried: triedAll([...macQuickChecks, "mac-allow-background-on-power", "restart-device", "toggle-icloud-photos"]),
    },
  },
  "sign-out-icloud": {
    fires: { facts: healthyFacts(), tried: triedAll(["test-fresh-shot", "restart-device", "toggle-icloud-photos"]) },
    reasonMentions: ["every other applicable step was tried"],
    silent: { facts: healthyFacts(), tried: triedAll(["test-fresh-shot", "restart-device"]) },
  },
};

describe("every rule of the catalog", () => {
  it("has a scenario in this file", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_IDS].sort());
  });

  for (const ruleId of RULE_IDS) {
    describe(ruleId, () => {
      const scenario = CASES[ruleId];

      it("fires when its facts match, and the reason names them", () => {
        const suggestion = run(scenario.fires).next.find((entry) => entry.ruleId === ruleId);
        expect(suggestion, `${ruleId} should be suggested`).toBeDefined();
        for (const words of scenario.reasonMentions) expect(suggestion!.reason.toLowerCase()).toContain(words.toLowerCase());
        // A sentence: capitalised, except Apple's own names (iCloud, iPhone) keep their lower-case i.
        expect(suggestion!.reason).toMatch(/^(?:[A-Z0-9'"]|i[A-Z])/);
        expect(suggestion!.instructions.length).toBeGreaterThan(0);
        expect(suggestion!.customerSteps.length).toBeGreaterThan(0);
      });

      it("stays silent when its facts don't match", () => {
        expect(run(scenario.silent).next.map((entry) => entry.ruleId)).not.toContain(ruleId);
      });

      it("is dropped when the tenant disables it", () => {
        const settings = resolveSettings({ disabledRules: [ruleId] });
        expect(run({ ...scenario.fires, settings }).next.map((entry) => entry.ruleId)).not.toContain(ruleId);
      });
    });
  }
});
