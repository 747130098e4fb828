import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import type { NewCaseEvent } from "@/lib/cases/case-events";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { lockCase } from "@/lib/cases/lock-case";
import { appendStep } from "@/lib/cases/record-step";
import { statusChange } from "@/lib/cases/status-transitions";
import { evaluateRules } from "@/lib/rules/evaluate";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { assertLinkLive, loadCustomerView } from "@/lib/customer/customer-case";
import { linkGone, type CustomerContext } from "@/lib/customer/customer-context";
import type { CustomerReportResult } from "@/lib/customer/customer-view-schema";

// A customer's "It worked" / "Didn't help" on a step (SPEC §7): a tried step by the customer,
// written like every step (appendStep → saveCase), which moves a case waiting on the customer
// back to open and marks it "customer replied". "It worked" never resolves the case: the agent
// confirms. A double tap or a retried request records one report.

export const CUSTOMER_NOTE_MAX = 1000;
/** An identical report (same step, outcome and note) within this window is the same report again. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

export const customerReportSchema = z.strictObject(
  {
    ruleId: z.enum(RULE_IDS, { error: "Unknown step" }),
    outcome: z.enum(["resolved", "no_change"], { error: 'Outcome must be "resolved" (it worked) or "no_change" (didn\'t help)' }),
    note: z
      .string({ error: "Note must be text" })
      .trim()
      .max(CUSTOMER_NOTE_MAX, `Note is too long (${CUSTOMER_NOTE_MAX} characters at most)`)
      .nullish()
      .transform((note) => note || null),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}` : "Send a JSON object with ruleId and outcome") },
);

export async function recordCustomerReport(ctx: CustomerContext, raw: unknown, options: { now?: Date } = {}): Promise<CustomerReportResult> {
  const input = parseInput(customerReportSchema, raw);
  const now = options.now ?? new Date();
  const { tenantId } = ctx;
  const caseId = ctx.actor.caseId;

  return withTenant(tenantId, async (tx) => {
    // The row lock makes identical concurrent reports take turns: the second sees the first's step.
    if (!(await lockCase(tx, tenantId, caseId))) throw linkGone();
    const record = (await loadCaseRecord(tx, tenantId, caseId))!;
    const { settings } = record;
    assertLinkLive(ctx, settings, record.row.resolvedAt, now);
    if (record.row.status === "resolved") {
      throw new AppError("conflict", "Your case is resolved. If the problem is back, contact us and mention your case number.");
    }
    const { applicable } = evaluateRules(record.facts, record.steps, settings, now);
    if (!applicable.some((entry) => entry.rule.id === input.ruleId)) {
      throw validationError([{ path: "ruleId", message: "This step isn't part of your case" }]);
    }

    const repeated = await tx.triedStep.findFirst({
      where: {
        tenantId,
        caseId,
        actorKind: "customer",
        ruleId: input.ruleId,
        outcome: input.outcome,
        note: input.note,
        createdAt: { gt: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
      },
      select: { id: true },
    });
    if (repeated) return { reportId: repeated.id, duplicate: true, case: await loadCustomerView(tx, ctx, now, { settings }) };

    const data: Prisma.CaseUncheckedUpdateInput = {};
    const events: NewCaseEvent[] = [];
    if (record.row.status === "waiting_on_customer") {
      const change = statusChange(caseId, record.row.status, "open", now, { reason: "The customer reported back" });
      Object.assign(data, change.data);
      events.push(change.event);
    }
    const { step, case: view } = await appendStep(tx, ctx, {
      caseId,
      step: { ruleId: input.ruleId, outcome: input.outcome, note: input.note, noteVisibleToCustomer: true, triedAt: now },
      now,
      data,
      events,
      settings,
    });
    return { reportId: step.id, duplicate: false, case: await loadCustomerView(tx, ctx, now, { settings, view }) };
  });
}
