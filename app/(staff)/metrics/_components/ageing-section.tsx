import Link from "next/link";
import { STATUS_COLUMN_LABELS, UNRESOLVED_STATUSES } from "@/lib/metrics/ageing";
import type { Ageing, AgeingBucket } from "@/lib/metrics/metrics-schemas";
import { ColumnChart } from "@/components/charts/column-chart";
import { CHART_COLORS } from "@/components/charts/chart-frame";
import { SectionHeader } from "@/app/(staff)/metrics/_components/csv-link";
import { csvHref, idleCasesHref, type PageState } from "@/app/(staff)/metrics/metrics-url";

const STATUS_SERIES = [
  { key: "open", label: STATUS_COLUMN_LABELS.open, color: CHART_COLORS.blue },
  { key: "waiting_on_customer", label: STATUS_COLUMN_LABELS.waiting_on_customer, color: CHART_COLORS.amber },
  { key: "escalation_review", label: STATUS_COLUMN_LABELS.escalation_review, color: CHART_COLORS.violet },
  { key: "escalated", label: STATUS_COLUMN_LABELS.escalated, color: CHART_COLORS.rose },
];

/** The unresolved backlog now: by problem age and by time since anyone touched a case. */
export function AgeingSection({ result, state }: { result: Ageing; state: PageState }) {
  return (
    <section aria-labelledby="ageing-title" className="space-y-4">
      <SectionHeader id="ageing-title" title="Which cases age"
        description={`The ${result.total} unresolved cases right now, by how long the customer's problem has lasted and by how long since the case last changed. A snapshot: the date range does not apply.`}
        csv={{ href: csvHref("ageing", state), label: "ageing" }} />
      <p className="text-sm">
        <Link href={idleCasesHref(result.idle.hours, state.platform)} className="font-medium text-blue-700 underline" data-testid="idle-link">
          {result.idle.cases} {result.idle.cases === 1 ? "case has" : "cases have"} had no activity for over {result.idle.hours} hours
        </Link>
      </p>
      <div className="grid gap-8 xl:grid-cols-2">
        <AgeingTable title="By problem age" buckets={result.problemAge} testId="ageing-problem-table" />
        <AgeingTable title="By time since last activity" buckets={result.sinceLastActivity} testId="ageing-activity-table" />
      </div>
    </section>
  );
}

function AgeingTable({ title, buckets, testId }: { title: string; buckets: AgeingBucket[]; testId: string }) {
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">{title}</h3>
      <ColumnChart stacked series={STATUS_SERIES}
        data={buckets.map((bucket) => ({ category: bucket.label, values: bucket.byStatus }))}
        summary={`${title}: unresolved cases per bucket, stacked by status; the numbers are in the table below.`} />
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">Unresolved cases {title.toLowerCase()}, per status</caption>
        <thead className="border-b border-slate-300 text-left">
          <tr>
            <th scope="col" className="px-2 py-1.5">Age</th>
            {UNRESOLVED_STATUSES.map((status) => <th key={status} scope="col" className="px-2 py-1.5 text-right">{STATUS_COLUMN_LABELS[status]}</th>)}
            <th scope="col" className="px-2 py-1.5 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.bucket} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1.5 text-left font-medium">{bucket.label}</th>
              {UNRESOLVED_STATUSES.map((status) => <td key={status} className="px-2 py-1.5 text-right tabular-nums">{bucket.byStatus[status]}</td>)}
              <td className="px-2 py-1.5 text-right font-medium tabular-nums">{bucket.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
