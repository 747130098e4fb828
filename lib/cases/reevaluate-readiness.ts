import { Prisma } from "@/lib/db/generated/client";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import type { RuleSettings } from "@/lib/rules/settings";
import { escalationColumnsOf } from "@/lib/cases/derived-columns";
import { factsFromRows, type DeviceFactColumns, type FactRows, type StatusFactColumns } from "@/lib/cases/facts-rows";
import type { TenantTx } from "@/lib/tenancy/with-tenant";

// After a settings change, every open case's escalation columns (`escalationReadyAt` and
// `escalationBlockers`, everything a case write derives from the settings) are recomputed with the
// new settings by the function saveCase uses (escalationColumnsOf), in the caller's transaction
// (docs/decisions/0032-rule-settings.md). Readiness is TypeScript (the rulebook), so per batch of
// open cases in primary-key order (keyset): one query locks the batch and reads its facts and
// steps, the rulebook evaluates them in this process, and one UPDATE … FROM json_to_recordset(…)
// writes the cases whose columns changed (the metrics' statement triggers recount their blockers). While a batch is evaluated here, the
// database already locks and reads the next one, so the two processors work at the same time.
// The lock (FOR NO KEY UPDATE, which every case writer conflicts with) makes a case write in flight
// finish first, so it is evaluated with its new facts; a write that starts later waits for this
// transaction and then reads the new settings itself.

const REEVALUATION_BATCH_SIZE = 2_000;

// Timestamps arrive as ISO text inside JSON.
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

type CaseRow = Json<FactRows["caseRow"]> & {
  id: string;
  escalationReadyAt: string | null;
  escalationBlockers: string[] | null;
  customerName: string;
  customerEmail: string | null;
};
type ChildRow<T> = Json<T> & { caseId: string };

/** One batch as one JSON value per table: one value to decode instead of one per column and row. */
interface Batch {
  cases: CaseRow[] | null;
  devices: ChildRow<DeviceFactColumns>[] | null;
  statusMessages: ChildRow<StatusFactColumns>[] | null;
  steps: ChildRow<TriedStep>[] | null;
}

export interface ReevaluationResult {
  /** Open cases evaluated. */
  cases: number;
  /** Cases whose escalationReadyAt or escalationBlockers changed. */
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
  let pending = lockAndReadBatch(tx, tenantId, null, batchSize);
  for (;;) {
    const batch = await pending;
    const cases = batch?.cases ?? [];
    if (cases.length === 0) return result;
    result.cases += cases.length;
    pending = cases.length < batchSize ? Promise.resolve(null) : lockAndReadBatch(tx, tenantId, cases.at(-1)!.id, batchSize);
    // Awaited on the next turn; until then this only keeps a failure from counting as unhandled.
    pending.catch(() => undefined);
    result.changed += await writeChanged(tx, tenantId, await changedColumns(batch!, settings, now));
  }
}

// The batch is an index range scan on the primary key from the cursor (every batch costs the same
// however far the keyset has gone); children are found through their (tenantId, caseId) indexes.
async function lockAndReadBatch(tx: TenantTx, tenantId: string, after: string | null, limit: number): Promise<Batch | null> {
  const rows = await tx.$queryRaw<{ batch: Batch }[]>`
    WITH batch AS (
      SELECT "id", "customerId", "problemSince", "appleIdConsistent", "appleSystemStatus", "libraryItemCount", "librarySizeGb",
             "libraryHasLargeFiles", "icloudTotalGb", "icloudFreeGb", "symptoms", "escalationReadyAt", "escalationBlockers"
      FROM "Case"
      WHERE "tenantId" = ${tenantId}::uuid AND "status" IN ('open', 'waiting_on_customer')
        ${after ? Prisma.sql`AND "id" > ${after}::uuid` : Prisma.empty}
      ORDER BY "tenantId", "id"
      LIMIT ${limit}
      FOR NO KEY UPDATE
    ), ids AS (SELECT array_agg("id") AS ids FROM batch)
    SELECT json_build_object(
      -- LATERAL: one primary-key probe per case (a plain join let the planner scan every customer per batch).
      'cases', (SELECT json_agg(c ORDER BY c."id") FROM (
        SELECT b.*, cu."customerName", cu."customerEmail" FROM batch b
        CROSS JOIN LATERAL (SELECT "name" AS "customerName", "email" AS "customerEmail" FROM "Customer"
                            WHERE "tenantId" = ${tenantId}::uuid AND "id" = b."customerId") cu) c),
      'devices', (SELECT json_agg(d) FROM (
        SELECT "caseId", "key", "position", "platform", "model", "osVersion", "icloudForWindowsVersion", "icloudPhotosEnabled", "storageMode",
               "freeStorageGb", "lowPowerMode", "pluggedIn", "network", "vpn", "cellularDataForPhotos", "finderSync", "dateTimeAutomatic"
        FROM "Device" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(CAST((SELECT ids FROM ids) AS uuid[]))) d),
      'statusMessages', (SELECT json_agg(s) FROM (
        SELECT "caseId", "id", "deviceKey", "message", "text", "observedAt", "screenshotId"
        FROM "StatusObservation" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(CAST((SELECT ids FROM ids) AS uuid[]))) s),
      -- Ordered as loadCaseRecord orders steps, so ties resolve as they do on a case write.
      'steps', (SELECT json_agg(t ORDER BY t."triedAt", t."createdAt") FROM (
        SELECT "caseId", "ruleId", "outcome", "note", "triedAt", "createdAt"
        FROM "TriedStep" WHERE "tenantId" = ${tenantId}::uuid AND "caseId" = ANY(CAST((SELECT ids FROM ids) AS uuid[]))) t)
    ) AS "batch"`;
  return rows[0]?.batch ?? null;
}

// The rulebook runs here, on the server's one JavaScript thread: it yields every few hundred cases
// so the read of the next batch goes out at once and other requests keep being served meanwhile.
const CASES_BETWEEN_YIELDS = 250;

/** One case's new escalation columns, as JSON for json_to_recordset. */
interface ChangedColumns {
  id: string;
  readyAt: string | null;
  blockers: string[];
}

async function changedColumns(batch: Batch, settings: RuleSettings, now: Date): Promise<ChangedColumns[]> {
  const devices = groupByCase(batch.devices);
  const statusMessages = groupByCase(batch.statusMessages);
  const steps = groupByCase(batch.steps);
  const changed: ChangedColumns[] = [];
  for (const [index, row] of (batch.cases ?? []).entries()) {
    if (index % CASES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
    const facts = factsFromRows({
      caseRow: { ...row, problemSince: new Date(row.problemSince), symptoms: row.symptoms ?? [] },
      customer: { name: row.customerName, email: row.customerEmail },
      devices: devices.get(row.id) ?? [],
      statusMessages: (statusMessages.get(row.id) ?? []).map((status) => ({ ...status, observedAt: new Date(status.observedAt) })),
    });
    const tried = (steps.get(row.id) ?? []).map((step) => ({ ...step, triedAt: new Date(step.triedAt) }));
    const previous = row.escalationReadyAt ? new Date(row.escalationReadyAt) : null;
    const next = escalationColumnsOf({ facts, steps: tried, settings, now, previous });
    const sameReadyAt = (next.escalationReadyAt?.getTime() ?? null) === (previous?.getTime() ?? null);
    if (sameReadyAt && sameCodes(next.escalationBlockers, row.escalationBlockers ?? [])) continue;
    changed.push({ id: row.id, readyAt: next.escalationReadyAt?.toISOString() ?? null, blockers: next.escalationBlockers });
  }
  return changed;
}

/** Same codes in the same order: what saveCase would store is what is stored. */
function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, index) => code === b[index]);
}

// Derived columns, not an edit: version and updatedAt stay, so nobody's open form goes stale.
// One JSON parameter carries the batch (a text[] per case does not fit unnest's flat arrays).
async function writeChanged(tx: TenantTx, tenantId: string, changed: ChangedColumns[]): Promise<number> {
  if (changed.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "Case" AS c SET "escalationReadyAt" = v."readyAt", "escalationBlockers" = v."blockers"
    FROM json_to_recordset(${JSON.stringify(changed)}::json) AS v("id" uuid, "readyAt" timestamptz, "blockers" text[])
    WHERE c."tenantId" = ${tenantId}::uuid AND c."id" = v."id"`;
  return changed.length;
}

function groupByCase<T extends { caseId: string }>(rows: T[] | null): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows ?? []) {
    const list = grouped.get(row.caseId);
    if (list) list.push(row);
    else grouped.set(row.caseId, [row]);
  }
  return grouped;
}
