import { PLATFORMS, type CaseFacts, type Platform, type StatusMessage } from "@/lib/facts/schema";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { RuleSettings } from "@/lib/rules/settings";
import type { DeviceView, RuleContext } from "@/lib/rules/types";

const MOBILE: ReadonlySet<Platform> = new Set<Platform>(["iphone", "ipad"]);

/** Derives, once per evaluation, the views every condition reads. */
export function buildRuleContext(
  facts: CaseFacts,
  settings: RuleSettings,
  tried: { has(id: RuleId): boolean },
  now: Date,
): RuleContext {
  const platformCounts: Partial<Record<Platform, number>> = {};
  for (const device of facts.devices) {
    platformCounts[device.platform] = (platformCounts[device.platform] ?? 0) + 1;
  }

  const devices: DeviceView[] = [];
  const mobiles: DeviceView[] = [];
  const macs: DeviceView[] = [];
  const windowsPcs: DeviceView[] = [];
  const byKey = new Map<string, DeviceView>();
  const platforms = new Set<Platform>();
  let platformMask = 0;
  for (const device of facts.devices) {
    const name = PLATFORM_LABELS[device.platform];
    // Name a device by its platform; add its key only when the platform alone is ambiguous.
    const label = (platformCounts[device.platform] ?? 0) > 1 ? `the ${name} "${device.key}"` : `the ${name}`;
    const view: DeviceView = { device, label, isMobile: MOBILE.has(device.platform) };
    devices.push(view);
    byKey.set(device.key, view);
    platforms.add(device.platform);
    platformMask |= 1 << PLATFORMS.indexOf(device.platform);
    if (view.isMobile) mobiles.push(view);
    else if (device.platform === "mac") macs.push(view);
    else windowsPcs.push(view);
  }

  const seenOn: Record<StatusMessage, DeviceView[]> = {
    paused: [],
    waiting_to_upload: [],
    updating: [],
    syncing: [],
    uploading: [],
    other: [],
  };
  for (const status of facts.statusMessages) {
    const view = byKey.get(status.deviceKey);
    const list = seenOn[status.message];
    if (view && !list.includes(view)) list.push(view);
  }

  const symptoms = new Set(facts.symptoms);
  const stuckMobiles = symptoms.has("stuck_waiting_to_upload")
    ? mobiles
    : mobiles.filter((view) => seenOn.waiting_to_upload.includes(view));

  const { itemCount, sizeGb } = facts.library;
  const { largeLibraryItems, largeLibrarySizeGb } = settings.thresholds;
  const largeLibrary =
    (itemCount !== null && itemCount >= largeLibraryItems) || (sizeGb !== null && sizeGb >= largeLibrarySizeGb)
      ? true
      : itemCount === null && sizeGb === null
        ? null
        : false;

  const since = facts.problemSince === null ? Number.NaN : Date.parse(facts.problemSince);
  const problemAgeHours = Number.isNaN(since) ? null : (now.getTime() - since) / 3_600_000;

  return {
    problemAgeHours,
    facts,
    settings,
    devices,
    mobiles,
    macs,
    windowsPcs,
    platforms,
    platformMask,
    symptoms,
    seenOn,
    stuckMobiles,
    largeLibrary,
    tried,
  };
}
