import { RULES_BY_ID } from "@/lib/rules/catalog";

// Stable codes for what keeps a case from being ready to escalate (SPEC §4), one per kind of missing
// item; step-related ones name the rule ("step_not_tried:restart-device"). Stored per case
// (Case.escalationBlockers) and counted by the metrics, so a code, once published, keeps its meaning.

const SIMPLE_BLOCKERS = {
  problem_start_missing: "Problem start time not recorded",
  no_device_on_wifi: "Problem persisted, but no device is on Wi-Fi and failures don't repeat",
  persistence_window: "Problem not yet persisted long enough, nor repeated failures",
  device_model_missing: "Model missing for a device",
  device_os_version_missing: "OS version missing for a device",
  library_size_missing: "Library size missing",
  status_message_missing: "No status message recorded",
  status_message_undocumented: "No status message has its exact text or a screenshot",
  apple_outage: "Apple reports an outage",
} as const;

type SimpleBlocker = keyof typeof SIMPLE_BLOCKERS;

const STEP_BLOCKERS = {
  step_not_tried: (title: string) => `‘${title}’ not tried yet`,
  step_skipped: (title: string) => `‘${title}’ was skipped`,
  step_not_applicable_without_reason: (title: string) => `‘${title}’ marked not applicable without a reason`,
  step_resolved: (title: string) => `‘${title}’ resolved it: close the case instead`,
} as const;

type StepBlocker = keyof typeof STEP_BLOCKERS;

export type BlockerCode = SimpleBlocker | `${StepBlocker}:${string}`;

/** The words for a blocker code in the metrics ("OS version missing for a device"). */
export function blockerLabel(code: string): string {
  if (code in SIMPLE_BLOCKERS) return SIMPLE_BLOCKERS[code as SimpleBlocker];
  const [kind, ruleId] = code.split(":", 2) as [string, string | undefined];
  if (ruleId && kind in STEP_BLOCKERS) return STEP_BLOCKERS[kind as StepBlocker](RULES_BY_ID.get(ruleId as never)?.title ?? ruleId);
  return code;
}
