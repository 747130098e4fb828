import { Prisma } from "@/lib/db/generated/client";
import type { Platform } from "@/lib/facts/schema";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { toCsv } from "@/lib/metrics/csv";
import { UNRESOLVED_STATUSES, type Ageing, type AgeingBucket, type StatusCounts } from "@/lib/metrics/metrics-schemas";
import type { MetricsQuery } from "@/lib/metrics/metrics-query";

// Ageing (SPEC §5, §8): the unresolved cases now, by how long their problem has lasted and by how
// long nobody has touched them. A snapshot: the date range does not narrow it (old cases are the
// point). Totals per status come from CaseStateCount (kept by triggers); only the young end of each
// scale is read from the cases themselves — problems of the last 7 days, activity of the last 7 days —
// so the work grows with a week's intake, never with the tenant's history.

export { UNRESOLVED_STATUSES };
export type UnresolvedStatus = (typeof UNRESOLVED_STATUSES)[number];

const HOUR_MS = 3_600_000;

/** Bucket edges in hours: [<24h, 24–72h, 72–168h, ≥168h]; the same edges as the list's problem-age filter. */
const AGE_BUCKETS = [
  { bucket: "under_1d", label: "< 1 day", minHours: 0, maxHours: 24 },
  { bucket: "1d_3d", label: "1–3 days", minHours: 24, maxHours: 72 },
  { bucket: "3d_7d", label: "3–7 days", minHours: 72, maxHours: 168 },
  { bucket: "over_7d", label: "> 7 days", minHours: 168, maxHours: null },
] as const;

/** No activity for longer than this (hours) counts as idle; the list filter of the same name shows them. */
const IDLE_HOURS = 24;

export async function getAgeing(ctx: TenantContext, query: MetricsQuery, now = new Date()): Promise<Ageing> {
  const { tenantId } = ctx;
  const { totals, young, recent } = await withTenant(tenantId, async (tx) => ({
    totals: await statusTotals(tx, tenantId, query.platform),
    young: await youngCounts(tx, tenantId, query.platform, now, "problemSince"),
    recent: await youngCounts(tx, tenantId, query.platform, now, "updatedAt"),
  }));
  const problemAge = buckets(totals, young);
  const sinceLastActivity = buckets(totals, recent);
  const activeWithinDay = sinceLastActivity[0]!.total;
  const total = sum(Object.values(totals));
  return {
    asOf: now.toISOString(),
    platform: query.platform,
    total,
    byStatus: totals,
    problemAge,
    sinceLastActivity,
    idle: { hours: IDLE_HOURS, cases: total - activeWithinDay },
  };
}

/** The first three buckets counted from the cases; the last is what remains of each status's total. */
function buckets(totals: StatusCounts, young: Map<string, StatusCounts>): AgeingBucket[] {
  const counted = AGE_BUCKETS.slice(0, 3).map(({ bucket, label }) => {
    const byStatus = young.get(bucket) ?? emptyCounts();
    return { bucket, label, byStatus, total: sum(Object.values(byStatus)) };
  });
  const rest = emptyCounts();
  for (const status of UNRESOLVED_STATUSES) rest[status] = totals[status] - sum(counted.map((entry) => entry.byStatus[status]));
  const last = AGE_BUCKETS[3];
  return [...counted, { bucket: last.bucket, label: last.label, byStatus: rest, total: sum(Object.values(rest)) }];
}

async function statusTotals(tx: TenantTx, tenantId: string, platform: Platform | null): Promise<StatusCounts> {
  const rows = await tx.caseStateCount.findMany({
    where: { tenantId, kind: "status", platform: platform ?? "all" },
    select: { key: true, cases: true },
  });
  const totals = emptyCounts();
  for (const row of rows) if (row.key in totals) totals[row.key as UnresolvedStatus] = row.cases;
  return totals;
}

/** Unresolved cases whose `column` lies within the last 7 days, per bucket and status. */
async function youngCounts(
  tx: TenantTx,
  tenantId: string,
  platform: Platform | null,
  now: Date,
  column: "problemSince" | "updatedAt",
): Promise<Map<string, StatusCounts>> {
  const at = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  const field = Prisma.raw(`"${column}"`);
  const platformFilter = platform ? Prisma.sql`AND "platforms" @> ARRAY[${platform}]::"Platform"[]` : Prisma.empty;
  const rows = await tx.$queryRaw<{ status: UnresolvedStatus; bucket: string; cases: number }[]>`
    SELECT "status"::text AS status,
           CASE WHEN ${field} > ${at(24)} THEN 'under_1d' WHEN ${field} > ${at(72)} THEN '1d_3d' ELSE '3d_7d' END AS bucket,
           count(*)::int AS cases
    FROM "Case"
    WHERE "tenantId" = ${tenantId}::uuid AND ${field} > ${at(168)} AND "status" <> 'resolved' ${platformFilter}
    GROUP BY 1, 2`;
  const result = new Map<string, StatusCounts>();
  for (const row of rows) {
    const counts = result.get(row.bucket) ?? emptyCounts();
    counts[row.status] = row.cases;
    result.set(row.bucket, counts);
  }
  return result;
}

function emptyCounts(): StatusCounts {
  return { open: 0, waiting_on_customer: 0, escalation_review: 0, escalated: 0 };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function ageingCsv(result: Ageing): string {
  const rows = [
    ...result.problemAge.map((entry) => ["problem_age", entry.bucket, entry.label, entry] as const),
    ...result.sinceLastActivity.map((entry) => ["since_last_activity", entry.bucket, entry.label, entry] as const),
  ];
  return toCsv(
    ["scale", "bucket", "label", ...UNRESOLVED_STATUSES, "total"],
    rows.map(([scale, bucket, label, entry]) => [scale, bucket, label, ...UNRESOLVED_STATUSES.map((s) => entry.byStatus[s]), entry.total]),
  );
}

export const STATUS_COLUMN_LABELS = Object.fromEntries(UNRESOLVED_STATUSES.map((s) => [s, CASE_STATUS_LABELS[s]])) as Record<UnresolvedStatus, string>;
