import Link from "next/link";
import { PLATFORMS } from "@/lib/facts/schema";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { pageHref, presetRange, RANGE_PRESETS, type PageState } from "@/app/(staff)/metrics/metrics-url";

/** Range presets (links) and a custom range + platform form; a plain GET form, so it works without JavaScript. */
export function RangeFilter({ state, today }: { state: PageState; today: string }) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
      <nav aria-label="Date range presets">
        <ul className="flex flex-wrap gap-2 text-sm">
          {RANGE_PRESETS.map((preset) => {
            const range = presetRange(preset.days, today);
            const current = range.from === state.from && range.to === state.to;
            return (
              <li key={preset.days}>
                <Link href={pageHref(state, range)} aria-current={current ? "page" : undefined}
                  className={`inline-block rounded-md border px-3 py-1 ${current ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 text-slate-800 hover:border-blue-500"}`}>
                  {preset.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form method="get" action="/metrics" aria-label="Range and platform" className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium text-slate-800">
          From
          <input type="date" name="from" defaultValue={state.from} required className="mt-1 block rounded-md border border-slate-400 px-2 py-1" />
        </label>
        <label className="text-sm font-medium text-slate-800">
          To (included)
          <input type="date" name="to" defaultValue={state.to} required className="mt-1 block rounded-md border border-slate-400 px-2 py-1" />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Platform
          <select name="platform" defaultValue={state.platform ?? ""} className="mt-1 block rounded-md border border-slate-400 px-2 py-1">
            <option value="">All platforms</option>
            {PLATFORMS.map((platform) => <option key={platform} value={platform}>{PLATFORM_LABELS[platform]}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800">Apply</button>
        <p className="basis-full text-xs text-slate-600">
          Days are UTC calendar days; both ends are included. Weeks are ISO weeks (Monday to Sunday, UTC). At most two years.
        </p>
      </form>
    </div>
  );
}
