import type { StepOutcome } from "@/lib/db/generated/client";
import type { CaseView } from "@/lib/cases/view/case-view";
import type { StepView } from "@/lib/cases/view/case-view";
import { CUSTOMER_CASE_STATUS } from "@/lib/cases/view/status-labels";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import { explainStatusMessage } from "@/lib/rules/status-messages";
import { getWarning, type WarningId } from "@/lib/rules/warnings";
import type { CustomerCaseView, CustomerText, CustomerTriedStep } from "@/lib/customer/customer-view-schema";

// What the customer sees of their case: built field by field from the staff view (an allow-list,
// never a copy with fields removed), in the rulebook's customer wording. Never in it: agent notes
// not marked for the customer, staff emails or full names, the assignee, the timeline, facts the
// customer did not need (library, storage, the exact status texts typed by staff).

/** A few steps at a time: the guide's order is the order to try them in. */
export const NEXT_STEPS_SHOWN = 3;

const CUSTOMER_OUTCOME_LABELS: Record<StepOutcome, string> = {
  resolved: "It worked",
  no_change: "Didn't help",
  worse: "Made it worse",
  not_applicable: "Not needed in your case",
  skipped: "Skipped",
};

export function customerViewOf(view: CaseView, context: { supportName: string; linkExpiresAt: Date }): CustomerCaseView {
  const deviceLabel = new Map(view.facts.devices.map((device) => [device.key, device.model?.trim() || PLATFORM_LABELS[device.platform]]));
  const ready = view.suggestions.filter((suggestion) => suggestion.status === "next");
  const shown = ready.slice(0, NEXT_STEPS_SHOWN);
  return {
    caseNumber: view.displayNumber,
    supportName: context.supportName,
    status: view.status,
    statusTitle: CUSTOMER_CASE_STATUS[view.status].title,
    statusExplanation: CUSTOMER_CASE_STATUS[view.status].explanation,
    appleCaseNumber: view.appleCaseNumber,
    linkExpiresAt: context.linkExpiresAt.toISOString(),
    devices: view.facts.devices.map((device) => deviceLabel.get(device.key)!),
    outage: view.outage,
    nextSteps:
      view.status === "resolved"
        ? []
        : shown.map((suggestion) => ({
            ruleId: suggestion.ruleId,
            title: suggestion.customerTitle,
            instructions: [...suggestion.customerSteps],
            checkWithUsFirst: suggestion.risk === "high",
            warnings: suggestion.warnings.map((warning) => customerWarning(warning.id)),
          })),
    laterStepCount: view.status === "resolved" ? 0 : view.suggestions.length - shown.length,
    tried: [...view.steps].sort((a, b) => b.triedAt.localeCompare(a.triedAt)).map(customerTriedStep),
    warnings: view.warnings.map((warning) => customerWarning(warning.id)),
    statusMessages: view.facts.statusMessages.map((status) => {
      const explained = explainStatusMessage(status.message, "customer");
      return { device: deviceLabel.get(status.deviceKey) ?? "your device", ...explained, seenAt: status.observedAt };
    }),
    canReport: view.status !== "resolved",
  };
}

function customerTriedStep(step: StepView): CustomerTriedStep {
  const byCustomer = step.by.kind === "customer";
  const outcome = step.outcome as StepOutcome;
  return {
    id: step.id,
    ruleId: step.ruleId,
    title: RULES_BY_ID.get(step.ruleId as RuleId)?.customerTitle ?? "A troubleshooting step",
    outcome,
    outcomeLabel: CUSTOMER_OUTCOME_LABELS[outcome] ?? outcome,
    triedAt: step.triedAt,
    by: byCustomer ? "You" : staffFirstName(step.by),
    byCustomer,
    note: byCustomer || step.noteVisibleToCustomer ? step.note : null,
  };
}

/** A person's first name at most; tokens, the system and anything that looks like an address read as the team. */
function staffFirstName(by: StepView["by"]): string {
  const first = by.kind === "user" ? by.name.trim().split(/\s+/)[0] : undefined;
  return first && !first.includes("@") ? first : "Your support team";
}

function customerWarning(id: string): CustomerText {
  const warning = getWarning(id as WarningId);
  return { id, kind: warning.kind, text: warning.customerText };
}
