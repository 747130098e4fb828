import { MatchCollector, onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { RuleDefinition } from "@/lib/rules/types";
import { ALL_PLATFORMS, APPLE_PLATFORMS, MOBILE_PLATFORMS, sameSteps } from "@/lib/rules/catalog/platform-steps";

// Device settings that quietly break matching or fight with iCloud Photos.

export const SETTINGS_RULES: RuleDefinition[] = [
  {
    id: "check-date-time",
    version: 1,
    title: "Set date, time and region to automatic",
    customerTitle: "Set the date and time to automatic",
    category: "settings",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "A device has automatic date and time off (strong) or unknown.",
    condition: ({ devices }) => {
      const match = new MatchCollector();
      const manual = devices.filter((view) => view.device.dateTimeAutomatic === false);
      const unknown = devices.filter((view) => view.device.dateTimeAutomatic === null);
      if (manual.length > 0) match.add(STRENGTH.cause, onDevices("date and time are set by hand on {devices}", manual));
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("it isn't known whether date and time are automatic on {devices}", unknown));
      return match.result();
    },
    instructions: {
      iphone: ["Settings > General > Date & Time: switch on Set Automatically and check the time zone.", "Settings > General > Language & Region: check the region."],
      ipad: ["Settings > General > Date & Time: switch on Set Automatically and check the time zone.", "Settings > General > Language & Region: check the region."],
      mac: ["System Settings > General > Date & Time: switch on automatic date and time and the automatic time zone.", "System Settings > General > Language & Region: check the region."],
      windows: ["Settings > Time & language > Date & time: switch on Set time automatically and Set time zone automatically.", "Settings > Time & language > Language & region: check the country or region."],
    },
    customerSteps: { any: ["In your device's settings, set the date and time to be set automatically, and check the region is right."] },
    warnings: [],
  },
  {
    id: "turn-off-finder-sync",
    version: 1,
    title: "Turn off Finder photo sync",
    customerTitle: "Stop syncing photos through Finder",
    category: "settings",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad also syncs through Finder (strong), or that is unknown while a Mac is in the case.",
    condition: ({ mobiles, macs }) => {
      const match = new MatchCollector();
      const syncing = mobiles.filter((view) => view.device.finderSync === true);
      if (syncing.length > 0) match.add(STRENGTH.cause, onDevices("{devices} also syncs photos through Finder", syncing));
      // Finder sync needs a Mac, so an unknown answer only matters when one is in the case.
      const unknown = macs.length > 0 ? mobiles.filter((view) => view.device.finderSync === null) : [];
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("it isn't known whether {devices} also syncs photos through Finder", unknown));
      return match.result();
    },
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Connect the device to the Mac with a cable and open Finder.",
      "Select the device in the Finder sidebar and open the Photos tab.",
      "Untick the option that syncs photos to the device, then click Apply, so iCloud Photos is the only source.",
    ]),
    customerSteps: {
      any: [
        "Connect your iPhone or iPad to your Mac and open Finder.",
        "Click your device, open Photos, untick photo syncing and click Apply.",
      ],
    },
    warnings: ["pick-one-sync-method"],
  },
  {
    id: "download-originals",
    version: 1,
    title: "Switch to Download and Keep Originals",
    customerTitle: "Keep full-size originals on the device",
    category: "settings",
    risk: "low",
    platforms: APPLE_PLATFORMS,
    when: "Symptom 'blurry thumbnails' (stronger when a device uses Optimize Storage).",
    condition: ({ symptoms, devices }) => {
      if (!symptoms.has("blurry_thumbnails")) return null;
      const match = new MatchCollector().add(STRENGTH.evidence, "thumbnails look blurry or soft");
      const optimizing = devices.filter((view) => view.device.platform !== "windows" && view.device.storageMode === "optimize");
      if (optimizing.length > 0) match.add(STRENGTH.hint, onDevices("{devices} uses Optimize Storage, which keeps small copies", optimizing));
      return match.result();
    },
    instructions: {
      iphone: ["Settings > [account name] > iCloud > Photos: choose Download and Keep Originals.", "Do it on fast Wi-Fi and only with room for the whole library."],
      ipad: ["Settings > [account name] > iCloud > Photos: choose Download and Keep Originals.", "Do it on fast Wi-Fi and only with room for the whole library."],
      mac: ["Photos > Settings > iCloud: choose Download Originals to this Mac.", "Do it on a fast network and only with room for the whole library."],
    },
    customerSteps: {
      any: [
        "Blurry pictures usually mean the device keeps small copies to save space; the full photo downloads when you open, edit or share it.",
        "If you want full-size copies on the device, choose Download and Keep Originals in the iCloud Photos settings, on fast Wi-Fi and with plenty of free space.",
      ],
    },
    warnings: ["originals-need-room"],
  },
];
