import { AppError } from "@/lib/errors/app-error";
import { getAgeing } from "@/lib/metrics/ageing";
import { getEscalations } from "@/lib/metrics/escalations";
import { getFixEffectiveness } from "@/lib/metrics/fix-effectiveness";
import { isoDay, parseMetricsQuery, type MetricsQuery } from "@/lib/metrics/metrics-query";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { requireStaffPage } from "@/app/_server/staff";
import { AgeingSection } from "@/app/(staff)/metrics/_components/ageing-section";
import { BlockersSection, EscalationsSection, TimeToResolveSection } from "@/app/(staff)/metrics/_components/escalations-section";
import { FixEffectivenessSection } from "@/app/(staff)/metrics/_components/fix-effectiveness-section";
import { RangeFilter } from "@/app/(staff)/metrics/_components/range-filter";
import { FIX_SORTS, type FixSort, type PageState } from "@/app/(staff)/metrics/metrics-url";

export const metadata = { title: "Metrics" };

type SearchParams = Record<string, string | string[] | undefined>;

// GET /metrics — supervisors' metrics (SPEC §8): the same services as /api/v1/metrics/*, with the
// range, platform and sort in the URL. A bad URL shows what is wrong and the default view.
export default async function MetricsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("metrics:read");
  const raw = await searchParams;
  const now = new Date();
  const params = new URLSearchParams();
  for (const name of ["from", "to", "platform"]) {
    const value = raw[name];
    if (typeof value === "string") params.set(name, value);
  }
  let query: MetricsQuery;
  let problem: string | null = null;
  try {
    query = parseMetricsQuery(params, { now });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    problem = `This view's address has a problem (${error.message}). Showing the last 90 days instead.`;
    query = parseMetricsQuery(new URLSearchParams(), { now });
  }
  const sort = FIX_SORTS.includes(raw.sort as FixSort) ? (raw.sort as FixSort) : "guide";
  const state: PageState = { from: query.from, to: query.to, platform: query.platform, sort, dir: raw.dir === "asc" ? "asc" : "desc" };

  const [fixes, ageing, escalations] = await Promise.all([
    getFixEffectiveness(staff, query),
    getAgeing(staff, query, now),
    getEscalations(staff, query, now),
  ]);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Metrics</h1>
        <p className="text-slate-700" data-testid="metrics-scope">
          {query.from} to {query.to} (UTC, both days included) · {query.platform ? `Cases with a ${PLATFORM_LABELS[query.platform]}` : "All platforms"}
        </p>
      </div>
      {problem ? <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{problem}</p> : null}
      <RangeFilter state={state} today={isoDay(now)} />
      <FixEffectivenessSection result={fixes} state={state} />
      <AgeingSection result={ageing} state={state} />
      <EscalationsSection result={escalations} state={state} />
      <TimeToResolveSection result={escalations} state={state} />
      <BlockersSection result={escalations} state={state} />
    </div>
  );
}
