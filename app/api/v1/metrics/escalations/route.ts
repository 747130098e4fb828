import { apiRoute } from "@/app/_server/api-route";
import { csvResponse } from "@/app/_server/csv-response";
import { ESCALATION_TABLES, escalationsCsv, getEscalations } from "@/lib/metrics/escalations";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { METRICS_OPERATIONS } from "@/lib/api/metrics-operations";

// GET /api/v1/metrics/escalations — per ISO week: resolved, escalated, returned, escalation rate, median
// hours to escalate, median and p90 hours to resolve; readiness blockers of open cases now.
// from/to, platform, format=csv with table=weeks (default) or blockers.
export const GET = apiRoute(METRICS_OPERATIONS.getEscalations, async ({ ctx, request }) => {
  const query = parseMetricsQuery(request.nextUrl.searchParams, { tables: ESCALATION_TABLES });
  const result = await getEscalations(ctx, query);
  return query.format === "csv" ? csvResponse(escalationsCsv(result, query.table), "escalations", query) : result;
});
