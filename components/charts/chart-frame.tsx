import type { ReactNode } from "react";

// Charts are SVG drawn on the server (visx primitives, no client JavaScript). Their numbers are always
// in the table beside them, so the picture is labelled as an image with a one-line summary.

export interface Series {
  key: string;
  label: string;
  color: string;
}

export function ChartFrame({ summary, width, height, children }: { summary: string; width: number; height: number; children: ReactNode }) {
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" className="max-h-96 overflow-visible print:max-h-none">
      {children}
    </svg>
  );
}

export function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
      {series.map((entry) => (
        <li key={entry.key} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: entry.color }} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

export const CHART_COLORS = {
  blue: "#0369a1",
  amber: "#b45309",
  rose: "#be123c",
  green: "#047857",
  slate: "#64748b",
  violet: "#6d28d9",
} as const;
