import type { z } from "zod";
import type { caseViewSchema, stepViewSchema, timelineEventSchema } from "@/lib/cases/case-view-schema";
import { triageCase } from "@/lib/triage/triage-case";
import { explainStatusMessage } from "@/lib/rules/status-messages";
import type { RuleSettings } from "@/lib/rules/settings";
import { suggestionsView } from "@/lib/cases/suggestions-view";
import { loadCaseRecord, type CaseRecord } from "@/lib/cases/case-record";
import { displayCaseNumber } from "@/lib/cases/case-number";
import { loadRuleSettings } from "@/lib/cases/rule-settings";
import { reviewStateOf, type EscalationReviewView } from "@/lib/escalation/review-state";
import { customerLinkExpiresAt } from "@/lib/customer/link-lifetime";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import { loadFixHints, type FixHint } from "@/lib/metrics/fix-hints";

// The case as the API returns it and the case page shows it (SPEC §5), typed by its schema in
// case-view-schema.ts. Plain JSON (dates as ISO strings), so a stored idempotent response and a
// fresh one are the same thing.

export type CaseView = z.infer<typeof caseViewSchema>;
export type StepView = z.infer<typeof stepViewSchema>;
export type TimelineEventView = z.infer<typeof timelineEventSchema>;
export type EscalationView = CaseView["escalation"];
type ActorView = StepView["by"];

/** Reads the case and shapes its view inside the caller's transaction; null when it is not in this tenant. */
export async function loadCaseView(
  tx: TenantTx,
  tenantId: string,
  caseId: string,
  now: Date,
  settings?: RuleSettings,
): Promise<CaseView | null> {
  // Sequential on purpose: one transaction is one connection, so parallel queries would only queue.
  const record = await loadCaseRecord(tx, tenantId, caseId);
  if (!record) return null;
  const events = await loadCaseEvents(tx, tenantId, caseId);
  const resolvedSettings = settings ?? (await loadRuleSettings(tx, tenantId));
  const fixHints = await loadFixHints(tx, tenantId, record.facts.devices);
  return buildCaseView(record, events, resolvedSettings, now, fixHints);
}

/** The case's timeline, oldest first. */
export function loadCaseEvents(tx: TenantTx, tenantId: string, caseId: string) {
  return tx.caseEvent.findMany({ where: { tenantId, caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

type EventRow = Awaited<ReturnType<typeof loadCaseEvents>>[number];

export function buildCaseView(record: CaseRecord, events: EventRow[], settings: RuleSettings, now: Date, fixHints: FixHint[]): CaseView {
  const { row, facts, steps } = record;
  const { suggestions, escalation: readiness } = triageCase(facts, steps, settings, now);
  // Who recorded a step is on its timeline event (API tokens and customers have no user row).
  const stepActors = new Map<string, ActorView>();
  // Every rotation revokes the previous link and makes a new one, so the last link event is the live link.
  let linkCreatedAt: Date | null = null;
  for (const event of events) {
    if (event.type === "customer_link.created" || event.type === "customer_link.rotated") linkCreatedAt = event.createdAt;
    const stepId = (event.data as { stepId?: unknown } | null)?.stepId;
    if (event.type === "step.recorded" && typeof stepId === "string") {
      stepActors.set(stepId, { kind: event.actorKind, name: event.actorLabel });
    }
  }
  return {
    id: row.id,
    number: row.number,
    displayNumber: displayCaseNumber(row.number),
    status: row.status,
    assignee: row.assignee ? { id: row.assignee.userId, name: row.assignee.user.name } : null,
    version: row.version,
    facts,
    ...suggestionsView(suggestions),
    steps: row.triedSteps.map((step) => ({
      id: step.id,
      ruleId: step.ruleId,
      outcome: step.outcome,
      note: step.note,
      noteVisibleToCustomer: step.noteVisibleToCustomer,
      triedAt: step.triedAt.toISOString(),
      recordedAt: step.createdAt.toISOString(),
      by: stepActors.get(step.id) ?? { kind: step.actorKind, name: step.recordedBy?.user.name ?? step.actorKind },
    })),
    escalation: {
      ready: readiness.ready,
      missing: [...readiness.missing],
      criteria: readiness.criteria,
      readyAt: row.escalationReadyAt?.toISOString() ?? null,
    },
    review: reviewStateOf(row, events),
    statusExplanations: facts.statusMessages.map((status) => ({
      ...status,
      ...explainStatusMessage(status.message, "agent"),
    })),
    timeline: events.map((event) => ({
      id: event.id,
      type: event.type,
      at: event.createdAt.toISOString(),
      actor: { kind: event.actorKind, name: event.actorLabel, userId: event.actorUserId },
      data: event.data,
    })),
    appleCaseNumber: row.appleCaseNumber,
    customerRepliedAt: row.customerRepliedAt?.toISOString() ?? null,
    customerLink: linkCreatedAt
      ? {
          createdAt: linkCreatedAt.toISOString(),
          expiresAt: customerLinkExpiresAt({ createdAt: linkCreatedAt }, settings.thresholds.customerLinkDays, row.resolvedAt).toISOString(),
        }
      : null,
    fixHints,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
