import type { CaseStatus } from "@/lib/db/generated/client";
import { stepsPage, timelinePage, type HistoryPage, type StepView, type TimelineEventView } from "@/lib/cases/case-history";
import type { CaseFacts, StatusMessage } from "@/lib/facts/schema";
import type { EscalationReadiness } from "@/lib/escalation/readiness";
import { triageCase } from "@/lib/triage/triage-case";
import { explainStatusMessage } from "@/lib/rules/status-messages";
import type { RuleSettings } from "@/lib/rules/settings";
import { suggestionsView, type SuggestionsView } from "@/lib/cases/suggestions-view";
import { loadCaseRecord, type CaseRecord } from "@/lib/cases/case-record";
import { displayCaseNumber } from "@/lib/cases/case-number";
import { loadRuleSettings } from "@/lib/cases/rule-settings";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// The case as the API returns it and the case page shows it (SPEC §5). Plain JSON (dates as ISO
// strings), so a stored idempotent response and a fresh one are the same thing.

interface StatusExplanationView {
  deviceKey: string;
  message: StatusMessage;
  text: string | null;
  observedAt: string;
  screenshotId: string | null;
  title: string;
  explanation: string;
  whatToDo: string;
}

export interface EscalationView {
  ready: boolean;
  missing: string[];
  criteria: EscalationReadiness["criteria"];
  /** When the case became (or will become, if nothing changes) ready; null when not foreseeable. */
  readyAt: string | null;
}

export interface CaseView extends SuggestionsView {
  id: string;
  number: number;
  displayNumber: string;
  status: CaseStatus;
  assignee: { id: string; name: string } | null;
  version: number;
  facts: CaseFacts;
  /** The latest steps (oldest of them first); older ones page by `stepsPage.nextCursor`. */
  steps: StepView[];
  stepsPage: { total: number; nextCursor: string | null };
  escalation: EscalationView;
  statusExplanations: StatusExplanationView[];
  /** The latest events (oldest of them first); older ones page by `timelinePage.nextCursor`. */
  timeline: TimelineEventView[];
  timelinePage: { total: number; nextCursor: string | null };
  appleCaseNumber: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

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
  const steps = await stepsPage(tx, tenantId, caseId);
  const timeline = await timelinePage(tx, tenantId, caseId);
  const resolvedSettings = settings ?? (await loadRuleSettings(tx, tenantId));
  return buildCaseView(record, { steps, timeline }, resolvedSettings, now);
}

interface History {
  steps: HistoryPage<StepView>;
  timeline: HistoryPage<TimelineEventView>;
}

function buildCaseView(record: CaseRecord, history: History, settings: RuleSettings, now: Date): CaseView {
  const { row, facts, steps } = record;
  const { suggestions, escalation: readiness } = triageCase(facts, steps, settings, now);
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
    statusExplanations: facts.statusMessages.map((status) => ({
      ...status,
      ...explainStatusMessage(status.message, "agent"),
    })),
    timeline: [...history.timeline.items].reverse(),
    timelinePage: { total: history.timeline.total, nextCursor: history.timeline.nextCursor },
    appleCaseNumber: row.appleCaseNumber,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
