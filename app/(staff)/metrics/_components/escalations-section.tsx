import type { Escalations } from "@/lib/metrics/metrics-schemas";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { ColumnChart } from "@/components/charts/column-chart";
import { LineChart } from "@/components/charts/line-chart";
import { CHART_COLORS } from "@/components/charts/chart-frame";
import { SectionHeader } from "@/app/(staff)/metrics/_components/csv-link";
import { csvHref, hoursText, percent, type PageState } from "@/app/(staff)/metrics/metrics-url";

const WEEK_SERIES = [
  { key: "resolved", label: "Resolved", color: CHART_COLORS.green },
  { key: "escalated", label: "Escalated to Apple", color: CHART_COLORS.rose },
  { key: "returned", label: "Returned from review", color: CHART_COLORS.amber },
];
const TIME_SERIES = [
  { key: "median", label: "Median time to resolve", color: CHART_COLORS.blue },
  { key: "p90", label: "90th percentile", color: CHART_COLORS.slate },
];

const weekLabel = (week: { week: string; partial: boolean }) => `${week.week.slice(5)}${week.partial ? "*" : ""}`;

/** Per ISO week: resolved, escalated, returned, escalation rate, time to escalate. */
export function EscalationsSection({ result, state }: { result: Escalations; state: PageState }) {
  return (
    <section aria-labelledby="escalations-title" className="space-y-4">
      <SectionHeader id="escalations-title" title="How many escalate"
        description="Per ISO week (Monday to Sunday, UTC; * = a week cut by the range). Escalation rate = escalated ÷ (escalated + resolved by the desk); a case resolved after Apple took it counts as escalated. Time to escalate runs from the case's creation to Apple's case number."
        csv={{ href: csvHref("escalations", state, "weeks"), label: "escalations per week" }} />
      <ColumnChart series={WEEK_SERIES}
        data={result.weeks.map((week) => ({ category: weekLabel(week), values: { resolved: week.resolved, escalated: week.escalated, returned: week.returned } }))}
        summary="Resolved, escalated and returned cases per week; the numbers are in the table below." />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="escalations-table">
          <caption className="sr-only">Escalations per week, {state.from} to {state.to}</caption>
          <thead className="border-b border-slate-300 text-left">
            <tr>
              <th scope="col" className="px-2 py-1.5">Week</th>
              <th scope="col" className="px-2 py-1.5">Days</th>
              <th scope="col" className="px-2 py-1.5 text-right">Resolved</th>
              <th scope="col" className="px-2 py-1.5 text-right">Escalated</th>
              <th scope="col" className="px-2 py-1.5 text-right">Returned</th>
              <th scope="col" className="px-2 py-1.5 text-right">Escalation rate</th>
              <th scope="col" className="px-2 py-1.5 text-right">Median time to escalate</th>
            </tr>
          </thead>
          <tbody>
            {result.weeks.map((week) => (
              <tr key={week.week} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1.5 text-left font-medium">{week.week}{week.partial ? " (part)" : ""}</th>
                <td className="px-2 py-1.5">{week.start} – {week.end}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{week.resolved}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{week.escalated}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{week.returned}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{percent(week.escalationRate)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{hoursText(week.medianHoursToEscalate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Median and p90 time from creation to resolution, per week. */
export function TimeToResolveSection({ result, state }: { result: Escalations; state: PageState }) {
  return (
    <section aria-labelledby="ttr-title" className="space-y-4">
      <SectionHeader id="ttr-title" title="Time to resolve"
        description="From a case's creation to its resolution, per week of resolution: the median and the 90th percentile (1 in 10 cases took longer)."
        csv={{ href: csvHref("escalations", state, "weeks"), label: "time to resolve per week" }} />
      <LineChart series={TIME_SERIES}
        data={result.weeks.map((week) => ({ category: weekLabel(week), values: { median: week.medianHoursToResolve, p90: week.p90HoursToResolve } }))}
        summary="Median and 90th percentile hours to resolve per week; the numbers are in the table below." />
      <table className="w-full text-sm" data-testid="time-to-resolve-table">
        <caption className="sr-only">Time to resolve per week</caption>
        <thead className="border-b border-slate-300 text-left">
          <tr>
            <th scope="col" className="px-2 py-1.5">Week</th>
            <th scope="col" className="px-2 py-1.5 text-right">Resolved</th>
            <th scope="col" className="px-2 py-1.5 text-right">Median</th>
            <th scope="col" className="px-2 py-1.5 text-right">90th percentile</th>
          </tr>
        </thead>
        <tbody>
          {result.weeks.map((week) => (
            <tr key={week.week} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1.5 text-left font-medium">{week.week}{week.partial ? " (part)" : ""}</th>
              <td className="px-2 py-1.5 text-right tabular-nums">{week.resolved}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{hoursText(week.medianHoursToResolve)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{hoursText(week.p90HoursToResolve)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Why open cases are not ready to escalate, most common first. */
export function BlockersSection({ result, state }: { result: Escalations; state: PageState }) {
  const { blockers } = result;
  const top = blockers.items.slice(0, 12);
  return (
    <section aria-labelledby="blockers-title" className="space-y-4">
      <SectionHeader id="blockers-title" title="Why cases are not ready to escalate"
        description={`${blockers.notReady} open or waiting cases are not ready right now; ${blockers.waitingForWindow} of them only wait for the problem to persist long enough. A case counts once for each thing it lacks. A snapshot: the date range does not apply.`}
        csv={{ href: csvHref("escalations", state, "blockers"), label: "readiness blockers" }} />
      {top.length > 0 ? (
        <BarListChart items={top.map((item) => ({ label: item.label, value: item.cases }))} max={Math.max(...top.map((item) => item.cases))}
          tickFormat={(v) => String(Math.round(v))} summary="Open cases per readiness blocker, most common first; the numbers are in the table below." />
      ) : null}
      <table className="w-full text-sm" data-testid="blockers-table">
        <caption className="sr-only">Readiness blockers of open cases</caption>
        <thead className="border-b border-slate-300 text-left">
          <tr>
            <th scope="col" className="px-2 py-1.5">What is missing</th>
            <th scope="col" className="px-2 py-1.5 text-right">Cases</th>
          </tr>
        </thead>
        <tbody>
          {blockers.items.map((item) => (
            <tr key={item.code} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1.5 text-left font-normal">{item.label}</th>
              <td className="px-2 py-1.5 text-right tabular-nums">{item.cases}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
