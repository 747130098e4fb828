import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { validationError } from "@/lib/errors/validation";
import { enforceRateLimit } from "@/lib/rate-limit/limiter";
import { getCustomerCase } from "@/lib/customer/customer-case";
import { recordCustomerReport } from "@/lib/customer/customer-report";
import { customerReportsPerLink } from "@/lib/rate-limit/rules";
import { JSON_BODY_LIMIT_BYTES, readBodyLimited } from "@/lib/http/read-body";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import type { RuleId } from "@/lib/rules/rule-ids";
import { customerPageRoute, htmlResponse } from "@/app/_server/customer-route";
import { casePageHtml, type CasePageState } from "@/app/c/_html/case-page";

// GET /c/{token} — the customer's page, server-rendered HTML that needs no JavaScript.
export const GET = customerPageRoute(async ({ ctx, request, token }) => {
  const view = await getCustomerCase(ctx);
  return htmlResponse(casePageHtml(view, `/c/${token}`, { thanks: thanksFrom(request.nextUrl.searchParams) }));
});

// POST /c/{token} — a report from the page's form ("It worked" / "Didn't help" and a note); on
// success 303 back to the page (a reload does not post again), on bad input the page with the error.
export const POST = customerPageRoute(async ({ ctx, request, token }) => {
  await enforceRateLimit(customerReportsPerLink(), ctx.link.id, "reporting on this link");
  const form = await readForm(request);
  const raw = { ruleId: form.get("ruleId") ?? undefined, outcome: form.get("outcome") ?? undefined, note: form.get("note") ?? undefined };
  try {
    await recordCustomerReport(ctx, raw);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    const view = await getCustomerCase(ctx);
    const refused = { ruleId: String(raw.ruleId ?? ""), note: typeof raw.note === "string" ? raw.note : "", issues: error.details.fields ?? [] };
    return htmlResponse(casePageHtml(view, `/c/${token}`, { refused }), 400);
  }
  const query = new URLSearchParams({ reported: String(raw.ruleId), outcome: String(raw.outcome) });
  return new Response(null, { status: 303, headers: { Location: `/c/${token}?${query}#reported` } });
});

// Read through the size limit (413 beyond 1 MB, while streaming), then parsed as a form.
async function readForm(request: NextRequest): Promise<FormData> {
  const bytes = await readBodyLimited(request, JSON_BODY_LIMIT_BYTES);
  try {
    return await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw validationError([{ path: "(body)", message: "Send the report from the form on your case page" }]);
  }
}

function thanksFrom(params: URLSearchParams): CasePageState["thanks"] {
  const rule = RULES_BY_ID.get(params.get("reported") as RuleId);
  const outcome = params.get("outcome");
  if (!rule || (outcome !== "resolved" && outcome !== "no_change")) return null;
  return { title: rule.customerTitle, outcome };
}
