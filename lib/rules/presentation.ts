import { PLATFORMS, type Platform } from "@/lib/facts/schema";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { getWarning, type WarningId } from "@/lib/rules/warnings";
import type { Rule } from "@/lib/rules/types";

// The static parts of a suggestion (instructions, customer steps, warnings), built once per rule and
// per set of platforms, then shared read-only: this keeps `suggest` well under its time budget.

type PlatformInstructions = { platform: Platform; label: string; steps: readonly string[] };
export type WarningText = { id: WarningId; text: string };

type RulePresentation = {
  instructions: readonly PlatformInstructions[];
  customerSteps: readonly string[];
};

// Indexed by rule order * 16 + platform mask: a plain array lookup on the hot path.
const cache: (RulePresentation | undefined)[] = [];
const warningCache = new Map<string, readonly WarningText[]>();

export function presentRule(rule: Rule, mask: number): RulePresentation {
  const key = rule.order * 16 + mask;
  let presentation = cache[key];
  if (!presentation) {
    presentation = buildPresentation(rule, mask);
    cache[key] = presentation;
  }
  return presentation;
}

function buildPresentation(rule: Rule, mask: number): RulePresentation {
  const present = PLATFORMS.filter((_, bit) => (mask & (1 << bit)) !== 0);
  const instructions: PlatformInstructions[] = [];
  const customerSteps: string[] = [...(rule.customerSteps.any ?? [])];
  for (const platform of present) {
    const steps = rule.instructions[platform];
    if (steps) instructions.push(Object.freeze({ platform, label: PLATFORM_LABELS[platform], steps: Object.freeze([...steps]) }));
    for (const step of rule.customerSteps[platform] ?? []) customerSteps.push(`On your ${PLATFORM_LABELS[platform]}: ${step}`);
  }
  return { instructions: Object.freeze(instructions), customerSteps: Object.freeze(customerSteps) };
}

export function ruleWarnings(rule: Rule): readonly WarningText[] {
  let warnings = warningCache.get(rule.id);
  if (!warnings) {
    warnings = Object.freeze(rule.warnings.map((id) => Object.freeze({ id, text: getWarning(id).text })));
    warningCache.set(rule.id, warnings);
  }
  return warnings;
}
