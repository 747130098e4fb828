import Link from "next/link";
import type { FixEffectiveness, FixEffectivenessRow } from "@/lib/metrics/metrics-schemas";
import { deviceGroupLabel } from "@/lib/facts/os-major";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { SectionHeader } from "@/app/(staff)/metrics/_components/csv-link";
import { csvHref, pageHref, percent, type FixSort, type PageState } from "@/app/(staff)/metrics/metrics-url";

/** Per rule (then per platform × OS major): attempts, outcomes, resolve rate with its 95% interval. */
export function FixEffectivenessSection({ result, state }: { result: FixEffectiveness; state: PageState }) {
  const groups = sortGroups(groupByRule(result.rows), state.sort, state.dir);
  const summaries = groups.map((group) => group[0]!);
  return (
    <section aria-labelledby="fix-title" className="space-y-4">
      <SectionHeader id="fix-title" title="Which fixes work"
        description={`Share of tried steps that resolved the problem (resolved ÷ resolved, no change or made worse), with a 95% Wilson interval. Fewer than ${result.minSample} attempts is too small a sample to judge: those bars are pale and marked. A step counts for every platform and OS version in its case.`}
        csv={{ href: csvHref("fix-effectiveness", state), label: "fix effectiveness" }} />
      {summaries.length === 0 ? (
        <p className="text-slate-700">No step was tried with an outcome in this range.</p>
      ) : (
        <BarListChart
          items={summaries.map((row) => ({ label: row.title, value: row.rate ?? 0, low: row.rateLow, high: row.rateHigh, muted: row.smallSample }))}
          max={1} tickFormat={(v) => percent(v)}
          summary={`Resolve rate per rule, ${summaries.length} rules; the numbers are in the table below.`} />
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="fix-table">
          <caption className="sr-only">Fix effectiveness per rule and per platform and OS version, {state.from} to {state.to}</caption>
          <thead className="border-b border-slate-300 text-left">
            <tr>
              <SortHeader state={state} sort="guide" label="Step (guide order)" />
              <th scope="col" className="px-2 py-2">Devices</th>
              <SortHeader state={state} sort="attempts" label="Attempts" numeric />
              <th scope="col" className="px-2 py-2 text-right">Resolved</th>
              <th scope="col" className="px-2 py-2 text-right">No change</th>
              <th scope="col" className="px-2 py-2 text-right">Made worse</th>
              <SortHeader state={state} sort="rate" label="Resolve rate" numeric />
              <th scope="col" className="px-2 py-2 text-right">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {groups.flat().map((row) => <FixRow key={`${row.ruleId}-${row.platform}-${row.osMajor}`} row={row} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FixRow({ row }: { row: FixEffectivenessRow }) {
  const summary = row.platform === null;
  return (
    <tr className={`border-b border-slate-100 ${summary ? "bg-slate-50 font-medium" : ""}`} data-rule-id={row.ruleId}>
      {summary ? <th scope="row" className="px-2 py-1.5 text-left">{row.title}</th> : <td className="px-2 py-1.5"><span className="sr-only">{row.title}</span></td>}
      <td className={`px-2 py-1.5 ${summary ? "" : "pl-6"}`}>{deviceGroupLabel(row.platform, row.platform ? (row.osMajor ?? 0) : null)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{row.attempts}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{row.resolved}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{row.noChange}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{row.worse}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">
        {percent(row.rate)}
        {row.smallSample ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">small sample</span> : null}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">{percent(row.rateLow)}–{percent(row.rateHigh)}</td>
    </tr>
  );
}

function SortHeader({ state, sort, label, numeric = false }: { state: PageState; sort: FixSort; label: string; numeric?: boolean }) {
  const active = state.sort === sort;
  const dir = active && state.dir === "desc" && sort !== "guide" ? "asc" : "desc";
  const ariaSort = active ? (sort === "guide" || state.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-2 py-2 ${numeric ? "text-right" : ""}`}>
      <Link href={pageHref(state, { sort, dir })} className="text-blue-800 underline decoration-dotted">
        {label}{active ? (ariaSort === "ascending" ? " ▲" : " ▼") : ""}
        <span className="sr-only">{active ? "" : ", sort by this column"}</span>
      </Link>
    </th>
  );
}

function groupByRule(rows: FixEffectivenessRow[]): FixEffectivenessRow[][] {
  const groups: FixEffectivenessRow[][] = [];
  for (const row of rows) {
    if (row.platform === null) groups.push([row]);
    else groups.at(-1)?.push(row);
  }
  return groups;
}

/** Rules sort by their all-devices row; each keeps its platform rows under it. Guide order is the API's. */
function sortGroups(groups: FixEffectivenessRow[][], sort: FixSort, dir: "asc" | "desc"): FixEffectivenessRow[][] {
  if (sort === "guide") return groups;
  const value = (group: FixEffectivenessRow[]) => (sort === "attempts" ? group[0]!.attempts : group[0]!.rate ?? -1);
  const sign = dir === "asc" ? 1 : -1;
  return [...groups].sort((a, b) => sign * (value(a) - value(b)));
}
