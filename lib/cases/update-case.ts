import { notFound, type FieldIssue } from "@/lib/errors/app-error";
import { parseInput, validationError } from "@/lib/errors/validation";
import type { Prisma } from "@/lib/db/generated/client";
import { caseFactsSchema, type CaseFacts } from "@/lib/facts/schema";
import { updateCaseSchema } from "@/lib/cases/schemas/case-schemas";
import type { NewCaseEvent } from "@/lib/cases/case-events";
import { loadCaseRecord, type CaseRecord } from "@/lib/cases/case-record";
import { claimCaseVersion } from "@/lib/cases/claim-version";
import type { CaseView } from "@/lib/cases/view/case-view";
import { resolveCustomerId } from "@/lib/cases/customer-record";
import { replaceSearchTokens } from "@/lib/cases/derived-columns";
import { caseColumnsFromFacts, deviceRows, statusMessageRows } from "@/lib/cases/facts-rows";
import { diffFacts } from "@/lib/cases/facts-diff";
import { mergeFacts } from "@/lib/cases/merge-facts";
import { isUuid } from "@/lib/util/uuid";
import { assigneeIssues, claimScreenshots, screenshotIssues } from "@/lib/cases/references";
import { saveCase } from "@/lib/cases/save-case";
import { agentCanMove, statusChange, statusChangeRefusal } from "@/lib/cases/status-transitions";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";

/**
 * Edits facts, status and/or assignee with optimistic concurrency: the write applies only when the
 * case still has the version the caller read (`UPDATE … WHERE version = $expected`); otherwise a
 * 409 carries the current version, and nothing is written. Everything happens in one transaction.
 */
export async function updateCase(
  ctx: TenantContext,
  unverifiedCaseId: string,
  raw: unknown,
  options: { now?: Date } = {},
): Promise<CaseView> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const input = parseInput(updateCaseSchema, raw);
  const caseId = unverifiedCaseId;
  const { tenantId } = ctx;
  const now = options.now ?? new Date();

  return withTenant(tenantId, async (tx) => {
    await claimCaseVersion(tx, tenantId, caseId, input.version, now);

    const record = (await loadCaseRecord(tx, tenantId, caseId))!;
    const before = record.facts;
    const after = input.facts ? mergedFacts(record, input.facts) : before;
    const issues: FieldIssue[] = [];
    if (input.assigneeId !== undefined) issues.push(...(await assigneeIssues(tx, tenantId, input.assigneeId)));
    if (input.facts?.statusMessages !== undefined) issues.push(...(await screenshotIssues(tx, tenantId, caseId, after, "facts.")));
    if (input.status !== undefined && !agentCanMove(record.row.status, input.status)) {
      issues.push({ path: "status", message: statusChangeRefusal(record.row.status, input.status) });
    }
    if (issues.length > 0) throw validationError(issues);

    const data: Prisma.CaseUncheckedUpdateInput = {};
    const events: NewCaseEvent[] = [];
    const changes = diffFacts(before, after);
    if (changes.length > 0) {
      Object.assign(data, caseColumnsFromFacts(after, record.row.createdAt));
      if (changes.some((change) => change.field.startsWith("customer."))) {
        data.customerId = await updatedCustomerId(tx, tenantId, record, after);
      }
      await replaceListsIfChanged(tx, tenantId, caseId, before, after);
      await replaceSearchTokens(tx, tenantId, caseId, record.row.number, after, before);
      events.push({ caseId, type: "facts.updated", data: { changes } as unknown as Prisma.InputJsonValue });
    }
    if (input.status !== undefined && input.status !== record.row.status) {
      const change = statusChange(caseId, record.row.status, input.status, now);
      Object.assign(data, change.data);
      events.push(change.event);
    }
    if (input.assigneeId !== undefined && input.assigneeId !== record.row.assigneeId) {
      data.assigneeId = input.assigneeId;
      events.push({ caseId, type: "assignee.changed", data: { from: record.row.assigneeId, to: input.assigneeId } });
    }
    return saveCase(tx, ctx, { record, facts: after, data, events, now });
  });
}

function mergedFacts(record: CaseRecord, patch: NonNullable<Parameters<typeof mergeFacts>[1]>): CaseFacts {
  const facts = parseInput(caseFactsSchema, mergeFacts(record.facts, patch), "facts");
  // "Since intake" for a case that already exists means its creation time.
  return { ...facts, problemSince: facts.problemSince ?? record.row.createdAt.toISOString() };
}

async function updatedCustomerId(tx: TenantTx, tenantId: string, record: CaseRecord, after: CaseFacts): Promise<string> {
  const sameEmail = record.row.customer.email === after.customer.email;
  if (!sameEmail) return resolveCustomerId(tx, tenantId, after.customer);
  await tx.customer.update({
    where: { tenantId_id: { tenantId, id: record.row.customerId } },
    data: { name: after.customer.name },
  });
  return record.row.customerId;
}

// Devices and status messages are owned by the case: a changed list is replaced as a whole.
async function replaceListsIfChanged(tx: TenantTx, tenantId: string, caseId: string, before: CaseFacts, after: CaseFacts) {
  if (JSON.stringify(before.devices) !== JSON.stringify(after.devices)) {
    await tx.device.deleteMany({ where: { tenantId, caseId } });
    await tx.device.createMany({ data: deviceRows(tenantId, caseId, after) });
  }
  if (JSON.stringify(before.statusMessages) !== JSON.stringify(after.statusMessages)) {
    await tx.statusObservation.deleteMany({ where: { tenantId, caseId } });
    await tx.statusObservation.createMany({ data: statusMessageRows(tenantId, caseId, after) });
    await claimScreenshots(tx, tenantId, caseId, after);
  }
}
