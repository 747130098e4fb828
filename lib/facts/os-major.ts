import type { Device, Platform } from "@/lib/facts/schema";

// The platform × OS major a tried step is counted under (docs/decisions/0040-metrics-aggregates.md).
// On a Windows PC it is iCloud for Windows' major version (what decides its sync); elsewhere the
// OS version's. 0 = not known. The database computes the same in metrics_os_major() (tested).

export function osMajorOf(device: Pick<Device, "platform" | "osVersion" | "icloudForWindowsVersion">): number {
  const version = device.platform === "windows" ? device.icloudForWindowsVersion : device.osVersion;
  const match = version ? /^\s*(\d{1,6})/.exec(version) : null;
  return match ? Number(match[1]) : 0;
}

const OS_NAMES: Record<Platform, string> = { iphone: "iOS", ipad: "iPadOS", mac: "macOS", windows: "iCloud for Windows" };
const PLATFORM_NAMES: Record<Platform, string> = { iphone: "iPhone", ipad: "iPad", mac: "Mac", windows: "Windows PC" };

/** "iPhone · iOS 18", "Windows PC · iCloud for Windows 15", "Mac · OS unknown"; "All devices" without a platform. */
export function deviceGroupLabel(platform: Platform | null, osMajor: number | null): string {
  if (!platform) return "All devices";
  if (osMajor === null) return PLATFORM_NAMES[platform];
  return `${PLATFORM_NAMES[platform]} · ${osMajor === 0 ? "OS unknown" : `${OS_NAMES[platform]} ${osMajor}`}`;
}

