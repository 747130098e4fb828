import type { StatusMessage } from "@/lib/facts/schema";
import type { CriterionId } from "@/lib/rules/escalation-criteria";
import type { Category } from "@/lib/rules/categories";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { WarningId } from "@/lib/rules/warnings";

// Every passage (paragraph, bullet, table row) of the three guides, and what in the product encodes it.
// `firstWords` quotes only the opening words, to locate the passage; the product never reuses the text.
// A unit test checks each passage exists in its guide, each guide line is covered, and every target exists.

export type Encoder =
  | { kind: "rule"; id: RuleId }
  | { kind: "warning"; id: WarningId }
  | { kind: "status"; id: StatusMessage }
  | { kind: "criterion"; id: CriterionId }
  /** The ordering policy: a passage about what to try first is encoded by a category's tier. */
  | { kind: "tier"; id: Category };

export const GUIDES = {
  "000": { file: "000_1dc5a80c20d0d412.md", title: "iCloud Photos Won't Sync? Quick Fix Guide" },
  "001": { file: "001_6b8c9de6bd649522.md", title: "Trouble Syncing Photos to iCloud From Your iPhone? (7 fixes)" },
  "002": { file: "002_7864400cdf3f7081.md", title: "7 Strategies for Fixing iCloud Photos Mismatches (same body as 001)" },
} as const;

type GuideId = keyof typeof GUIDES;

export type GuidePassage = {
  id: string;
  guide: GuideId;
  section: string;
  firstWords: string;
  encodedBy: readonly Encoder[];
};

const rule = (id: RuleId): Encoder => ({ kind: "rule", id });
const warning = (id: WarningId): Encoder => ({ kind: "warning", id });
const status = (id: StatusMessage): Encoder => ({ kind: "status", id });
const criterion = (id: CriterionId): Encoder => ({ kind: "criterion", id });
const tier = (id: Category): Encoder => ({ kind: "tier", id });

type PassageRow = [section: string, firstWords: string, encodedBy: Encoder[]];

const GUIDE_000: PassageRow[] = [
  ["Introduction", "An iCloud Photos syncing problem", [rule("enable-icloud-photos"), rule("free-icloud-storage"), rule("stable-wifi"), rule("toggle-icloud-photos")]],
  ["Why Sync Stalls", "The cloud service moves", [rule("stable-wifi"), rule("free-icloud-storage"), rule("free-device-storage"), rule("enable-icloud-photos"), rule("disable-low-power-mode"), rule("disable-vpn-firewall"), rule("update-os")]],
  ["Fixes That Work", "Start with quick, low-risk checks", [tier("quick_checks")]],
  ["Fast Checks First", "Confirm the same Apple ID", [rule("same-apple-id")]],
  ["Fast Checks First", "Turn the feature on across", [rule("enable-icloud-photos")]],
  ["Fast Checks First", "Leave the Photos app open", [rule("keep-photos-open-plugged-in")]],
  ["Fast Checks First", "Keep Wi-Fi on; let large", [rule("keep-photos-open-plugged-in"), rule("stable-wifi"), warning("overnight-big-imports")]],
  ["Quick Reference table", "A new photo from iPhone never", [rule("enable-icloud-photos"), rule("plug-in-to-charge"), rule("stable-wifi")]],
  ["Quick Reference table", "Items say", [status("waiting_to_upload"), rule("keep-photos-open-plugged-in"), rule("plug-in-to-charge"), rule("free-icloud-storage")]],
  ["Quick Reference table", "Thumbnails look blurry", [rule("download-originals")]],
  ["Turn The Feature On: iPhone or iPad", "Go to Settings > your name", [rule("enable-icloud-photos"), status("paused"), status("uploading")]],
  ["Turn The Feature On: Mac", "Open Photos > Settings > iCloud", [rule("enable-icloud-photos"), rule("mac-keep-photos-open")]],
  ["Turn The Feature On: Windows", "Install iCloud for Windows, open it", [rule("enable-icloud-photos")]],
  ["Check Apple's Servers", "Open the Apple System Status page", [rule("check-apple-system-status"), warning("outage-wait"), criterion("no_outage")]],
  ["Give The Upload A Nudge", "On iPhone, open Photos > Library", [rule("nudge-upload")]],
  ["Give The Upload A Nudge", "Snap a fresh screenshot", [rule("nudge-upload")]],
  ["Give The Upload A Nudge", "Toggle Airplane Mode", [rule("nudge-upload")]],
  ["Give The Upload A Nudge", "On Mac, keep Photos open", [rule("mac-keep-photos-open")]],
  ["Storage Stops Sync", "Uploads pause when either", [rule("free-icloud-storage"), rule("free-device-storage"), rule("mac-free-disk")]],
  ["Storage Stops Sync", "Cloud space:", [rule("free-icloud-storage")]],
  ["Storage Stops Sync", "Device space:", [rule("free-device-storage"), rule("mac-free-disk"), rule("optimize-device-storage")]],
  ["Storage Stops Sync", "Headroom tip:", [rule("free-device-storage")]],
  ["Power And Network", "Keep Low Power Mode off", [rule("disable-low-power-mode")]],
  ["Power And Network", "Prefer stable Wi-Fi", [rule("stable-wifi")]],
  ["Power And Network", "Avoid strict VPN", [rule("disable-vpn-firewall")]],
  ["Power And Network", "On Mac, check System Settings > Battery", [rule("mac-allow-background-on-power")]],
  ["Thumbnails Small Or Soft", "That usually means Optimize", [rule("download-originals"), warning("originals-need-room")]],
  ["Safe Resets: iPhone or iPad", "Settings > your name > iCloud > Photos: toggle", [rule("toggle-icloud-photos")]],
  ["Safe Resets: iPhone or iPad", "Force-quit Photos", [rule("force-quit-photos")]],
  ["Safe Resets: iPhone or iPad", "Sign out of iCloud only", [rule("sign-out-icloud"), warning("dont-sign-out-casually")]],
  ["Safe Resets: Mac", "Photos > Settings > iCloud: uncheck", [rule("toggle-icloud-photos")]],
  ["Safe Resets: Mac", "Hold Option-Command while launching Photos to open", [rule("repair-library-mac"), warning("backup-before-repair"), warning("repair-takes-time")]],
  ["Safe Resets: Windows", "In iCloud for Windows, deselect", [rule("toggle-icloud-photos")]],
  ["Safe Resets: Windows", "Sign out and in inside", [rule("windows-restart-photo-agent"), warning("dont-sign-out-casually")]],
  ["Know What Syncs Separately", "Shared Albums move on their own", [rule("check-shared-albums"), rule("check-hidden-recently-deleted")]],
  ["Large Files Need Patience", "RAW bursts, long HDR video", [rule("large-files-patience"), warning("edits-follow-originals")]],
  ["Remove Finder Sync Conflicts", "If you also move photos with Finder", [rule("turn-off-finder-sync"), warning("pick-one-sync-method")]],
  ["Rebuild The Library On Mac", "Hold Option-Command while launching Photos, then", [rule("repair-library-mac"), warning("backup-before-repair"), warning("repair-takes-time")]],
  ["Reset Photo Analysis", "Spotlight and Photos run", [rule("reset-photo-analysis")]],
  ["Check Date And Time", "Wrong time or region", [rule("check-date-time")]],
  ["Test With A Fresh Shot", "Shoot a new image", [rule("test-fresh-shot")]],
  ["Sign Out Only As A Last Step", "Signing out removes local copies", [rule("sign-out-icloud"), warning("dont-sign-out-casually"), tier("last_resort")]],
  ["Platform Playbooks table", "iPhone/iPad Match Apple ID", [rule("same-apple-id"), rule("enable-icloud-photos"), rule("plug-in-to-charge"), rule("toggle-icloud-photos"), rule("restart-device"), rule("free-icloud-storage")]],
  ["Platform Playbooks table", "Mac Photos > Settings > iCloud checked", [rule("enable-icloud-photos"), rule("mac-keep-photos-open"), rule("toggle-icloud-photos"), rule("repair-library-mac"), rule("restart-device")]],
  ["Platform Playbooks table", "Windows Install iCloud for Windows", [rule("enable-icloud-photos"), rule("toggle-icloud-photos"), rule("windows-restart-photo-agent")]],
  ["Status Messages You Might See", "The Photos app explains", [status("paused"), status("waiting_to_upload"), status("updating"), status("syncing"), status("uploading"), rule("mac-keep-photos-open")]],
  ["Common Messages", "Paused:", [status("paused"), rule("disable-low-power-mode"), rule("plug-in-to-charge")]],
  ["Common Messages", "Waiting To Upload:", [status("waiting_to_upload"), rule("keep-photos-open-plugged-in")]],
  ["Common Messages", "Updating:", [status("updating")]],
  ["Common Messages", "Syncing With iCloud:", [status("syncing")]],
  ["Common Messages", "Uploading:", [status("uploading"), rule("large-files-patience")]],
  ["Network Hygiene", "Good uploads need good upstream", [rule("stable-wifi"), rule("background-app-refresh"), rule("enable-cellular-photos"), warning("cellular-data-plan")]],
  ["Windows Tips", "Open the iCloud app from the Start menu", [rule("same-apple-id"), rule("windows-uploads-folder"), rule("windows-restart-photo-agent"), status("other")]],
  ["Mac Tips For Big Libraries", "Large libraries benefit", [rule("mac-allow-background-on-power"), rule("mac-free-disk")]],
  ["Prevent The Problem", "Keep a buffer of free iCloud", [warning("keep-icloud-buffer")]],
  ["Prevent The Problem", "Pick one sync method", [warning("pick-one-sync-method"), rule("turn-off-finder-sync")]],
  ["Prevent The Problem", "Update iOS, iPadOS, and macOS", [rule("update-os"), warning("routine-updates")]],
  ["Prevent The Problem", "On shared home Wi-Fi", [warning("overnight-big-imports")]],
  ["Prevent The Problem", "When moving to a new phone", [warning("new-phone-keep-both-on")]],
  ["What Not To Do", "Don’t delete items", [warning("dont-delete-to-refresh")]],
  ["What Not To Do", "Don’t sign out casually", [warning("dont-sign-out-casually")]],
  ["What Not To Do", "Don’t mix third-party cleaners", [warning("no-third-party-cleaners")]],
  ["What Not To Do", "Don’t assume a stalled progress bar", [warning("stalled-progress-not-failure"), criterion("persistence")]],
  ["Security And Privacy", "Uploads are encrypted", [warning("privacy-encryption")]],
  ["When To Get Help From Apple", "If errors persist across a full day", [criterion("persistence"), criterion("packet_complete"), status("other")]],
];

// Guides 001 and 002 share one body (only their titles differ), so one list serves both.
const GUIDE_001_BODY: PassageRow[] = [
  ["Introduction", "iCloud Photos is a nifty", [rule("enable-icloud-photos"), warning("dont-delete-to-refresh")]],
  ["Introduction", "But, sometimes, things go wrong", [tier("quick_checks")]],
  ["1. Check Your Settings", "Let's review if you have", [rule("same-apple-id")]],
  ["1. Check Your Settings", "If you're already signed in", [rule("enable-icloud-photos")]],
  ["2. Check Your Internet Connection", "Because iCloud is a web-based", [rule("stable-wifi")]],
  ["2. Check Your Internet Connection", "If the problem is your internet", [rule("stable-wifi")]],
  ["2. Check Your Internet Connection", "If your connection is fine", [rule("enable-cellular-photos")]],
  ["2. Check Your Internet Connection", "To do so, turn on your iPhone's", [rule("enable-cellular-photos"), warning("cellular-data-plan")]],
  ["3. Check Your iCloud Storage", "Another common culprit", [rule("free-icloud-storage"), warning("free-tier-is-small")]],
  ["3. Check Your iCloud Storage", "To be sure you haven't run out", [rule("free-icloud-storage")]],
  ["3. Check Your iCloud Storage", "If you have maxed out", [rule("free-icloud-storage")]],
  ["4. Optimize Your iPhone Storage", "Depending on the quality", [rule("free-device-storage"), rule("optimize-device-storage")]],
  ["4. Optimize Your iPhone Storage", "By default, all your photos", [rule("optimize-device-storage")]],
  ["4. Optimize Your iPhone Storage", "Optimize Storage allows", [rule("optimize-device-storage"), rule("download-originals")]],
  ["4. Optimize Your iPhone Storage", "To enable this option", [rule("optimize-device-storage")]],
  ["5. Restart Your iPhone", "If the fixes above fail", [rule("restart-device"), tier("resets")]],
  ["6. Update Your iPhone", "An outdated version of iOS", [rule("update-os")]],
  ["7. Plug In Your iPhone to Charge", "iCloud syncs photos when", [rule("plug-in-to-charge")]],
  ["Keep Your iCloud Photos Synced", "iCloud Photos is an excellent", [rule("enable-icloud-photos"), rule("same-apple-id")]],
  ["Keep Your iCloud Photos Synced", "We hope that the above fixes", [criterion("steps_exhausted"), criterion("persistence")]],
];

function passages(guide: GuideId, rows: PassageRow[]): GuidePassage[] {
  return rows.map(([section, firstWords, encodedBy], index) => ({
    id: `g${guide}-${String(index + 1).padStart(2, "0")}`,
    guide,
    section,
    firstWords,
    encodedBy,
  }));
}

export const GUIDE_PASSAGES: readonly GuidePassage[] = [
  ...passages("000", GUIDE_000),
  ...passages("001", GUIDE_001_BODY),
  ...passages("002", GUIDE_001_BODY),
];

export type PassageId = string;
