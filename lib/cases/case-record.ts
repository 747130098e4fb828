import type { Prisma } from "@/lib/db/generated/client";
import type { CaseFacts, TriedStep } from "@/lib/facts/schema";
import { factsFromRows } from "@/lib/cases/facts-rows";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// One case with everything stored about it, read in a fixed number of queries, plus its facts
// and steps in the shapes the engine reads.

const recordInclude = {
  customer: { select: { id: true, name: true, email: true } },
  assignee: { select: { userId: true, user: { select: { name: true, email: true } } } },
  devices: { orderBy: { position: "asc" } },
  statusMessages: { orderBy: [{ observedAt: "asc" }, { id: "asc" }] },
  // Every step, for the rule engine: only what it reads (a case may hold thousands; the view pages them).
  triedSteps: {
    orderBy: [{ triedAt: "asc" }, { createdAt: "asc" }],
    select: { ruleId: true, outcome: true, note: true, triedAt: true },
  },
} satisfies Prisma.CaseInclude;

export async function loadCaseRecord(tx: TenantTx, tenantId: string, caseId: string) {
  const row = await tx.case.findUnique({ where: { tenantId_id: { tenantId, id: caseId } }, include: recordInclude });
  if (!row) return null;
  const facts: CaseFacts = factsFromRows({
    caseRow: row,
    customer: row.customer,
    devices: row.devices,
    statusMessages: row.statusMessages,
  });
  const steps: TriedStep[] = row.triedSteps.map((step) => ({
    ruleId: step.ruleId as TriedStep["ruleId"],
    outcome: step.outcome,
    note: step.note,
    triedAt: step.triedAt,
  }));
  return { row, facts, steps };
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof loadCaseRecord>>>;
