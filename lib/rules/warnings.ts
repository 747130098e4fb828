import type { RuleContext } from "@/lib/rules/types";

// Warnings and tips: not steps, but cautions shown beside the steps (or on the case) where they apply.

type WarningKind = "warning" | "tip";

export type WarningDefinition = {
  id: string;
  kind: WarningKind;
  /** Wording for agents. */
  text: string;
  /** Plain wording for the customer page. */
  customerText: string;
  /** When set, the warning is also shown on the case as a whole whenever this holds. */
  appliesToCase?: (ctx: RuleContext) => boolean;
};

const uploadsHeavy = (ctx: RuleContext) =>
  ctx.seenOn.uploading.length > 0 ||
  ctx.facts.library.hasLargeFiles === true ||
  ctx.largeLibrary === true ||
  ctx.symptoms.has("slow_upload");

export const WARNINGS = [
  {
    id: "dont-delete-to-refresh",
    kind: "warning",
    text: "Never delete items on one device to force a refresh: deletions sync to every device and land in Recently Deleted.",
    customerText: "Please don't delete photos to try to make them sync. A deletion is copied to all your devices.",
    // Every sync case tempts someone to delete and re-add; the warning is always relevant.
    appliesToCase: () => true,
  },
  {
    id: "dont-sign-out-casually",
    kind: "warning",
    text: "Signing out of iCloud removes the local copies tied to the account and costs hours of downloading afterwards. Use it only when everything else failed.",
    customerText: "Signing out of iCloud removes photos stored on this device and they take hours to come back. Only do it when your agent asks.",
  },
  {
    id: "no-third-party-cleaners",
    kind: "warning",
    text: "Don't let third-party cleaner or optimiser utilities touch the photo library: some break album links or metadata.",
    customerText: "Don't use cleaning or 'optimiser' apps on your photo library; they can damage albums and photo details.",
  },
  {
    id: "stalled-progress-not-failure",
    kind: "warning",
    text: "A progress bar that seems stuck is not a failure by itself: large imports need a full night before it is worth escalating.",
    customerText: "If progress seems stuck, give it a night. Big uploads are slow but usually finish.",
    // Only while the problem is younger than the escalation window: afterwards escalating is fair.
    appliesToCase: (ctx) =>
      uploadsHeavy(ctx) &&
      (ctx.problemAgeHours === null || ctx.problemAgeHours < ctx.settings.thresholds.escalationHours),
  },
  {
    id: "backup-before-repair",
    kind: "warning",
    text: "Back up the Photos library (e.g. Time Machine) before running the repair.",
    customerText: "Make a backup of your Mac before the repair.",
  },
  {
    id: "repair-takes-time",
    kind: "tip",
    text: "A repair of a large library can run for a long time: keep the Mac on power and don't interrupt it.",
    customerText: "The repair can take a long time. Keep the Mac plugged in and let it finish.",
  },
  {
    id: "outage-wait",
    kind: "warning",
    text: "Apple reports an outage or maintenance: hold further changes and retry once Apple's status page is back to normal.",
    customerText: "Apple's service is having problems right now. Please wait until it is fixed before trying more steps.",
    appliesToCase: (ctx) => ctx.facts.appleSystemStatus === "outage",
  },
  {
    id: "cellular-data-plan",
    kind: "tip",
    text: "Only let Photos use cellular data (and Unlimited Updates) when the customer's data plan is generous; a library upload can use a lot.",
    customerText: "Uploading photos over mobile data can use a lot of your data allowance. Only turn it on if your plan allows it.",
  },
  {
    id: "originals-need-room",
    kind: "warning",
    text: "Download and Keep Originals pulls the full library onto the device: switch only on a fast network and with enough free space for the whole library.",
    customerText: "Keeping full-size originals needs a lot of free space and a fast connection. Check both before switching.",
  },
  {
    id: "pick-one-sync-method",
    kind: "tip",
    text: "Use one sync method per device: either iCloud Photos or Finder sync, not both.",
    customerText: "Use only one way of syncing photos on each device.",
  },
  {
    id: "keep-icloud-buffer",
    kind: "tip",
    text: "Keep a margin of free iCloud storage so trips and events can upload without hitting the limit.",
    customerText: "Keep some iCloud space free so your next trip or event can upload without problems.",
  },
  {
    id: "free-tier-is-small",
    kind: "tip",
    text: "The free iCloud tier is only 5 GB, which rarely holds a real photo library; a paid plan is usually the fix.",
    customerText: "The free 5 GB of iCloud is rarely enough for a photo library; a bigger plan usually solves it.",
  },
  {
    id: "new-phone-keep-both-on",
    kind: "tip",
    text: "When moving to a new phone, keep the old and the new one on power and Wi-Fi until their item counts stop changing.",
    customerText: "When you move to a new phone, keep both phones charging on Wi-Fi until the photo counts stop changing.",
    appliesToCase: (ctx) => ctx.devices.filter((view) => view.device.platform === "iphone").length > 1,
  },
  {
    id: "overnight-big-imports",
    kind: "tip",
    text: "On a shared home connection, schedule big imports overnight so they don't compete with other traffic.",
    customerText: "If others share your internet, let big uploads run overnight.",
  },
  {
    id: "edits-follow-originals",
    kind: "tip",
    text: "Edits reach other devices only after the original and its edit data have finished transferring.",
    customerText: "Edits show up on your other devices once the original photo has finished uploading.",
    appliesToCase: (ctx) => ctx.symptoms.has("edits_not_syncing"),
  },
  {
    id: "routine-updates",
    kind: "tip",
    text: "Keep iOS, iPadOS, macOS and iCloud for Windows updated on a routine schedule: many releases include photo library fixes.",
    customerText: "Install system updates regularly; they often fix photo syncing problems.",
  },
  {
    id: "privacy-encryption",
    kind: "tip",
    text: "For customers worried about privacy: uploads are encrypted in transit and at rest with keys tied to the account; with two-factor authentication on every device, protected categories are end-to-end encrypted, and features such as duplicate detection run on the device.",
    customerText: "Your photos are encrypted while they upload and while stored by Apple. Turning on two-factor authentication adds stronger protection.",
  },
] as const satisfies readonly WarningDefinition[];

export type WarningId = (typeof WARNINGS)[number]["id"];

const WARNINGS_BY_ID: ReadonlyMap<WarningId, WarningDefinition> = new Map(
  WARNINGS.map((warning) => [warning.id, warning as WarningDefinition]),
);

export function getWarning(id: WarningId): WarningDefinition {
  const warning = WARNINGS_BY_ID.get(id);
  if (!warning) throw new Error(`Unknown warning id: ${id}`);
  return warning;
}
