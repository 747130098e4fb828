import type { z } from "zod";
import type { caseViewSchema, stepViewSchema, timelineEventSchema } from "@/lib/cases/schemas/case-view-schema";
import { pageOfNewEvents, stepsPage, timelinePage, type HistoryPage } from "@/lib/cases/case-history";
import type { StoredCaseEvent } from "@/lib/cases/case-events";
import { triageCase, type CaseTriage } from "@/lib/triage/triage-case";
import { explainStatusMessage } from "@/lib/rules/status-messages";
import type { RuleSettings } from "@/lib/rules/settings";
import { suggestionsView } from "@/lib/cases/view/suggestions-view";
import { loadCaseRecord, type CaseRecord } from "@/lib/cases/case-record";
import { displayCaseNumber } from "@/lib/cases/case-number";
import { reviewStateOf } from "@/lib/cases/view/review-state";
import { customerLinkExpiresAt } from "@/lib/cases/customer-link-lifetime";
import type { TenantTx } from "@/lib/tenancy/with-tenant";
import { loadFixHints, type FixHint } from "@/lib/cases/view/fix-hints";

// The case as the API returns it and the case page shows it (SPEC §5), typed by its schema in
// case-view-schema.ts. Plain JSON (dates as ISO strings), so a stored idempotent response and a
// fresh one are the same thing.

export type CaseView = z.infer<typeof caseViewSchema>;
export type StepView = z.infer<typeof stepViewSchema>;
export type TimelineEventView = z.infer<typeof timelineEventSchema>;
export type EscalationView = CaseView["escalation"];

/** Reads the case and shapes its view inside the caller's transaction; null when it is not in this tenant. */
export async function loadCaseView(
  tx: TenantTx,
  tenantId: string,
  caseId: string,
  now: Date,
  settings?: RuleSettings,
): Promise<CaseView | null> {
  const record = await loadCaseRecord(tx, tenantId, caseId);
  if (!record) return null;
  return caseViewOf(tx, record, settings ?? record.settings, now);
}

/** What a write that ends in caseViewOf already knows, so it is not read or computed again. */
export interface KnownToView {
  /** Events this write appended after `record` was read (the record's event count misses them), as stored. */
  appendedEvents?: readonly StoredCaseEvent[];
  /** The rulebook's evaluation of the record's facts and steps at `now`, when the write already ran it. */
  triage?: CaseTriage;
}

/**
 * The view of a case already read (and, in a write, already updated) in this transaction. The
 * record's steps are current (read in this transaction after any step this write added), so the
 * steps' total is the sum of their attempts; the events' total is the record's count plus those
 * appended since.
 */
export async function caseViewOf(tx: TenantTx, record: CaseRecord, settings: RuleSettings, now: Date, known: KnownToView = {}): Promise<CaseView> {
  const { tenantId, id: caseId } = record.row;
  const stepsTotal = record.steps.reduce((sum, step) => sum + (step.attempts ?? 1), 0);
  // Sequential on purpose: one transaction is one connection, so parallel queries would only queue.
  const appended = known.appendedEvents ?? [];
  // A case whose only events are the ones this write just appended (a create): its timeline and
  // markers are those events, nothing to read back.
  const onlyAppended = record.eventCount === 0 && known.appendedEvents ? pageOfNewEvents(appended) : null;
  const timeline = onlyAppended ?? (await timelinePage(tx, tenantId, caseId, {}, record.eventCount + appended.length));
  const steps = await stepsPage(tx, tenantId, caseId, {}, { total: stepsTotal, recentEvents: timeline.items });
  const markers = onlyAppended && !appended.some(isMarkerEvent) ? [] : await loadMarkerEvents(tx, tenantId, caseId);
  const fixHints = await loadFixHints(tx, tenantId, record.facts.devices);
  const triage = known.triage ?? triageCase(record.facts, record.steps, settings, now);
  return buildCaseView(record, { steps, timeline, markers }, settings, now, fixHints, triage);
}

interface MarkerEvent {
  type: string;
  createdAt: Date;
  actorLabel: string;
  data: unknown;
}

// The events the view derives state from (the latest review submission, approval and return, and
// the latest customer link), whatever page of the timeline they are on: one row per kind.
// isMarkerEvent is the same filter, for events in hand.
function isMarkerEvent(event: StoredCaseEvent): boolean {
  if (event.type === "customer_link.created" || event.type === "customer_link.rotated") return true;
  return event.type === "status.changed" && typeof event.data === "object" && event.data !== null && !Array.isArray(event.data) && "escalation" in event.data;
}

function loadMarkerEvents(tx: TenantTx, tenantId: string, caseId: string): Promise<MarkerEvent[]> {
  return tx.$queryRaw<MarkerEvent[]>`
    SELECT * FROM (
      SELECT DISTINCT ON ("type", "data"->>'escalation') "type", "createdAt", "actorLabel", "data", "id"
      FROM "CaseEvent"
      WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ${caseId}::uuid
        AND ("type" IN ('customer_link.created', 'customer_link.rotated') OR ("type" = 'status.changed' AND "data" ? 'escalation'))
      ORDER BY "type", "data"->>'escalation', "createdAt" DESC, "id" DESC
    ) AS latest ORDER BY "createdAt", "id"`;
}

interface History {
  steps: HistoryPage<StepView>;
  timeline: HistoryPage<TimelineEventView>;
  /** Oldest first. */
  markers: MarkerEvent[];
}

function buildCaseView(record: CaseRecord, history: History, settings: RuleSettings, now: Date, fixHints: FixHint[], triage: CaseTriage): CaseView {
  const { row, facts } = record;
  const { suggestions, escalation: readiness } = triage;
  // Every rotation revokes the previous link and makes a new one, so the last link event is the live link.
  const linkCreatedAt = history.markers.findLast((event) => event.type.startsWith("customer_link."))?.createdAt ?? null;
  return {
    id: row.id,
    number: row.number,
    displayNumber: displayCaseNumber(row.number),
    status: row.status,
    assignee: row.assignee ? { id: row.assignee.userId, name: row.assignee.user.name } : null,
    version: row.version,
    facts,
    ...suggestionsView(suggestions),
    steps: [...history.steps.items].reverse(),
    stepsPage: { total: history.steps.total, nextCursor: history.steps.nextCursor },
    escalation: {
      ready: readiness.ready,
      missing: [...readiness.missing],
      criteria: readiness.criteria,
      readyAt: row.escalationReadyAt?.toISOString() ?? null,
    },
    review: reviewStateOf(row, history.markers),
    statusExplanations: facts.statusMessages.map((status) => ({
      ...status,
      ...explainStatusMessage(status.message, "agent"),
    })),
    timeline: [...history.timeline.items].reverse(),
    timelinePage: { total: history.timeline.total, nextCursor: history.timeline.nextCursor },
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
