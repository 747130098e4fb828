import type { FieldIssue } from "@/lib/errors/app-error";
import type { FactsDraft } from "@/components/facts-form/draft";

// Maps the services' FieldIssue paths ("devices.1.osVersion", or "facts.devices.1.osVersion" from an
// edit) to the input that shows them. A path with no input of its own ("devices", "symptoms.2")
// falls back to its nearest rendered ancestor (the section), so no error is ever dropped.

/** The DOM id of the input (or section) for a facts path. */
export const fieldId = (path: string) => `fact-${path.replace(/\./g, "-")}`;

const DEVICE_FIELDS = [
  "platform", "model", "osVersion", "icloudForWindowsVersion", "icloudPhotosEnabled", "storageMode", "freeStorageGb",
  "lowPowerMode", "pluggedIn", "network", "vpn", "cellularDataForPhotos", "finderSync", "dateTimeAutomatic",
];
const STATUS_FIELDS = ["deviceKey", "message", "text", "observedAt", "screenshotId"];

function renderedPaths(draft: FactsDraft): Set<string> {
  const paths = new Set([
    "customer", "customer.name", "customer.email", "problemSince", "appleIdConsistent", "appleSystemStatus",
    "library", "library.itemCount", "library.sizeGb", "library.hasLargeFiles",
    "icloudStorage", "icloudStorage.totalGb", "icloudStorage.freeGb", "devices", "statusMessages", "symptoms",
  ]);
  draft.devices.forEach((_, index) => {
    paths.add(`devices.${index}`);
    // The key is generated, not typed: its problems belong to the device's platform input.
    DEVICE_FIELDS.forEach((field) => paths.add(`devices.${index}.${field}`));
  });
  draft.statusMessages.forEach((_, index) => {
    paths.add(`statusMessages.${index}`);
    STATUS_FIELDS.forEach((field) => paths.add(`statusMessages.${index}.${field}`));
  });
  return paths;
}

export interface ResolvedIssue {
  path: string;
  message: string;
  /** The id to link to and to mark invalid; "" when nothing on the form matches (shown in the summary only). */
  targetId: string;
}

export function resolveIssues(issues: readonly FieldIssue[], draft: FactsDraft): ResolvedIssue[] {
  const known = renderedPaths(draft);
  return issues.map((issue) => {
    let path = issue.path.startsWith("facts.") ? issue.path.slice("facts.".length) : issue.path;
    if (/^devices\.\d+\.key$/.test(path)) path = path.replace(/key$/, "platform");
    while (!known.has(path) && path.includes(".")) path = path.slice(0, path.lastIndexOf("."));
    return { path, message: issue.message, targetId: known.has(path) ? fieldId(path) : "" };
  });
}

/** Messages per path, for the inputs. */
export function errorsByPath(resolved: readonly ResolvedIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of resolved) map.set(issue.path, [...(map.get(issue.path) ?? []), issue.message]);
  return map;
}
