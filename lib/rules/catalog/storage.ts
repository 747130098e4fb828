import { MatchCollector, onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { RuleDefinition } from "@/lib/rules/types";
import { APPLE_PLATFORMS, MOBILE_PLATFORMS, sameSteps } from "@/lib/rules/catalog/platform-steps";

// Space in iCloud and on the devices: either one running low stops sync.

const formatGb = (gb: number) => `${Math.round(gb * 10) / 10} GB`;

export const STORAGE_RULES: RuleDefinition[] = [
  {
    id: "free-icloud-storage",
    version: 2,
    title: "Check iCloud storage; free space or upgrade the plan",
    customerTitle: "Make room in your iCloud storage",
    category: "storage",
    risk: "low",
    platforms: ["iphone", "ipad", "mac", "windows"],
    when: "Free iCloud storage below the threshold (default 1 GB) or the library larger than the plan (strong); Waiting to Upload seen or stuck symptom; free iCloud storage unknown.",
    explainsWhen: "Items are waiting to upload (Waiting to Upload seen, or the stuck symptom) while iCloud is full or smaller than the library: there is no room for what is waiting.",
    condition: ({ facts, settings, seenOn, symptoms }) => {
      const match = new MatchCollector();
      const { totalGb, freeGb } = facts.icloudStorage;
      const { sizeGb } = facts.library;
      const full = freeGb !== null && freeGb < settings.thresholds.lowIcloudFreeGb;
      const tooSmall = totalGb !== null && sizeGb !== null && sizeGb > totalGb;
      if (full) match.add(STRENGTH.cause, `only ${formatGb(freeGb)} of iCloud storage is free`);
      if (tooSmall) match.add(STRENGTH.cause, `the library (${formatGb(sizeGb)}) is larger than the iCloud plan (${formatGb(totalGb)})`);
      const waiting = seenOn.waiting_to_upload.length > 0 || symptoms.has("stuck_waiting_to_upload");
      if (waiting && (full || tooSmall)) match.explain("the items waiting to upload have no room in iCloud");
      else if (waiting) match.add(STRENGTH.hint, "items are waiting to upload, which a full iCloud causes");
      if (freeGb === null) match.add(STRENGTH.unknown, "free iCloud storage isn't recorded");
      return match.result();
    },
    instructions: {
      iphone: ["Settings > [account name] > iCloud: the bar at the top shows used and free iCloud storage.", "Free space (old device backups, large attachments) or upgrade the iCloud+ plan from there."],
      ipad: ["Settings > [account name] > iCloud: the bar at the top shows used and free iCloud storage.", "Free space (old device backups, large attachments) or upgrade the iCloud+ plan from there."],
      mac: ["System Settings > [account name] > iCloud shows the storage bar; Manage lets you free space or change the plan."],
      windows: ["iCloud for Windows shows the storage bar; Storage lets you see what uses it and change the plan."],
    },
    customerSteps: {
      any: [
        "Check how much iCloud storage is free (Settings, your name, iCloud on iPhone).",
        "Delete things you no longer need from iCloud, such as old backups, or choose a bigger iCloud plan.",
      ],
    },
    warnings: ["free-tier-is-small", "keep-icloud-buffer", "no-third-party-cleaners"],
  },
  {
    id: "free-device-storage",
    version: 1,
    title: "Free space on the device",
    customerTitle: "Make room on your device",
    category: "storage",
    risk: "low",
    platforms: ["iphone", "ipad", "windows"],
    when: "An iPhone/iPad/PC has less free space than the threshold (default 5 GB, strong), or large files with under twice the threshold, or free space unknown.",
    condition: ({ devices, facts, settings }) => {
      const match = new MatchCollector();
      const { lowDeviceStorageGb } = settings.thresholds;
      const relevant = devices.filter((view) => view.device.platform !== "mac");
      const low = relevant.filter((view) => view.device.freeStorageGb !== null && view.device.freeStorageGb < lowDeviceStorageGb);
      if (low.length > 0) match.add(STRENGTH.cause, onDevices(`{devices} has less than ${lowDeviceStorageGb} GB free`, low));
      if (facts.library.hasLargeFiles === true) {
        // Large files need headroom: twice the threshold is the "little room" band.
        const tight = relevant.filter((view) => {
          const free = view.device.freeStorageGb;
          return free !== null && free >= lowDeviceStorageGb && free < lowDeviceStorageGb * 2;
        });
        if (tight.length > 0) match.add(STRENGTH.hint, onDevices("the library has large files and {devices} has little headroom", tight));
      }
      const unknown = relevant.filter((view) => view.device.freeStorageGb === null);
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("free storage isn't recorded for {devices}", unknown));
      return match.result();
    },
    instructions: {
      ...sameSteps(MOBILE_PLATFORMS, [
        "Settings > General > [device] Storage shows free space and what uses it.",
        "Offload unused apps and remove large files you don't need (not photos) until several GB are free.",
        "Keep extra headroom when 4K video or long Live Photos are moving.",
      ]),
      windows: [
        "Settings > System > Storage: check free space on the drive that holds the iCloud Photos folder.",
        "Free several GB so downloads can land.",
      ],
    },
    customerSteps: {
      any: [
        "Check your device's free space and free up several gigabytes (remove apps or files you don't need, not photos).",
        "Large videos need more room, so keep a good margin free.",
      ],
    },
    warnings: ["no-third-party-cleaners"],
  },
  {
    id: "optimize-device-storage",
    version: 1,
    title: "Turn on Optimize Storage",
    customerTitle: "Let iCloud keep smaller copies on your device",
    category: "storage",
    risk: "low",
    platforms: APPLE_PLATFORMS,
    when: "An Apple device is below the storage threshold and keeps originals (strong) or its storage mode is unknown.",
    condition: ({ devices, settings }) => {
      const match = new MatchCollector();
      const low = devices.filter(
        (view) =>
          view.device.platform !== "windows" &&
          view.device.freeStorageGb !== null &&
          view.device.freeStorageGb < settings.thresholds.lowDeviceStorageGb,
      );
      const originals = low.filter((view) => view.device.storageMode === "originals");
      const unknownMode = low.filter((view) => view.device.storageMode === null);
      if (originals.length > 0) match.add(STRENGTH.cause, onDevices("{devices} is low on space and keeps full-size originals", originals));
      if (unknownMode.length > 0) match.add(STRENGTH.hint, onDevices("{devices} is low on space and its storage mode isn't recorded", unknownMode));
      return match.result();
    },
    instructions: {
      iphone: ["Settings > [account name] > iCloud > Photos: choose Optimize iPhone Storage.", "Originals stay in iCloud and download on demand."],
      ipad: ["Settings > [account name] > iCloud > Photos: choose Optimize iPad Storage.", "Originals stay in iCloud and download on demand."],
      mac: ["Photos > Settings > iCloud: choose Optimize Mac Storage."],
    },
    customerSteps: {
      any: ["In the iCloud Photos settings, choose Optimize Storage: full-size photos stay in iCloud and your device keeps lighter copies."],
    },
    warnings: [],
  },
  {
    id: "mac-free-disk",
    version: 1,
    title: "Check free disk space on the Mac",
    customerTitle: "Make room on your Mac",
    category: "storage",
    risk: "low",
    platforms: ["mac"],
    when: "A Mac has less free disk than the threshold (strong) or its free space is unknown.",
    condition: ({ macs, settings }) => {
      const match = new MatchCollector();
      const low = macs.filter((view) => view.device.freeStorageGb !== null && view.device.freeStorageGb < settings.thresholds.lowDeviceStorageGb);
      if (low.length > 0) match.add(STRENGTH.cause, onDevices(`{devices} has less than ${settings.thresholds.lowDeviceStorageGb} GB free`, low));
      const unknown = macs.filter((view) => view.device.freeStorageGb === null);
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("free disk space isn't recorded for {devices}", unknown));
      return match.result();
    },
    instructions: {
      mac: [
        "Apple menu > About This Mac > Storage (System Settings > General > Storage on recent macOS) shows free space.",
        "If space is tight, move old video projects or archives to an external drive before asking Photos for full-size originals.",
      ],
    },
    customerSteps: { mac: ["Check your Mac's free space and move big old files to an external drive if it's tight."] },
    warnings: ["no-third-party-cleaners"],
  },
];
