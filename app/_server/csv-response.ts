import type { MetricsQuery } from "@/lib/metrics/metrics-query";

/** A CSV download named after the metric and its range (fix-effectiveness_2026-08-24_2026-11-21_mac.csv). */
export function csvResponse(csv: string, metric: string, query: Pick<MetricsQuery, "from" | "to" | "platform" | "table">): Response {
  const parts = [metric, query.table && query.table !== metric ? query.table : null, query.from, query.to, query.platform].filter(Boolean);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${parts.join("_")}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
