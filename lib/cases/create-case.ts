import { parseInput, validationError } from "@/lib/errors/validation";
import type { Prisma } from "@/lib/db/generated/client";
import type { CaseFacts } from "@/lib/facts/schema";
import { createCaseSchema } from "@/lib/cases/schemas/case-schemas";
import { loadCaseRecord } from "@/lib/cases/case-record";
import type { CaseView } from "@/lib/cases/view/case-view";
import { resolveCustomerId } from "@/lib/cases/customer-record";
import { platformsOf, replaceSearchTokens } from "@/lib/cases/derived-columns";
import { caseColumnsFromFacts, deviceRows, statusMessageRows } from "@/lib/cases/facts-rows";
import { checkIdempotencyKey, claimIdempotencyKey, completeIdempotencyKey, requestHash } from "@/lib/cases/idempotency";
import { assigneeIssues, claimScreenshots, screenshotIssues } from "@/lib/cases/references";
import { saveCase } from "@/lib/cases/save-case";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";

export interface CreateCaseResult {
  case: CaseView;
  /** true when an earlier request with the same Idempotency-Key already created this case. */
  replayed: boolean;
}

/**
 * Creates a case from intake facts in one transaction: number, customer, devices, status messages,
 * derived columns, the first timeline event and (with a key) the idempotency record.
 */
export async function createCase(
  ctx: TenantContext,
  raw: unknown,
  options: { idempotencyKey?: string | null; now?: Date } = {},
): Promise<CreateCaseResult> {
  const { assigneeId, status, ...factsInput } = parseInput(createCaseSchema, raw);
  const key = checkIdempotencyKey(options.idempotencyKey);
  const now = options.now ?? new Date();
  const { tenantId } = ctx;

  return withTenant(tenantId, async (tx) => {
    if (key) {
      const claim = await claimIdempotencyKey(tx, tenantId, key, requestHash(raw));
      if (claim.kind === "replay") return { case: claim.body as CaseView, replayed: true };
    }
    // "Since intake" means now.
    const facts: CaseFacts = { ...factsInput, problemSince: factsInput.problemSince ?? now.toISOString() };
    const issues = [...(await assigneeIssues(tx, tenantId, assigneeId)), ...(await screenshotIssues(tx, tenantId, null, facts))];
    if (issues.length > 0) throw validationError(issues);

    const number = await nextCaseNumber(tx, tenantId);
    const customerId = await resolveCustomerId(tx, tenantId, facts.customer);
    const created = await tx.case.create({
      data: {
        tenantId,
        number,
        customerId,
        status,
        assigneeId,
        ...caseColumnsFromFacts(facts, now),
        // Set on insert too (saveCase derives it again), so the status history row of the insert has them.
        platforms: platformsOf(facts),
        resolvedAt: status === "resolved" ? now : null,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await tx.device.createMany({ data: deviceRows(tenantId, created.id, facts) });
    await tx.statusObservation.createMany({ data: statusMessageRows(tenantId, created.id, facts) });
    await replaceSearchTokens(tx, tenantId, created.id, number, facts);
    await claimScreenshots(tx, tenantId, created.id, facts);
    const record = (await loadCaseRecord(tx, tenantId, created.id, { justCreated: true }))!;
    const view = await saveCase(tx, ctx, {
      record,
      recordIsCurrent: true,
      now,
      events: [{ caseId: created.id, type: "case.created", data: { number, status, assigneeId } }],
    });
    if (key) await completeIdempotencyKey(tx, tenantId, key, 201, view as unknown as Prisma.InputJsonValue);
    return { case: view, replayed: false };
  });
}

// The tenant row lock serialises concurrent creates just long enough to hand out distinct numbers.
async function nextCaseNumber(tx: TenantTx, tenantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ caseSeq: number }[]>`
    UPDATE "Tenant" SET "caseSeq" = "caseSeq" + 1 WHERE "id" = ${tenantId}::uuid RETURNING "caseSeq"`;
  const seq = rows[0]?.caseSeq;
  if (seq === undefined) throw new Error(`Tenant ${tenantId} is not visible in its own context`);
  return seq;
}
