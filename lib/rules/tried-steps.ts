import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { isRuleId, type RuleId } from "@/lib/rules/rule-ids";

export type LatestStep = TriedStep & { attempts: number; index: number };

/** Milliseconds of `triedAt`; a missing or invalid date sorts first instead of throwing. */
export const timeOf = (step: TriedStep): number => {
  const time = step.triedAt instanceof Date ? step.triedAt.getTime() : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

/**
 * The latest recorded step per rule: the newest `triedAt` wins; on a tie the later entry in the list.
 * Steps naming a rule that no longer exists are ignored rather than failing the whole case.
 */
export function latestStepsByRule(steps: readonly TriedStep[]): Map<RuleId, LatestStep> {
  const latest = new Map<RuleId, LatestStep>();
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    if (!isRuleId(step.ruleId)) continue;
    const current = latest.get(step.ruleId);
    const attempts = step.attempts ?? 1;
    if (current && timeOf(step) < timeOf(current)) {
      current.attempts += attempts;
      continue;
    }
    // An explicit literal rather than a spread: this runs for every step of every evaluation.
    latest.set(step.ruleId, {
      ruleId: step.ruleId,
      outcome: step.outcome,
      note: step.note,
      triedAt: step.triedAt,
      attempts: (current?.attempts ?? 0) + attempts,
      index,
    });
  }
  return latest;
}
