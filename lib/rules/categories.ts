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

/**
 * The guide's stages, which the ranking never crosses: quick checks (every low-risk check, setting,
 * storage, power and network step) before resets before repairs, signing out last. Within a stage a
 * fact that by itself explains the problem outranks the categories' order (lib/rules/engine.ts).
 */
const STAGES = ["checks", "resets", "repairs", "sign_out"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  checks: "Quick checks",
  resets: "Resets",
  repairs: "Repairs",
  sign_out: "Signing out",
};

export const CATEGORY_STAGE: Record<Category, Stage> = {
  quick_checks: "checks",
  settings: "checks",
  storage: "checks",
  power_and_network: "checks",
  resets: "resets",
  advanced: "repairs",
  last_resort: "sign_out",
};

/** Stage number of a category: 1 for the quick checks up to 4 for signing out. */
export const CATEGORY_STAGE_NUMBER: Record<Category, number> = Object.fromEntries(
  CATEGORIES.map((category) => [category, STAGES.indexOf(CATEGORY_STAGE[category]) + 1]),
) as Record<Category, number>;

export const RISKS = ["low", "medium", "high"] as const;
export type Risk = (typeof RISKS)[number];

export const RISK_LABELS: Record<Risk, string> = { low: "Low", medium: "Medium", high: "High" };
