import { STATUS_MESSAGE_LABELS } from "@/lib/facts/labels";
import { MatchCollector, onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { RuleDefinition } from "@/lib/rules/types";
import { ALL_PLATFORMS, MOBILE_PLATFORMS, sameSteps } from "@/lib/rules/catalog/platform-steps";

// Quick, low-risk checks: the guides' "fast checks first".

const MISSING_PHOTO_SYMPTOMS = ["photo_not_on_other_device", "items_missing", "library_count_mismatch"] as const;

export const QUICK_CHECK_RULES: RuleDefinition[] = [
  {
    id: "check-apple-system-status",
    version: 1,
    title: "Check Apple's System Status page",
    customerTitle: "Check whether Apple's service is working",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "Apple's status is unknown (check it), or recorded as an outage (then it comes first and every other step waits).",
    condition: ({ facts }) => {
      if (facts.appleSystemStatus === "outage") {
        return { strength: STRENGTH.cause, reasons: ["Apple's System Status page shows an outage or maintenance for iCloud Photos"] };
      }
      if (facts.appleSystemStatus === "unknown") {
        return { strength: STRENGTH.unknown, reasons: ["Apple's System Status page hasn't been checked yet"] };
      }
      return null;
    },
    instructions: sameSteps(ALL_PLATFORMS, [
      "Open Apple's System Status page (apple.com/support/systemstatus) in any browser.",
      "Look at the iCloud Photos and iCloud Account & Sign In entries.",
      "If either shows an outage or maintenance, record it on the case and pause other steps until it is green again.",
    ]),
    customerSteps: {
      any: [
        "Open Apple's System Status page in a browser.",
        "If iCloud Photos shows a problem, wait until it is fixed before trying anything else.",
      ],
    },
    warnings: ["outage-wait"],
  },
  {
    id: "same-apple-id",
    version: 1,
    title: "Confirm the same Apple ID on every device",
    customerTitle: "Make sure every device uses the same Apple Account",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "appleIdConsistent is false (strong) or unknown, or the case has more than one device.",
    condition: ({ facts, devices }) => {
      const match = new MatchCollector();
      if (facts.appleIdConsistent === false) match.add(STRENGTH.cause, "the devices are signed in with different Apple IDs");
      else if (facts.appleIdConsistent === null) match.add(STRENGTH.unknown, "it isn't known whether every device uses the same Apple ID");
      // Even a recorded "yes" deserves one look when several devices must see the same library.
      else if (devices.length > 1) match.add(STRENGTH.unknown, `${devices.length} devices share the library`);
      return match.result();
    },
    instructions: {
      iphone: ["Open Settings: the name at the top is the Apple ID in use; tap it to see the email.", "Compare it with every other device in the case."],
      ipad: ["Open Settings: the name at the top is the Apple ID in use; tap it to see the email.", "Compare it with every other device in the case."],
      mac: ["Open Apple menu > System Settings: the name at the top of the sidebar is the Apple ID; click it to see the email.", "Compare it with every other device in the case."],
      windows: ["Open iCloud for Windows from the Start menu and read the signed-in Apple ID.", "It must be the same account as on the iPhone; sign out and in with the right one if not."],
    },
    customerSteps: {
      iphone: ["Open Settings and tap your name at the top to see which Apple Account is signed in."],
      ipad: ["Open Settings and tap your name at the top to see which Apple Account is signed in."],
      mac: ["Open System Settings and click your name at the top to see which Apple Account is signed in."],
      windows: ["Open the iCloud app from the Start menu to see which Apple Account is signed in."],
      any: ["Every device must show the same Apple Account email address."],
    },
    warnings: ["privacy-encryption"],
  },
  {
    id: "enable-icloud-photos",
    version: 2,
    title: "Turn on iCloud Photos on every device",
    customerTitle: "Switch on iCloud Photos on each device",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "A device has iCloud Photos off (strong) or unknown, or the symptom 'photo not on other device' is reported.",
    explainsWhen: "iCloud Photos is off on a device while photos are reported missing between devices (photo not on other device, items missing, or counts differ).",
    condition: ({ devices, symptoms }) => {
      const match = new MatchCollector();
      const off = devices.filter((view) => view.device.icloudPhotosEnabled === false);
      const unknown = devices.filter((view) => view.device.icloudPhotosEnabled === null);
      // A device with the feature off neither sends nor receives: it is the device that lacks the photos.
      const photosMissing = MISSING_PHOTO_SYMPTOMS.some((symptom) => symptoms.has(symptom));
      if (off.length > 0 && photosMissing) match.explain(onDevices("iCloud Photos is off on {devices}, which by itself explains the missing photos", off));
      else if (off.length > 0) match.add(STRENGTH.cause, onDevices("iCloud Photos is off on {devices}", off));
      if (unknown.length > 0) match.add(STRENGTH.unknown, onDevices("it isn't known whether iCloud Photos is switched on for {devices}", unknown));
      if (symptoms.has("photo_not_on_other_device")) match.add(STRENGTH.evidence, "a photo taken on one device doesn't reach another");
      return match.result();
    },
    instructions: {
      iphone: [
        "Settings > [account name] > iCloud > Photos: switch on Sync this iPhone.",
        "Then in Photos > Library, scroll to the very bottom to read the sync status (Paused, Uploading…).",
      ],
      ipad: [
        "Settings > [account name] > iCloud > Photos: switch on Sync this iPad.",
        "Then in Photos > Library, scroll to the very bottom to read the sync status.",
      ],
      mac: [
        "In Photos choose Photos > Settings (Preferences on older macOS) > iCloud and tick iCloud Photos.",
        "Choose View > Show Status Bar to follow the progress at the bottom of the library.",
      ],
      windows: [
        "Install iCloud for Windows if it is missing, then open it and sign in.",
        "Next to Photos click Options, tick iCloud Photos and Shared Albums, then Done and Apply.",
        "File Explorer should now list iCloud Photos in its sidebar.",
      ],
    },
    customerSteps: {
      iphone: ["Open Settings, tap your name, then iCloud, then Photos, and switch on Sync this iPhone."],
      ipad: ["Open Settings, tap your name, then iCloud, then Photos, and switch on Sync this iPad."],
      mac: ["In the Photos app, open Settings, then iCloud, and tick iCloud Photos."],
      windows: ["Open the iCloud app, click Options next to Photos, tick iCloud Photos and Shared Albums, and click Apply."],
    },
    warnings: [],
  },
  {
    id: "keep-photos-open-plugged-in",
    version: 1,
    title: "Leave Photos open, plugged in, on Wi-Fi",
    customerTitle: "Leave Photos open on a charger and Wi-Fi",
    category: "quick_checks",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad showed Waiting to Upload, Paused or Uploading, or items are reported stuck on Waiting to Upload.",
    condition: ({ mobiles, seenOn, symptoms }) => {
      const match = new MatchCollector();
      for (const message of ["waiting_to_upload", "paused", "uploading"] as const) {
        const seen = seenOn[message].filter((view) => view.isMobile);
        if (seen.length > 0) match.add(STRENGTH.evidence, onDevices(`${STATUS_MESSAGE_LABELS[message]} was seen on {devices}`, seen));
      }
      if (mobiles.length > 0 && symptoms.has("stuck_waiting_to_upload")) {
        match.add(STRENGTH.evidence, "items are reported stuck on Waiting to Upload");
      }
      return match.result();
    },
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Open Photos > Library and leave the app on screen (not in the background).",
      "Connect the charger and keep the device on Wi-Fi.",
      "For a large backlog, leave it like this overnight.",
    ]),
    customerSteps: {
      any: [
        "Open the Photos app and leave it open on the Library screen.",
        "Plug your device into a charger and stay on Wi-Fi.",
        "If you have many photos waiting, leave it like that overnight.",
      ],
    },
    warnings: ["stalled-progress-not-failure", "new-phone-keep-both-on"],
  },
  {
    id: "mac-keep-photos-open",
    version: 1,
    title: "Keep Photos open on the Mac and show the status bar",
    customerTitle: "Keep the Photos app open on your Mac",
    category: "quick_checks",
    risk: "low",
    platforms: ["mac"],
    when: "A Mac is in the case (stronger when an upload status was seen on it).",
    condition: ({ macs, seenOn }) => {
      if (macs.length === 0) return null;
      const match = new MatchCollector().add(STRENGTH.unknown, onDevices("{devices} only syncs while Photos is running", macs));
      const stuck = [...seenOn.waiting_to_upload, ...seenOn.paused, ...seenOn.uploading].filter((view) => macs.includes(view));
      if (stuck.length > 0) match.add(STRENGTH.evidence, onDevices("an upload status was seen on {devices}", [...new Set(stuck)]));
      return match.result();
    },
    instructions: {
      mac: [
        "Open Photos and leave it running: the Mac syncs only while the app is open.",
        "Choose View > Show Status Bar and read the message at the bottom of the library.",
      ],
    },
    customerSteps: { mac: ["Open the Photos app on your Mac and leave it open.", "Choose View, then Show Status Bar, to see progress."] },
    warnings: [],
  },
  {
    id: "nudge-upload",
    version: 1,
    title: "Nudge the upload (foreground, screenshot, Airplane Mode)",
    customerTitle: "Give the upload a nudge",
    category: "quick_checks",
    risk: "low",
    platforms: MOBILE_PLATFORMS,
    when: "An iPhone/iPad's queue looks stuck: Waiting to Upload seen on it, or the stuck symptom reported.",
    condition: ({ stuckMobiles }) =>
      stuckMobiles.length > 0
        ? { strength: STRENGTH.evidence, reasons: [onDevices("the upload queue looks stuck on {devices}", stuckMobiles)] }
        : null,
    instructions: sameSteps(MOBILE_PLATFORMS, [
      "Open Photos > Library and keep it in the foreground.",
      "Take a new screenshot: a new item often starts a fresh upload batch.",
      "Turn Airplane Mode on, wait a few seconds, and turn it off to reconnect.",
    ]),
    customerSteps: {
      any: [
        "Open the Photos app on the Library screen.",
        "Take a screenshot.",
        "Turn Airplane Mode on for a few seconds, then off again.",
      ],
    },
    warnings: [],
  },
  {
    id: "windows-uploads-folder",
    version: 1,
    title: "Push items through the Uploads folder on Windows",
    customerTitle: "Copy the photos into the Uploads folder on your PC",
    category: "quick_checks",
    risk: "low",
    platforms: ["windows"],
    when: "A Windows PC shows Waiting to Upload, Paused or another message, or a stuck/missing-photo symptom with a PC in the case.",
    condition: ({ windowsPcs, seenOn, symptoms }) => {
      if (windowsPcs.length === 0) return null;
      const match = new MatchCollector();
      const stuck = [...seenOn.waiting_to_upload, ...seenOn.paused, ...seenOn.other].filter((view) => windowsPcs.includes(view));
      if (stuck.length > 0) match.add(STRENGTH.evidence, onDevices("uploads aren't moving on {devices}", [...new Set(stuck)]));
      if (symptoms.has("stuck_waiting_to_upload")) match.add(STRENGTH.hint, "items are reported stuck on Waiting to Upload and a Windows PC is involved");
      if (symptoms.has("photo_not_on_other_device")) match.add(STRENGTH.hint, "a photo doesn't reach another device and a Windows PC is involved");
      return match.result();
    },
    instructions: {
      windows: [
        "Open File Explorer and click iCloud Photos in the sidebar; it has Downloads, Uploads and Shared areas.",
        "Copy the items that should reach the cloud into Uploads.",
        "In iCloud for Windows, Photos > Options shows (and changes) where files are kept locally.",
      ],
    },
    customerSteps: { windows: ["Open File Explorer, click iCloud Photos, and copy the photos into the Uploads folder."] },
    warnings: [],
  },
  {
    id: "test-fresh-shot",
    version: 1,
    title: "Test with a fresh photo on the problem device",
    customerTitle: "Take a new test photo",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    // Always useful: it tells "sync is broken" apart from "older items just need time".
    when: "Always, as a diagnostic.",
    condition: () => ({ strength: STRENGTH.unknown, reasons: ["a fresh item shows whether sync works at all"] }),
    instructions: {
      iphone: ["Take a new photo on the iPhone with the problem.", "Watch the status line at the bottom of Photos > Library; if the new photo uploads, older items probably just need time."],
      ipad: ["Take a new photo on the iPad with the problem.", "Watch the status line at the bottom of Photos > Library; if the new photo uploads, older items probably just need time."],
      mac: ["Add a new image to Photos on the Mac (e.g. File > Import a screenshot).", "Watch the status bar; if it uploads, older items probably just need time."],
      windows: ["Copy a new photo into File Explorer > iCloud Photos > Uploads.", "Check whether it appears on another device; if it does, older items probably just need time."],
    },
    customerSteps: {
      any: ["Take a new photo on the device that isn't syncing.", "Check after a few minutes whether it shows up on your other devices."],
    },
    warnings: [],
  },
];
