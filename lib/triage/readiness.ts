import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { CRITERION_LABELS, type CriterionId } from "@/lib/rules/escalation-criteria";
import { evaluateRules, type Evaluation } from "@/lib/rules/evaluate";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import type { RuleSettings } from "@/lib/rules/settings";
import { isFailingStatus } from "@/lib/rules/status-messages";
import type { BlockerCode } from "@/lib/triage/blockers";

// Escalation readiness (SPEC §4): four criteria, each with the readable list of what is still missing.
// Every missing item also carries a stable code (lib/triage/blockers.ts) for the metrics.

type ReadinessCriterion = { id: CriterionId; label: string; met: boolean; missing: string[] };

export type EscalationReadiness = { ready: boolean; missing: string[]; criteria: ReadinessCriterion[]; blockers: BlockerCode[] };

type Missing = { code: BlockerCode; text: string };

/** Sign-out is never required before escalating (SPEC §4.2); high-risk repairs aren't either. */
const NOT_REQUIRED: ReadonlySet<RuleId> = new Set<RuleId>(["sign-out-icloud"]);

export function escalationReadiness(
  facts: CaseFacts,
  triedSteps: readonly TriedStep[],
  settings: RuleSettings,
  now: Date,
): EscalationReadiness {
  return readinessFromEvaluation(evaluateRules(facts, triedSteps, settings, now));
}

/** The same, from an evaluation already made (see lib/triage/triage-case.ts, which shares one with suggest). */
export function readinessFromEvaluation(evaluation: Evaluation): EscalationReadiness {
  const { facts } = evaluation.ctx;
  const items: [CriterionId, Missing[]][] = [
    ["persistence", persistenceMissing(evaluation)],
    ["steps_exhausted", stepsMissing(evaluation)],
    ["packet_complete", packetMissing(evaluation)],
    ["no_outage", facts.appleSystemStatus === "outage" ? [{ code: "apple_outage", text: "Apple reports an outage; the case waits until it is over" }] : []],
  ];
  const criteria = items.map(([id, missing]) => criterion(id, missing));
  const missing = criteria.flatMap((entry) => entry.missing);
  const blockers = [...new Set(items.flatMap(([, entries]) => entries.map((entry) => entry.code)))];
  return { ready: missing.length === 0, missing, criteria, blockers };
}

function criterion(id: CriterionId, missing: Missing[]): ReadinessCriterion {
  return { id, label: CRITERION_LABELS[id], met: missing.length === 0, missing: missing.map((entry) => entry.text) };
}

/**
 * Persistence: a full window on Wi-Fi ("on Wi-Fi" = a device whose network is 'wifi'), or repeated failures.
 * Failing statuses are Paused, Waiting to Upload and Other: they mean uploads are not happening
 * (Other is usually an error text). Updating, Syncing and Uploading are progress, not failure.
 */
function persistenceMissing({ ctx }: Evaluation): Missing[] {
  const { escalationHours, repeatedFailures } = ctx.settings.thresholds;
  const failures = ctx.facts.statusMessages.filter((status) => isFailingStatus(status.message)).length;
  const onWifi = ctx.facts.devices.some((device) => device.network === "wifi");
  const hours = ctx.problemAgeHours;
  const longEnough = hours !== null && hours >= escalationHours;
  if ((longEnough && onWifi) || failures >= repeatedFailures) return [];

  const needs = `needs ${escalationHours} h on Wi-Fi or ${repeatedFailures} repeated failures (${failures} recorded)`;
  if (hours === null) return [{ code: "problem_start_missing", text: `Problem start time not recorded; ${needs}` }];
  const seen = `Problem seen for ${Math.max(0, Math.floor(hours))} h`;
  if (longEnough) return [{ code: "no_device_on_wifi", text: `${seen} but no device is recorded on Wi-Fi; ${needs}` }];
  return [{ code: "persistence_window", text: `${seen}; ${needs}` }];
}

/**
 * Steps exhausted: every applicable low/medium rule has a latest step that tried it without success
 * ('no_change' or 'worse') or ruled it out ('not_applicable' with a reason). 'skipped' is not trying.
 * A 'resolved' step on any rule means the case is solved, so it is never ready to escalate.
 */
function stepsMissing({ applicable, latest }: Evaluation): Missing[] {
  const missing: Missing[] = [];
  for (const step of latest.values()) {
    if (step.outcome === "resolved") {
      const title = RULES_BY_ID.get(step.ruleId)?.title ?? step.ruleId;
      missing.push({ code: `step_resolved:${step.ruleId}`, text: `'${title}' resolved the problem; close the case instead of escalating` });
    }
  }
  for (const { rule } of applicable) {
    if (rule.risk === "high" || NOT_REQUIRED.has(rule.id)) continue;
    const step = latest.get(rule.id);
    if (!step) missing.push({ code: `step_not_tried:${rule.id}`, text: `'${rule.title}' not tried yet` });
    else if (step.outcome === "skipped") {
      missing.push({ code: `step_skipped:${rule.id}`, text: `'${rule.title}' was skipped; try it or mark it not applicable with a reason` });
    } else if (step.outcome === "not_applicable" && !step.note?.trim()) {
      missing.push({ code: `step_not_applicable_without_reason:${rule.id}`, text: `'${rule.title}' marked not applicable without a reason` });
    }
  }
  return missing;
}

/** Packet: model and OS version per device, the library size (GB or item count), one documented status. */
function packetMissing({ ctx }: Evaluation): Missing[] {
  const missing: Missing[] = [];
  for (const view of ctx.devices) {
    if (!view.device.model?.trim()) missing.push({ code: "device_model_missing", text: `Model missing for ${view.label}` });
    if (!view.device.osVersion) missing.push({ code: "device_os_version_missing", text: `OS version missing for ${view.label}` });
  }
  const { sizeGb, itemCount } = ctx.facts.library;
  if (sizeGb === null && itemCount === null) missing.push({ code: "library_size_missing", text: "Library size missing (GB or number of items)" });
  const documented = ctx.facts.statusMessages.some((status) => Boolean(status.text?.trim()) || Boolean(status.screenshotId));
  if (!documented) {
    missing.push(
      ctx.facts.statusMessages.length === 0
        ? { code: "status_message_missing", text: "No status message recorded (exact text or a screenshot)" }
        : { code: "status_message_undocumented", text: "No status message has its exact text or a screenshot" },
    );
  }
  return missing;
}
