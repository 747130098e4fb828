import type { Platform } from "@/lib/facts/schema";
import type { PlatformSteps } from "@/lib/rules/types";

/** The same steps for several platforms (e.g. iPhone and iPad share Settings paths). */
export function sameSteps(platforms: readonly Platform[], steps: readonly string[]): PlatformSteps {
  const result: PlatformSteps = {};
  for (const platform of platforms) result[platform] = steps;
  return result;
}

export const MOBILE_PLATFORMS = ["iphone", "ipad"] as const satisfies readonly Platform[];
export const ALL_PLATFORMS = ["iphone", "ipad", "mac", "windows"] as const satisfies readonly Platform[];
export const APPLE_PLATFORMS = ["iphone", "ipad", "mac"] as const satisfies readonly Platform[];
