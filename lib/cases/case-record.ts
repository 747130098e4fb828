import type { Prisma } from "@/lib/db/generated/client";
import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "@/lib/rules/settings";
import { factsFromRows } from "@/lib/cases/facts-rows";
import { storedSettings } from "@/lib/rules/tenant-settings";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// One case with everything stored about it, read in a fixed number of queries, plus its facts
// and steps in the shapes the engine reads. The same statement brings the tenant's rulebook
// settings and how many timeline events the case has (relation joins, decision 0085): every
// caller needs the settings, and the view needs the count.

const recordInclude = {
  customer: { select: { id: true, name: true, email: true } },
  assignee: { select: { userId: true, user: { select: { name: true, email: true } } } },
  devices: { orderBy: { position: "asc" } },
  statusMessages: { orderBy: [{ observedAt: "asc" }, { id: "asc" }] },
  tenant: { select: { ruleSettings: { select: { disabledRules: true, thresholds: true } } } },
  _count: { select: { events: true } },
} satisfies Prisma.CaseInclude;

/** `justCreated`: the case was inserted by this transaction, which recorded no step on it (nothing to read). */
export async function loadCaseRecord(tx: TenantTx, tenantId: string, caseId: string, options: { justCreated?: boolean } = {}) {
  const found = await tx.case.findUnique({ where: { tenantId_id: { tenantId, id: caseId } }, include: recordInclude });
  if (!found) return null;
  const { tenant, _count, ...row } = found;
  const settings: RuleSettings = tenant.ruleSettings ? storedSettings(tenant.ruleSettings) : DEFAULT_RULE_SETTINGS;
  const facts: CaseFacts = factsFromRows({
    caseRow: row,
    customer: row.customer,
    devices: row.devices,
    statusMessages: row.statusMessages,
  });
  return { row, facts, steps: options.justCreated ? [] : await stepsForEngine(tx, tenantId, caseId), settings, eventCount: _count.events };
}

// The rule engine reads, per rule, the latest step and how many were recorded: one row per rule
// however many steps a case holds (the case view pages the steps themselves; their total is the
// sum of the attempts). Ties on triedAt go to
// the later recorded, as lib/rules/tried-steps.ts orders them.
async function stepsForEngine(tx: TenantTx, tenantId: string, caseId: string): Promise<TriedStep[]> {
  const rows = await tx.$queryRaw<{ ruleId: string; outcome: TriedStep["outcome"]; note: string | null; triedAt: Date; attempts: number }[]>`
    SELECT DISTINCT ON ("ruleId") "ruleId", "outcome", "note", "triedAt", (count(*) OVER (PARTITION BY "ruleId"))::int AS "attempts"
    FROM "TriedStep" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ${caseId}::uuid
    ORDER BY "ruleId", "triedAt" DESC, "createdAt" DESC`;
  return rows
    .map((row) => ({ ruleId: row.ruleId as TriedStep["ruleId"], outcome: row.outcome, note: row.note, triedAt: row.triedAt, attempts: row.attempts }))
    .sort((a, b) => a.triedAt.getTime() - b.triedAt.getTime());
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof loadCaseRecord>>>;
