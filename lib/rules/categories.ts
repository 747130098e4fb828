// Rule categories in the guides' order: the category is the first sort key of the suggestions.
// Quick low-risk checks come first, resets later, repairs after, signing out of iCloud last.
export const CATEGORIES = [
  "quick_checks",
  "settings",
  "storage",
  "power_and_network",
  "resets",
  "advanced",
  "last_resort",
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  quick_checks: "Quick checks",
  settings: "Settings",
  storage: "Storage",
  power_and_network: "Power and network",
  resets: "Resets",
  advanced: "Advanced",
  last_resort: "Last resort",
};

/** Tier number of a category: 1 for quick checks up to 7 for the last resort. */
export const CATEGORY_TIER: Record<Category, number> = Object.fromEntries(
  CATEGORIES.map((category, index) => [category, index + 1]),
) as Record<Category, number>;

export type Risk = "low" | "medium" | "high";

export const RISK_LABELS: Record<Risk, string> = { low: "Low", medium: "Medium", high: "High" };
