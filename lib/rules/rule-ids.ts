// The stable rule ids of SPEC §3. They are part of the public API: never rename, only add.
// Kept apart from the rule data so the facts schema can validate ids without importing the rulebook.
export const RULE_IDS = [
  "check-apple-system-status",
  "same-apple-id",
  "enable-icloud-photos",
  "keep-photos-open-plugged-in",
  "mac-keep-photos-open",
  "nudge-upload",
  "free-icloud-storage",
  "free-device-storage",
  "disable-low-power-mode",
  "plug-in-to-charge",
  "stable-wifi",
  "disable-vpn-firewall",
  "enable-cellular-photos",
  "background-app-refresh",
  "mac-allow-background-on-power",
  "download-originals",
  "optimize-device-storage",
  "check-date-time",
  "test-fresh-shot",
  "check-shared-albums",
  "check-hidden-recently-deleted",
  "large-files-patience",
  "turn-off-finder-sync",
  "restart-device",
  "update-os",
  "toggle-icloud-photos",
  "force-quit-photos",
  "windows-restart-photo-agent",
  "windows-uploads-folder",
  "mac-free-disk",
  "repair-library-mac",
  "reset-photo-analysis",
  "sign-out-icloud",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const RULE_ID_SET: ReadonlySet<string> = new Set(RULE_IDS);

export function isRuleId(value: string): value is RuleId {
  return RULE_ID_SET.has(value);
}
