import { onDevices } from "@/lib/rules/reason-words";
import { STRENGTH } from "@/lib/rules/strength";
import type { RuleDefinition } from "@/lib/rules/types";
import { ALL_PLATFORMS } from "@/lib/rules/catalog/platform-steps";

// Repairs once the safe resets failed, and signing out of iCloud as the very last step.

export const ADVANCED_RULES: RuleDefinition[] = [
  {
    id: "repair-library-mac",
    version: 1,
    title: "Repair the Photos library on the Mac",
    customerTitle: "Repair the Photos library on your Mac",
    category: "advanced",
    risk: "high",
    platforms: ["mac"],
    gate: "earlier_tiers",
    when: "A Mac is in the case and every applicable step of the earlier categories (up to the resets) was tried.",
    condition: ({ macs }) =>
      macs.length > 0
        ? { strength: STRENGTH.hint, reasons: [onDevices("the safe resets didn't fix it and {devices} is involved", macs)] }
        : null,
    instructions: {
      mac: [
        "Back up the Mac (or at least the Photos library) first.",
        "Quit Photos, then hold Option and Command while opening it; choose Repair in the dialog (an administrator password may be asked).",
        "Keep the Mac on power and let the repair finish; a big library can take hours.",
      ],
    },
    customerSteps: {
      mac: [
        "Make a backup of your Mac first.",
        "Hold the Option and Command keys while opening Photos, then click Repair.",
        "Keep the Mac plugged in and let it finish.",
      ],
    },
    warnings: ["backup-before-repair", "repair-takes-time", "no-third-party-cleaners"],
  },
  {
    id: "reset-photo-analysis",
    version: 1,
    title: "Let background analysis finish (Mac awake overnight)",
    customerTitle: "Leave your Mac on overnight to finish its photo work",
    category: "advanced",
    risk: "low",
    platforms: ["mac"],
    when: "A Mac with a large library after the library repair was tried.",
    condition: ({ macs, largeLibrary, tried }) =>
      macs.length > 0 && largeLibrary === true && tried.has("repair-library-mac")
        ? { strength: STRENGTH.evidence, reasons: ["the library is large and was repaired, so it needs to be indexed again"] }
        : null,
    instructions: {
      mac: [
        "Leave the Mac awake overnight, on power, with Photos open.",
        "Background indexing (faces, duplicates, memories, Spotlight) runs only then; check the status bar next morning.",
      ],
    },
    customerSteps: { mac: ["Leave your Mac plugged in, awake and with Photos open overnight."] },
    warnings: [],
  },
  {
    id: "sign-out-icloud",
    version: 1,
    title: "Sign out of iCloud and back in (last resort)",
    customerTitle: "Sign out of iCloud and back in",
    category: "last_resort",
    risk: "high",
    platforms: ALL_PLATFORMS,
    gate: "everything",
    when: "Only when every other applicable step was tried.",
    condition: () => ({ strength: STRENGTH.unknown, reasons: ["every other applicable step was tried"] }),
    instructions: {
      iphone: ["Settings > [account name] > Sign Out; read every warning screen before confirming.", "Sign back in and expect hours of re-downloading."],
      ipad: ["Settings > [account name] > Sign Out; read every warning screen before confirming.", "Sign back in and expect hours of re-downloading."],
      mac: ["System Settings > [account name] > Sign Out; read every warning before confirming.", "Sign back in; Photos will download again for hours."],
      windows: ["Open iCloud for Windows and click Sign out, then sign back in with the same Apple ID."],
    },
    customerSteps: {
      any: ["Only when your agent asks: sign out of iCloud, read each warning, and sign back in. Re-downloading can take hours."],
    },
    warnings: ["dont-sign-out-casually"],
  },
];
