import { isOlderThan } from "@/lib/rules/versions";
import { MatchCollector, onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { DeviceView, RuleContext, RuleDefinition } from "@/lib/rules/types";
import { ALL_PLATFORMS, MOBILE_PLATFORMS } from "@/lib/rules/catalog/platform-steps";

// Safe resets: after the quick checks, before any repair.

const OS_NAMES = { iphone: "iOS", ipad: "iPadOS", mac: "macOS", windows: "iCloud for Windows" } as const;

/** The version that matters for a device (iCloud for Windows on a PC) and the tenant's minimum. */
function versionFacts(view: DeviceView, ctx: RuleContext): { version: string | null; minimum: string } {
  const minimums = ctx.settings.thresholds.minOsVersion;
  switch (view.device.platform) {
    case "iphone":
      return { version: view.device.osVersion, minimum: minimums.ios };
    case "ipad":
      return { version: view.device.osVersion, minimum: minimums.ipados };
    case "mac":
      return { version: view.device.osVersion, minimum: minimums.macos };
    case "windows":
      return { version: view.device.icloudForWindowsVersion, minimum: minimums.icloudForWindows };
  }
}

export const RESET_RULES: RuleDefinition[] = [
  {
    id: "restart-device",
    version: 1,
    title: "Restart the device",
    customerTitle: "Restart your device",
    category: "resets",
    risk: "low",
    platforms: ALL_PLATFORMS,
    gate: "quick_checks",
    when: "Once every applicable quick check was tried.",
    condition: () => ({ strength: STRENGTH.hint, reasons: ["the quick checks didn't fix it"] }),
    instructions: {
      iphone: ["Hold the side button and either volume button until the slider appears, slide to power off, then switch it back on."],
      ipad: ["Hold the top button (and a volume button on models without Home) until the slider appears, power off, then switch back on."],
      mac: ["Apple menu > Restart."],
      windows: ["Start > Power > Restart."],
    },
    customerSteps: { any: ["Turn your device off and on again."] },
    warnings: [],
  },
  {
    id: "update-os",
    version: 1,
    title: "Update the operating system / iCloud for Windows",
    customerTitle: "Install the latest software update",
    category: "resets",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "A device's OS (iCloud for Windows on a PC) is older than the tenant minimum (strong) or unknown.",
    condition: (ctx) => {
      const match = new MatchCollector();
      const old: string[] = [];
      const unknown: DeviceView[] = [];
      for (const view of ctx.devices) {
        const { version, minimum } = versionFacts(view, ctx);
        if (version === null) unknown.push(view);
        else if (isOlderThan(version, minimum)) old.push(`${view.label} runs ${OS_NAMES[view.device.platform]} ${version} (older than ${minimum})`);
      }
      for (const fragment of old) match.add(STRENGTH.cause, fragment);
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("the software version isn't recorded for {devices}", unknown));
      return match.result();
    },
    instructions: {
      iphone: ["Settings > General > Software Update: install the latest iOS."],
      ipad: ["Settings > General > Software Update: install the latest iPadOS."],
      mac: ["System Settings > General > Software Update: install the latest macOS."],
      windows: ["Update iCloud for Windows from the Microsoft Store, and install pending Windows updates."],
    },
    customerSteps: { any: ["Install the latest software update for your device."] },
    warnings: ["routine-updates"],
  },
  {
    id: "toggle-icloud-photos",
    version: 1,
    title: "Toggle iCloud Photos off and on",
    customerTitle: "Switch iCloud Photos off and on again",
    category: "resets",
    risk: "medium",
    platforms: ALL_PLATFORMS,
    gate: "quick_checks",
    when: "Once every applicable quick check was tried without success.",
    // Same strength as a restart, so the low-risk restart keeps its place before this medium-risk reset.
    condition: () => ({ strength: STRENGTH.hint, reasons: ["the quick checks didn't clear the queue"] }),
    instructions: {
      iphone: [
        "Settings > [account name] > iCloud > Photos: switch Sync this iPhone off.",
        "If asked, choose to download the photos to the iPhone; never choose to remove them.",
        "Wait about 60 seconds, then switch it back on.",
      ],
      ipad: [
        "Settings > [account name] > iCloud > Photos: switch Sync this iPad off.",
        "If asked, choose to download the photos; never choose to remove them.",
        "Wait about 60 seconds, then switch it back on.",
      ],
      mac: ["Photos > Settings > iCloud: untick iCloud Photos, wait about a minute, tick it again."],
      windows: ["In iCloud for Windows, untick Photos (and Shared Albums) and click Apply.", "Tick them again and click Apply."],
    },
    customerSteps: {
      any: [
        "Switch iCloud Photos off in the settings, wait a minute, then switch it back on.",
        "If your iPhone asks, choose to keep (download) your photos, never to remove them.",
      ],
    },
    warnings: [],
  },
  {
    id: "force-quit-photos",
    version: 1,
    title: "Force-quit Photos and reopen it",
    customerTitle: "Close the Photos app completely and reopen it",
    category: "resets",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad's queue looks stuck.",
    condition: ({ stuckMobiles }) =>
      stuckMobiles.length > 0
        ? { strength: STRENGTH.hint, reasons: [onDevices("the upload queue looks stuck on {devices}", stuckMobiles)] }
        : null,
    instructions: {
      iphone: ["Swipe up from the bottom and pause (or double-press Home) to open the app switcher, then swipe Photos away.", "Reopen Photos and read the status line at the bottom of Library."],
      ipad: ["Swipe up from the bottom and pause to open the app switcher, then swipe Photos away.", "Reopen Photos and read the status line at the bottom of Library."],
    },
    customerSteps: { any: ["Close the Photos app fully from the app switcher, then open it again."] },
    warnings: [],
  },
  {
    id: "windows-restart-photo-agent",
    version: 1,
    title: "Restart the Apple Photo Library Agent on Windows",
    customerTitle: "Restart the iCloud photo helper on your PC",
    category: "resets",
    risk: "medium",
    platforms: ["windows"],
    when: "A Windows PC with the symptom 'Windows thumbnails missing'.",
    condition: ({ windowsPcs, symptoms }) =>
      windowsPcs.length > 0 && symptoms.has("windows_thumbnails_missing")
        ? { strength: STRENGTH.evidence, reasons: [onDevices("thumbnails are missing on {devices}", windowsPcs)] }
        : null,
    instructions: {
      windows: [
        "Press Ctrl+Shift+Esc to open Task Manager, select Apple Photo Library Agent and click End task; reopen iCloud for Windows.",
        "If thumbnails still don't appear, sign out of the iCloud app and sign back in.",
        "Apple's PC guide lists where the status messages appear in iCloud for Windows.",
      ],
    },
    customerSteps: { windows: ["Open Task Manager, end Apple Photo Library Agent, and open the iCloud app again."] },
    warnings: ["dont-sign-out-casually"],
  },
];
