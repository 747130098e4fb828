import { apiRoute } from "@/app/_server/api-route";
import { csvResponse } from "@/app/_server/csv-response";
import { fixEffectivenessCsv, getFixEffectiveness } from "@/lib/metrics/fix-effectiveness";
import { parseMetricsQuery } from "@/lib/metrics/metrics-query";
import { METRICS_OPERATIONS } from "@/lib/api/metrics-operations";

// GET /api/v1/metrics/fix-effectiveness — per rule, then per platform × OS major: attempts, outcomes,
// resolve rate with a 95% Wilson interval; from/to (UTC days, both inclusive), platform, format=csv.
export const GET = apiRoute(METRICS_OPERATIONS.getFixEffectiveness, async ({ ctx, request }) => {
  const query = parseMetricsQuery(request.nextUrl.searchParams);
  const result = await getFixEffectiveness(ctx, query);
  return query.format === "csv" ? csvResponse(fixEffectivenessCsv(result), "fix-effectiveness", query) : result;
});
