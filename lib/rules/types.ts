import type { CaseFacts, Device, Platform, StatusMessage, Symptom } from "@/lib/facts/schema";
import type { Category, Risk } from "@/lib/rules/categories";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { RuleSettings } from "@/lib/rules/settings";
import type { WarningId } from "@/lib/rules/warnings";
import type { PassageId } from "@/lib/rules/guide-passages";

/** A device as the conditions read it, with the words that name it in a reason. */
export type DeviceView = {
  device: Device;
  /** "the iPhone", or `the iPhone "work"` when the case has several iPhones. */
  label: string;
  isMobile: boolean;
};

/** Everything a condition may read, derived once per evaluation so conditions stay cheap. */
export type RuleContext = {
  facts: CaseFacts;
  settings: RuleSettings;
  devices: DeviceView[];
  mobiles: DeviceView[];
  macs: DeviceView[];
  windowsPcs: DeviceView[];
  platforms: ReadonlySet<Platform>;
  /** The same set as a bit mask (bit = index in PLATFORMS). */
  platformMask: number;
  symptoms: ReadonlySet<Symptom>;
  /** Devices on which each status message was seen (each device once). */
  seenOn: Record<StatusMessage, DeviceView[]>;
  /** iPhones/iPads whose upload queue looks stuck (Waiting to Upload seen, or the symptom reported). */
  stuckMobiles: DeviceView[];
  /** true / false when the library size is known, null when neither size nor item count is. */
  largeLibrary: boolean | null;
  /** Rules with at least one recorded step, whatever its outcome. */
  tried: { has(id: RuleId): boolean };
  /** Hours since `problemSince` at `now`; null when the start isn't recorded. */
  problemAgeHours: number | null;
};

/** Part of a reason: plain words, or words with a `{devices}` slot filled in when the reason is shown. */
export type ReasonFragment = string | { text: string; devices: readonly DeviceView[] };

/**
 * A condition's verdict: how strongly the facts point at the rule, and which facts did. `explains`
 * is true when a recorded fact by itself accounts for what was observed (see STRENGTH.explains).
 */
export type RuleMatch = { strength: number; reasons: ReasonFragment[]; explains?: boolean };

type RuleCondition = (ctx: RuleContext) => RuleMatch | null;

/**
 * When a rule waits for earlier steps: "quick_checks" = every applicable quick check was tried;
 * "earlier_tiers" = every applicable step of an earlier category; "everything" = every other applicable step.
 */
export type RuleGate = "quick_checks" | "earlier_tiers" | "everything";

export type PlatformSteps = Partial<Record<Platform, readonly string[]>>;

/** A rule as written in the catalog; `guideRefs` is attached from the passage map. */
export type RuleDefinition = {
  id: RuleId;
  /** Bump when the condition or the instructions change meaning. */
  version: number;
  title: string;
  customerTitle: string;
  category: Category;
  risk: Risk;
  platforms: readonly Platform[];
  gate?: RuleGate;
  /** The condition in words, for the generated rulebook. */
  when: string;
  /** When a recorded fact by itself explains the problem (ranked first in its stage), in words; absent if never. */
  explainsWhen?: string;
  condition: RuleCondition;
  /** Agent instructions (menu paths) per platform. */
  instructions: PlatformSteps;
  /** Plain-language steps for the customer page: shared ones, then per platform. */
  customerSteps: { any?: readonly string[] } & PlatformSteps;
  warnings: readonly WarningId[];
};

export type Rule = RuleDefinition & {
  /** Position in the guides' order (category first, then catalog position). */
  order: number;
  tier: number;
  /** The guide's stage (1 quick checks, 2 resets, 3 repairs, 4 signing out): the ranking never crosses it. */
  stage: number;
  /** Bit mask of `platforms` (see platformMask), for a cheap "does it apply here" test. */
  platformMask: number;
  guideRefs: readonly PassageId[];
};
