import type { CaseStatus } from "@/lib/db/generated/client";
import { parseInput, validationError } from "@/lib/errors/validation";
import { bulkUpdateSchema, type BulkUpdateInput } from "@/lib/cases/schemas/case-schemas";
import type { BulkUpdateResult } from "@/lib/cases/schemas/case-response-schemas";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { appendEvents, type NewCaseEvent } from "@/lib/cases/case-events";
import { customerReplyColumns } from "@/lib/cases/customer-reply";
import { assigneeIssues } from "@/lib/cases/references";
import { statusInSentence } from "@/lib/cases/view/status-labels";
import { agentCanMove, statusChange, statusColumns } from "@/lib/cases/status-transitions";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

// What each part of a bulk change needs, for the API route and the list's server action alike.
const BULK_PERMISSIONS = { status: "case:write", assigneeId: "case:assign" } as const satisfies Record<string, Permission>;

function assertBulkAllowed(ctx: TenantContext, input: BulkUpdateInput): void {
  if (!("role" in ctx.actor)) throw new AppError("forbidden", "Only staff and API tokens change cases in bulk");
  if (input.status !== undefined) assertCan(ctx.actor.role, BULK_PERMISSIONS.status);
  if (input.assigneeId !== undefined) assertCan(ctx.actor.role, BULK_PERMISSIONS.assigneeId);
}

/**
 * Assigns and/or sets the status of many cases in one transaction. Bumps each changed case's
 * version, so an agent editing one of them meanwhile gets a conflict instead of overwriting it.
 */
export async function bulkUpdateCases(ctx: TenantContext, raw: unknown, options: { now?: Date } = {}): Promise<BulkUpdateResult> {
  const input = parseInput(bulkUpdateSchema, raw);
  assertBulkAllowed(ctx, input);
  const ids = [...new Set(input.ids)];
  const now = options.now ?? new Date();
  const { tenantId } = ctx;

  return withTenant(tenantId, async (tx) => {
    const issues = input.assigneeId !== undefined ? await assigneeIssues(tx, tenantId, input.assigneeId) : [];
    if (issues.length > 0) throw validationError(issues);
    // Locked so the before/after in the events is exactly what this transaction changed.
    const rows = await tx.$queryRaw<{ id: string; status: CaseStatus; assigneeId: string | null }[]>`
      SELECT "id", "status", "assigneeId" FROM "Case"
      WHERE "tenantId" = ${tenantId}::uuid AND "id" = ANY(${ids}::uuid[])
      ORDER BY "id" FOR UPDATE`;

    const skipped: BulkUpdateResult["skipped"] = [];
    const statusIds: string[] = [];
    const assigneeIds: string[] = [];
    const events: NewCaseEvent[] = [];
    for (const row of rows) {
      if (input.status !== undefined && !agentCanMove(row.status, input.status)) {
        skipped.push({ id: row.id, reason: `The case is ${statusInSentence(row.status)}` });
        continue;
      }
      if (input.status !== undefined && input.status !== row.status) {
        statusIds.push(row.id);
        events.push(statusChange(row.id, row.status, input.status, now, { bulk: true }).event);
      }
      if (input.assigneeId !== undefined && input.assigneeId !== row.assigneeId) {
        assigneeIds.push(row.id);
        events.push({ caseId: row.id, type: "assignee.changed", data: { from: row.assigneeId, to: input.assigneeId, bulk: true } });
      }
    }
    // One UPDATE per kind of change (status, assignee, both): each changed case gets its new
    // columns, version + 1 and updatedAt in a single statement, so the Case triggers (metrics
    // counters, status history) run once per group rather than once per column (decision 0085).
    const statusSet = new Set(statusIds);
    const assigneeSet = new Set(assigneeIds);
    const groups = [
      { ids: statusIds.filter((id) => assigneeSet.has(id)), status: true, assignee: true },
      { ids: statusIds.filter((id) => !assigneeSet.has(id)), status: true, assignee: false },
      { ids: assigneeIds.filter((id) => !statusSet.has(id)), status: false, assignee: true },
    ];
    for (const group of groups) {
      if (group.ids.length === 0) continue;
      await tx.case.updateMany({
        where: { tenantId, id: { in: group.ids } },
        data: {
          ...(group.status && input.status !== undefined ? { ...statusColumns(input.status, now), ...customerReplyColumns(ctx.actor, ["status.changed"], now) } : {}),
          ...(group.assignee ? { assigneeId: input.assigneeId } : {}),
          version: { increment: 1 },
          updatedAt: now,
        },
      });
    }
    const changed = [...new Set([...statusIds, ...assigneeIds])];
    await appendEvents(tx, ctx, now, events);
    return { matched: rows.length, updated: changed.length, skipped, notFound: ids.length - rows.length };
  });
}
