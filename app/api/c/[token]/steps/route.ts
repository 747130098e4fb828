import { NextResponse } from "next/server";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { recordCustomerReport } from "@/lib/customer/customer-report";
import { customerReportsPerLink } from "@/lib/rate-limit/rules";
import { readJson } from "@/app/_server/read-json";
import { customerRoute } from "@/app/_server/customer-route";
import { CUSTOMER_OPERATIONS } from "@/lib/api/customer-operations";

// POST /api/c/{token}/steps — { ruleId, outcome: "resolved" | "no_change", note? }: 201 with the
// report and the updated view; a repeat of the same report is 200 with `duplicate: true`.
export const POST = customerRoute(CUSTOMER_OPERATIONS.reportCustomerStep, async ({ ctx, request }) => {
  await enforceRateLimit(customerReportsPerLink(), ctx.link.id, "reporting on this link");
  const result = await recordCustomerReport(ctx, await readJson(request));
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
