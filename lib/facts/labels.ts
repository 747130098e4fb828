import type { AppleSystemStatus, Network, Platform, StatusMessage, StepOutcome, StorageMode, Symptom } from "@/lib/facts/schema";

// Human labels for every fact value, used by the UI, the reasons and the generated rulebook.

export const PLATFORM_LABELS: Record<Platform, string> = {
  iphone: "iPhone",
  ipad: "iPad",
  mac: "Mac",
  windows: "Windows PC",
};

export const NETWORK_LABELS: Record<Network, string> = {
  wifi: "Wi-Fi",
  cellular: "Cellular data",
  hotspot: "Personal hotspot",
  captive_portal: "Wi-Fi with a sign-in page (captive portal)",
  none: "No connection",
};

export const STORAGE_MODE_LABELS: Record<StorageMode, string> = {
  optimize: "Optimize Storage",
  originals: "Download and Keep Originals",
};

export const APPLE_SYSTEM_STATUS_LABELS: Record<AppleSystemStatus, string> = {
  ok: "All services normal",
  outage: "Outage or maintenance",
  unknown: "Not checked",
};

export const STATUS_MESSAGE_LABELS: Record<StatusMessage, string> = {
  paused: "Paused",
  waiting_to_upload: "Waiting to Upload",
  updating: "Updating",
  syncing: "Syncing with iCloud",
  uploading: "Uploading",
  other: "Other message",
};

export const SYMPTOM_LABELS: Record<Symptom, string> = {
  photo_not_on_other_device: "A photo doesn't appear on another device",
  stuck_waiting_to_upload: "Items stuck on Waiting to Upload",
  blurry_thumbnails: "Thumbnails look blurry or soft",
  shared_album_missing: "A Shared Album or shared item is missing",
  items_missing: "Items are missing from the library",
  edits_not_syncing: "Edits don't reach the other devices",
  windows_thumbnails_missing: "Thumbnails missing on the Windows PC",
  slow_upload: "Uploads are very slow",
  library_count_mismatch: "Item counts differ between devices",
};

export const STEP_OUTCOME_LABELS: Record<StepOutcome, string> = {
  resolved: "It worked",
  no_change: "Didn't help",
  worse: "Made it worse",
  not_applicable: "Not applicable",
  skipped: "Skipped",
};

export const BOOLEAN_FACT_LABELS = { true: "Yes", false: "No", unknown: "Unknown" } as const;
