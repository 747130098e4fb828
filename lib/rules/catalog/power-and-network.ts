import { NETWORK_LABELS, STATUS_MESSAGE_LABELS } from "@/lib/facts/labels";
import { MatchCollector, onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { DeviceView, RuleDefinition } from "@/lib/rules/types";
import { ALL_PLATFORMS, APPLE_PLATFORMS, MOBILE_PLATFORMS, sameSteps } from "@/lib/rules/catalog/platform-steps";

// Power and network conditions under which uploads pause.

const BAD_NETWORKS = ["hotspot", "captive_portal", "none"] as const;

function isAppleDevice(view: DeviceView): boolean {
  return view.device.platform !== "windows";
}

export const POWER_AND_NETWORK_RULES: RuleDefinition[] = [
  {
    id: "disable-low-power-mode",
    version: 2,
    title: "Turn off Low Power Mode and charge",
    customerTitle: "Turn off Low Power Mode",
    category: "power_and_network",
    risk: "low",
    platforms: APPLE_PLATFORMS,
    when: "Low Power Mode on (strong) or Paused seen on an Apple device; Low Power Mode unknown on an iPhone/iPad.",
    explainsWhen: "Low Power Mode is on on the very device that says Paused.",
    condition: ({ devices, seenOn }) => {
      const match = new MatchCollector();
      const on = devices.filter((view) => isAppleDevice(view) && view.device.lowPowerMode === true);
      const pausedAll = seenOn.paused.filter(isAppleDevice);
      const explained = pausedAll.filter((view) => on.includes(view));
      const paused = pausedAll.filter((view) => !explained.includes(view));
      if (explained.length > 0) match.explain(onDevices("{devices} says Paused and has Low Power Mode on, which by itself pauses uploads", explained));
      if (paused.length > 0) match.add(STRENGTH.evidence, onDevices("Paused was seen on {devices}", paused));
      const onOnly = on.filter((view) => !explained.includes(view));
      if (onOnly.length > 0) match.add(STRENGTH.cause, onDevices("{devices} has Low Power Mode on", onOnly));
      const unknown = devices.filter((view) => view.isMobile && view.device.lowPowerMode === null);
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("Low Power Mode isn't recorded for {devices}", unknown));
      return match.result();
    },
    instructions: {
      iphone: ["Settings > Battery: switch Low Power Mode off (or tap its icon in Control Centre).", "Charge the battery too: a low battery also pauses uploads."],
      ipad: ["Settings > Battery: switch Low Power Mode off.", "Charge the battery too: a low battery also pauses uploads."],
      mac: ["System Settings > Battery: set Low Power Mode to Never, at least while the upload runs."],
    },
    customerSteps: { any: ["Turn off Low Power Mode in the Battery settings and charge your device."] },
    warnings: [],
  },
  {
    id: "plug-in-to-charge",
    version: 1,
    title: "Plug the device in and leave it on Wi-Fi",
    customerTitle: "Put your device on the charger",
    category: "power_and_network",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad is not plugged in (strong) or that is unknown; Paused seen on one that isn't known to be plugged in.",
    condition: ({ mobiles, seenOn }) => {
      const match = new MatchCollector();
      const unplugged = mobiles.filter((view) => view.device.pluggedIn === false);
      const unknown = mobiles.filter((view) => view.device.pluggedIn === null);
      if (unplugged.length > 0) match.add(STRENGTH.cause, onDevices("{devices} isn't plugged in", unplugged));
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("it isn't known whether {devices} is plugged in", unknown));
      const paused = seenOn.paused.filter((view) => view.isMobile && view.device.pluggedIn !== true);
      if (paused.length > 0) match.add(STRENGTH.hint, onDevices("Paused was seen on {devices}", paused));
      return match.result();
    },
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Connect the device to a charger.",
      "Check it is on Wi-Fi, then leave it alone to charge and sync for a while.",
    ]),
    customerSteps: { any: ["Plug your device into a charger, stay on Wi-Fi, and leave it for a while."] },
    warnings: [],
  },
  {
    id: "stable-wifi",
    version: 1,
    title: "Move to a stable Wi-Fi network",
    customerTitle: "Use a good Wi-Fi connection",
    category: "power_and_network",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "A device on a hotspot, captive portal or no network (strong); symptom 'slow upload'; Uploading seen; network unknown.",
    condition: ({ devices, seenOn, symptoms }) => {
      const match = new MatchCollector();
      for (const network of BAD_NETWORKS) {
        const on = devices.filter((view) => view.device.network === network);
        if (on.length > 0) match.add(STRENGTH.cause, onDevices(`{devices} is on ${NETWORK_LABELS[network].toLowerCase()}`, on));
      }
      if (symptoms.has("slow_upload")) match.add(STRENGTH.evidence, "uploads are reported as very slow");
      if (seenOn.uploading.length > 0) match.add(STRENGTH.hint, onDevices(`${STATUS_MESSAGE_LABELS.uploading} was seen on {devices}`, seenOn.uploading));
      const unknown = devices.filter((view) => view.device.network === null);
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("the network isn't recorded for {devices}", unknown));
      return match.result();
    },
    instructions: {
      ...sameSteps(ALL_PLATFORMS, [
        "Check the connection works at all: other apps load, a new web page opens.",
        "Use a steady Wi-Fi network: no metered hotspot, no network with a sign-in page (hotel, guest Wi-Fi).",
        "Sit close to the router and pause heavy traffic (game downloads, streaming) while the library moves; slow upload speed makes big batches crawl.",
        "If the connection itself is broken, restart the router; leave very large batches for overnight.",
      ]),
      iphone: [
        "Check the connection works at all: other apps load, a new web page opens.",
        "Use a steady Wi-Fi network: no metered hotspot, no network with a sign-in page (hotel, guest Wi-Fi).",
        "Sit close to the router and pause heavy traffic while the library moves; slow upload speed makes big batches crawl.",
        "If the connection itself is broken: restart the router, troubleshoot cellular data, or as a later step Settings > General > Transfer or Reset iPhone > Reset > Reset Network Settings.",
      ],
    },
    customerSteps: {
      any: [
        "Connect to your home Wi-Fi (not a phone hotspot or a hotel or guest network that needs a sign-in page).",
        "Stay near the router and pause big downloads or streaming while photos upload.",
        "Leave big uploads to run overnight.",
      ],
    },
    warnings: ["overnight-big-imports"],
  },
  {
    id: "disable-vpn-firewall",
    version: 1,
    title: "Turn off VPN or strict firewall while testing",
    customerTitle: "Turn off your VPN for now",
    category: "power_and_network",
    risk: "low",
    platforms: ALL_PLATFORMS,
    // An unknown VPN is deliberately not a reason: most customers have none, and stable-wifi covers the network.
    when: "A device has a VPN on. Unknown VPN is deliberately not a reason.",
    condition: ({ devices }) => {
      const on = devices.filter((view) => view.device.vpn === true);
      return on.length > 0 ? { strength: STRENGTH.cause, reasons: [onDevices("a VPN is active on {devices}", on)] } : null;
    },
    instructions: {
      ...sameSteps(MOBILE_PLATFORMS, [
        "Disconnect the VPN (Settings > VPN, or in the VPN app) while testing.",
        "Check Settings > General > VPN & Device Management for strict filtering profiles.",
      ]),
      mac: ["Disconnect the VPN and pause firewall or filtering software while testing (System Settings > VPN / Network > Firewall)."],
      windows: ["Disconnect the VPN and let iCloud through the firewall or security suite while testing."],
    },
    customerSteps: { any: ["Turn off your VPN (and any strict security filter) while we test, then try again."] },
    warnings: [],
  },
  {
    id: "enable-cellular-photos",
    version: 2,
    title: "Allow Photos to use cellular data",
    customerTitle: "Let Photos use mobile data",
    category: "power_and_network",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad on cellular with cellular data for Photos off (strong) or unknown.",
    explainsWhen: "That iPhone/iPad is on cellular, Photos may not use cellular data, and its queue is stuck (Waiting to Upload or Paused seen on it).",
    condition: ({ mobiles, seenOn, stuckMobiles }) => {
      const match = new MatchCollector();
      const cellular = mobiles.filter((view) => view.device.network === "cellular");
      const off = cellular.filter((view) => view.device.cellularDataForPhotos === false);
      const unknown = cellular.filter((view) => view.device.cellularDataForPhotos === null);
      const stuck = off.filter((view) => stuckMobiles.includes(view) || seenOn.paused.includes(view));
      const offOnly = off.filter((view) => !stuck.includes(view));
      if (stuck.length > 0) match.explain(onDevices("{devices} is on cellular and Photos may not use cellular data, which by itself holds its uploads", stuck));
      if (offOnly.length > 0) match.add(STRENGTH.cause, onDevices("{devices} is on cellular and Photos may not use cellular data", offOnly));
      if (unknown.length > 0) match.add(STRENGTH.evidence, onDevices("{devices} is on cellular and it isn't known whether Photos may use it", unknown));
      return match.result();
    },
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Make sure cellular (mobile) data itself is on.",
      "Settings > Photos > Mobile Data (Cellular Data): switch it on.",
      "Switch on Unlimited Updates too if the data plan allows.",
    ]),
    customerSteps: { any: ["Open Settings, then Photos, then Mobile Data, and switch it on (only if your data plan allows)."] },
    warnings: ["cellular-data-plan"],
  },
  {
    id: "background-app-refresh",
    version: 1,
    title: "Allow Background App Refresh",
    customerTitle: "Let Photos work in the background",
    category: "power_and_network",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad's queue looks stuck.",
    condition: ({ stuckMobiles }) =>
      stuckMobiles.length > 0
        ? { strength: STRENGTH.hint, reasons: [onDevices("the upload queue looks stuck on {devices}", stuckMobiles)] }
        : null,
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Settings > General > Background App Refresh: make sure it is on (Wi-Fi, or Wi-Fi & Mobile Data).",
      "If Photos is listed there, switch it on.",
    ]),
    customerSteps: { any: ["Open Settings, General, Background App Refresh, and make sure it is on."] },
    warnings: [],
  },
  {
    id: "mac-allow-background-on-power",
    version: 1,
    title: "Let the Mac work in the background on power",
    customerTitle: "Keep your Mac awake on power overnight",
    category: "power_and_network",
    risk: "low",
    platforms: ["mac"],
    when: "A Mac with a large library (threshold: 20,000 items or 100 GB) or a stuck queue.",
    condition: ({ macs, largeLibrary, seenOn, symptoms }) => {
      if (macs.length === 0) return null;
      const match = new MatchCollector();
      if (largeLibrary === true) match.add(STRENGTH.evidence, "the library is large");
      const stuck = [...seenOn.waiting_to_upload, ...seenOn.paused].filter((view) => macs.includes(view));
      if (stuck.length > 0) match.add(STRENGTH.evidence, onDevices("the upload queue looks stuck on {devices}", [...new Set(stuck)]));
      else if (symptoms.has("stuck_waiting_to_upload")) match.add(STRENGTH.hint, "items are reported stuck on Waiting to Upload and a Mac is involved");
      return match.result();
    },
    instructions: {
      mac: [
        "System Settings > Battery (Options on a laptop): allow the Mac to keep working, and not sleep automatically, while on power.",
        "For one night, keep the lid open and turn off sleep (System Settings > Displays / Lock Screen) so uploads and indexing can run.",
      ],
    },
    customerSteps: { mac: ["Leave your Mac plugged in with the lid open and sleep turned off for one night."] },
    warnings: ["overnight-big-imports"],
  },
  {
    id: "large-files-patience",
    version: 1,
    title: "Give large files time (awake, on Wi-Fi)",
    customerTitle: "Give big videos and photos time",
    category: "power_and_network",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "The library has large files, Uploading was seen, or edits don't sync.",
    condition: ({ facts, seenOn, symptoms }) => {
      const match = new MatchCollector();
      if (facts.library.hasLargeFiles === true) match.add(STRENGTH.evidence, "the library has large files (RAW, HDR video, long Live Photos)");
      if (seenOn.uploading.length > 0) match.add(STRENGTH.hint, onDevices("Uploading was seen on {devices}", seenOn.uploading));
      if (symptoms.has("edits_not_syncing")) match.add(STRENGTH.evidence, "edits don't reach the other devices yet");
      return match.result();
    },
    instructions: sameSteps(ALL_PLATFORMS, [
      "RAW bursts, long HDR video and edited Live Photos can stay in progress for a long time.",
      "Keep the devices awake, plugged in and on Wi-Fi until they finish.",
      "Edits appear on other devices only once the original and the edit data have arrived.",
    ]),
    customerSteps: {
      any: ["Big videos and photo bursts take a while. Keep your devices awake, charging and on Wi-Fi until they finish."],
    },
    warnings: ["stalled-progress-not-failure", "edits-follow-originals", "overnight-big-imports"],
  },
];
