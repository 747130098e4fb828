import { Prisma, type AppleSystemStatus, type Symptom } from "@/lib/db/generated/client";
import type { TriedStep } from "@/lib/facts/schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { escalationReadyAtOf } from "@/lib/cases/derived-columns";
import { factsFromRows, type DeviceFactColumns, type FactRows, type StatusFactColumns } from "@/lib/cases/facts-rows";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// After a settings change, every open case's `escalationReadyAt` is recomputed with the new
// settings, in the caller's transaction (docs/decisions/0032-rule-settings.md). Readiness is
// TypeScript (the rulebook), so per batch of cases in primary-key order (keyset): one query locks
// the batch, four set-based queries read its customers, devices, status messages and steps, the
// rulebook evaluates them, and one UPDATE … FROM unnest(…) writes the values that changed. The
// lock (FOR NO KEY UPDATE, which every case writer conflicts with) makes a case write in flight
// finish first, so it is evaluated with its new facts; a write that starts later waits for this
// transaction and then reads the new settings.

export const REEVALUATION_BATCH_SIZE = 2_000;

interface CaseFactRow {
  // Columns as FactRows' caseRow needs them, plus what the keyset and the comparison need.
  id: string;
  problemSince: Date;
  appleIdConsistent: boolean | null;
  appleSystemStatus: AppleSystemStatus;
  libraryItemCount: number | null;
  librarySizeGb: number | null;
  libraryHasLargeFiles: boolean | null;
  icloudTotalGb: number | null;
  icloudFreeGb: number | null;
  symptoms: Symptom[];
  escalationReadyAt: Date | null;
  customerId: string;
}

export interface ReevaluationResult {
  /** Open cases evaluated. */
  cases: number;
  /** Cases whose escalationReadyAt changed. */
  changed: number;
}

export async function reevaluateEscalationReadiness(
  tx: TenantTx,
  tenantId: string,
  settings: RuleSettings,
  now: Date,
  batchSize = REEVALUATION_BATCH_SIZE,
): Promise<ReevaluationResult> {
  const result: ReevaluationResult = { cases: 0, changed: 0 };
  let after: string | null = null;
  for (;;) {
    const rows = await lockBatch(tx, tenantId, after, batchSize);
    if (rows.length === 0) return result;
    result.cases += rows.length;
    result.changed += await reevaluateBatch(tx, tenantId, rows, settings, now);
    if (rows.length < batchSize) return result;
    after = rows.at(-1)!.id;
  }
}

// Locks and reads one batch in primary-key order: an index range scan that starts at the cursor,
// so each batch costs the same however far the keyset has gone. (Joining the customers here made
// the planner hash-join the whole tenant per batch; they are read by id below instead.)
function lockBatch(tx: TenantTx, tenantId: string, after: string | null, limit: number): Promise<CaseFactRow[]> {
  return tx.$queryRaw<CaseFactRow[]>`
    SELECT c."id", c."customerId", c."problemSince", c."appleIdConsistent", c."appleSystemStatus"::text AS "appleSystemStatus",
           c."libraryItemCount", c."librarySizeGb", c."libraryHasLargeFiles", c."icloudTotalGb", c."icloudFreeGb",
           c."symptoms"::text[] AS "symptoms", c."escalationReadyAt"
    FROM "Case" c
    WHERE c."tenantId" = ${tenantId}::uuid AND c."status" IN ('open', 'waiting_on_customer')
      ${after ? Prisma.sql`AND c."id" > ${after}::uuid` : Prisma.empty}
    ORDER BY c."tenantId", c."id"
    LIMIT ${limit}
    FOR NO KEY UPDATE`;
}

async function reevaluateBatch(tx: TenantTx, tenantId: string, rows: CaseFactRow[], settings: RuleSettings, now: Date): Promise<number> {
  const children = await readChildren(tx, tenantId, rows);
  const changedIds: string[] = [];
  const changedAt: (string | null)[] = [];
  for (const row of rows) {
    const facts = factsFromRows({
      caseRow: row,
      customer: children.customers.get(row.customerId)!,
      devices: children.devices.get(row.id) ?? [],
      statusMessages: children.statusMessages.get(row.id) ?? [],
    });
    const readyAt = escalationReadyAtOf({ facts, steps: children.steps.get(row.id) ?? [], settings, now, previous: row.escalationReadyAt });
    if ((readyAt?.getTime() ?? null) === (row.escalationReadyAt?.getTime() ?? null)) continue;
    changedIds.push(row.id);
    changedAt.push(readyAt?.toISOString() ?? null);
  }
  if (changedIds.length === 0) return 0;
  // A derived column, not an edit: version and updatedAt stay, so nobody's open form goes stale.
  await tx.$executeRaw`
    UPDATE "Case" AS c SET "escalationReadyAt" = v."readyAt"
    FROM unnest(${changedIds}::uuid[], ${changedAt}::timestamptz[]) AS v("id", "readyAt")
    WHERE c."tenantId" = ${tenantId}::uuid AND c."id" = v."id"`;
  return changedIds.length;
}

// The batch's customers, devices, status messages and steps: one query each, by primary or
// (tenantId, caseId) index, only the columns the facts need. Raw SQL: model queries with a
// 2,000-value IN list cost more in the client than in the database. (One query with a JSON
// aggregate per case measured slower: the correlated sub-selects cost the database more.)
async function readChildren(tx: TenantTx, tenantId: string, rows: CaseFactRow[]) {
  const caseIds = rows.map((row) => row.id);
  const customerIds = [...new Set(rows.map((row) => row.customerId))];
  const customers = await tx.$queryRaw<Array<FactRows["customer"] & { id: string }>>`
    SELECT "id", "name", "email" FROM "Customer" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ANY(${customerIds}::uuid[])`;
  const devices = await tx.$queryRaw<Array<DeviceFactColumns & { caseId: string }>>`
    SELECT "caseId", "key", "position", "platform"::text AS "platform", "model", "osVersion", "icloudForWindowsVersion",
           "icloudPhotosEnabled", "storageMode"::text AS "storageMode", "freeStorageGb", "lowPowerMode", "pluggedIn",
           "network"::text AS "network", "vpn", "cellularDataForPhotos", "finderSync", "dateTimeAutomatic"
    FROM "Device" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(${caseIds}::uuid[])`;
  const statusMessages = await tx.$queryRaw<Array<StatusFactColumns & { caseId: string }>>`
    SELECT "caseId", "id", "deviceKey", "message"::text AS "message", "text", "observedAt", "screenshotId"
    FROM "StatusObservation" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(${caseIds}::uuid[])`;
  // Ordered as loadCaseRecord orders them, so ties between steps resolve as on a case write.
  const steps = await tx.$queryRaw<Array<TriedStep & { caseId: string }>>`
    SELECT "caseId", "ruleId", "outcome"::text AS "outcome", "note", "triedAt"
    FROM "TriedStep" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(${caseIds}::uuid[])
    ORDER BY "triedAt", "createdAt"`;
  return {
    customers: new Map(customers.map((customer) => [customer.id, customer])),
    devices: groupByCase(devices),
    statusMessages: groupByCase(statusMessages),
    steps: groupByCase(steps),
  };
}

function groupByCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.caseId);
    if (list) list.push(row);
    else grouped.set(row.caseId, [row]);
  }
  return grouped;
}
