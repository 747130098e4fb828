import type { Prisma } from "@/lib/db/generated/client";
import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { appendEvents, appendEventsReturning, type NewCaseEvent } from "@/lib/cases/case-events";
import type { CaseRecord } from "@/lib/cases/case-record";
import { caseViewOf, loadCaseView, type CaseView } from "@/lib/cases/view/case-view";
import { customerReplyColumns } from "@/lib/cases/customer-reply";
import { escalationColumnsOf, platformsOf } from "@/lib/cases/derived-columns";
import { triageCase } from "@/lib/triage/triage-case";
import type { TenantContext } from "@/lib/tenancy/context";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// The one way a write to a case ends (create, edit, step, escalation, customer report…):
// the tenant's settings → the derived columns (platforms, escalation readiness and blockers, and
// "customer replied", which depends on who acts) → one UPDATE of the case row → the timeline events
// → the case as the caller now sees it. Callers first lock the row (a claimed version or lockCase)
// and write their own child rows (devices, steps, …).

export interface CaseWrite {
  /** The case as this write read it, with its row already locked by the caller. */
  record: CaseRecord;
  /** Facts after the write, when it changed them; the record's otherwise. */
  facts?: CaseFacts;
  /** Steps after the write, when it added one the record does not hold yet. */
  steps?: readonly TriedStep[];
  /** The write's own column changes (status, assignee, fact columns, …). */
  data?: Prisma.CaseUncheckedUpdateInput;
  events: NewCaseEvent[];
  now: Date;
  /** Already loaded by the caller in this transaction; the record's otherwise. */
  settings?: RuleSettings;
  /**
   * True when `record` was read after this write's own child rows (steps, devices, …) were written
   * and the write changes no relation the view shows (assignee): the view is then built from it
   * and the row the UPDATE returns, instead of reading the whole case again (decision 0083).
   */
  recordIsCurrent?: boolean;
}

export async function saveCase(tx: TenantTx, ctx: TenantContext, write: CaseWrite): Promise<CaseView> {
  const { tenantId } = ctx;
  const { record, now } = write;
  const caseId = record.row.id;
  const settings = write.settings ?? record.settings;
  const facts = write.facts ?? record.facts;
  const steps = write.steps ?? record.steps;
  // The rulebook once per write: its readiness at `now` gives the derived columns, and the same
  // evaluation gives the view's suggestions when the view is built from this record.
  const triage = triageCase(facts, steps, settings, now);
  const updated = await tx.case.update({
    where: { tenantId_id: { tenantId, id: caseId } },
    data: {
      ...write.data,
      ...customerReplyColumns(ctx.actor, write.events.map((event) => event.type), now),
      platforms: platformsOf(facts),
      ...escalationColumnsOf({ facts, steps, settings, now, previous: record.row.escalationReadyAt, atNow: triage.escalation }),
      updatedAt: now,
    },
  });
  if (!write.recordIsCurrent) {
    await appendEvents(tx, ctx, now, write.events);
    return (await loadCaseView(tx, tenantId, caseId, now, settings))!;
  }
  const appendedEvents = await appendEventsReturning(tx, ctx, now, write.events);
  const sameInputs = facts === record.facts && steps === record.steps;
  return caseViewOf(tx, { ...record, row: { ...record.row, ...updated } }, settings, now, {
    appendedEvents,
    ...(sameInputs ? { triage } : {}),
  });
}
