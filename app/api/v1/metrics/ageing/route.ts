import { apiRoute } from "@/app/_server/api-route";
import { csvResponse } from "@/app/_server/csv-response";
import { ageingCsv, getAgeing } from "@/lib/metrics/ageing";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { METRICS_OPERATIONS } from "@/lib/api/metrics-operations";

// GET /api/v1/metrics/ageing — unresolved cases now by problem age and by time since last activity,
// per status; platform, format=csv (from/to are validated but a snapshot of now ignores them).
export const GET = apiRoute(METRICS_OPERATIONS.getAgeing, async ({ ctx, request }) => {
  const query = parseMetricsQuery(request.nextUrl.searchParams);
  const result = await getAgeing(ctx, query);
  return query.format === "csv" ? csvResponse(ageingCsv(result), "ageing", query) : result;
});
