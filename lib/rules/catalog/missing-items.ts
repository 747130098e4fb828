import type { RuleDefinition } from "@/lib/rules/types";
import { STRENGTH } from "@/lib/rules/strength";
import { MatchCollector } from "@/lib/rules/reason-words";
import { ALL_PLATFORMS } from "@/lib/rules/catalog/platform-steps";

// Quick checks for items that seem missing: they are often somewhere the main view doesn't show.
// Same category as lib/rules/catalog/quick-checks.ts, listed right after it in the catalog.

export const MISSING_ITEM_RULES: RuleDefinition[] = [
  {
    id: "check-shared-albums",
    version: 1,
    title: "Check Shared Albums separately",
    customerTitle: "Look in Shared Albums",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "Symptom 'shared album missing'.",
    condition: ({ symptoms }) =>
      symptoms.has("shared_album_missing")
        ? { strength: STRENGTH.evidence, reasons: ["a shared album or shared item is reported missing"] }
        : null,
    instructions: {
      iphone: ["Settings > [account name] > iCloud > Photos: Shared Albums has its own switch; make sure it is on.", "In Photos, open the shared albums view (Albums > Shared Albums) to find the item."],
      ipad: ["Settings > [account name] > iCloud > Photos: Shared Albums has its own switch; make sure it is on.", "In Photos, open the shared albums view (Albums > Shared Albums) to find the item."],
      mac: ["Photos > Settings > iCloud: tick Shared Albums.", "Look under Shared Albums in the Photos sidebar."],
      windows: ["iCloud for Windows > Photos > Options: tick Shared Albums.", "Look in File Explorer > iCloud Photos > Shared."],
    },
    customerSteps: {
      any: ["Shared Albums sync separately from your library and have their own setting; make sure it is on.", "Look for the item in the Shared Albums section of Photos."],
    },
    warnings: [],
  },
  {
    id: "check-hidden-recently-deleted",
    version: 1,
    title: "Look in Hidden and Recently Deleted",
    customerTitle: "Look in the Hidden and Recently Deleted albums",
    category: "quick_checks",
    risk: "low",
    platforms: ALL_PLATFORMS,
    when: "Symptoms 'items missing' or 'library count mismatch'.",
    condition: ({ symptoms }) => {
      const match = new MatchCollector();
      if (symptoms.has("items_missing")) match.add(STRENGTH.evidence, "items are reported missing");
      if (symptoms.has("library_count_mismatch")) match.add(STRENGTH.evidence, "item counts differ between devices");
      return match.result();
    },
    instructions: {
      iphone: ["In Photos open Albums > Utilities > Hidden and Recently Deleted (Face ID or the passcode may be asked).", "Items there don't show in the main library; recover them instead of re-importing."],
      ipad: ["In Photos open the sidebar > Utilities > Hidden and Recently Deleted.", "Items there don't show in the main library; recover them instead of re-importing."],
      mac: ["In Photos check Hidden (View > Show Hidden Photo Album) and Recently Deleted in the sidebar.", "Recover items from there instead of re-importing."],
      windows: ["Hidden and Recently Deleted items don't appear in the PC's iCloud Photos folder; check those albums on an Apple device or iCloud.com."],
    },
    customerSteps: { any: ["In the Photos app, open the Hidden and Recently Deleted albums: photos there don't show in the main view."] },
    warnings: ["dont-delete-to-refresh"],
  },
];
