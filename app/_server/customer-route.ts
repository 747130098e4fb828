import { NextResponse, type NextRequest } from "next/server";
import type { CustomerLinkOperation } from "@/lib/api/api-operation";
import { AppError } from "@/lib/errors/app-error";
import { problemFor } from "@/lib/http/problem";
import { enforceRateLimit, retryAfterOf } from "@/lib/rate-limit/limiter";
import { linkGone, lookUpCustomerLink, type CustomerContext } from "@/lib/customer/customer-context";
import { customerRequestsPerAddress, customerRequestsPerLink } from "@/lib/rate-limit/rules";
import { clientIp } from "@/app/_server/request-info";
import { requestSite } from "@/app/_server/request-site";
import { STYLE_HASH } from "@/app/c/_html/document";
import { problemPageHtml } from "@/app/c/_html/problem-page";

// The twin of apiRoute() for the customer's link (/c/{token} and /api/c/{token}/…): the token in
// the address is the only credential, never a staff session. Every request is counted per address,
// the link is resolved (unknown → 404, revoked → 410), counted per link, writes from another site
// are refused, and every answer — page, JSON, error — carries the same protective headers.

type Params = { token: string };
type Handler = (args: { ctx: CustomerContext; request: NextRequest; token: string }) => Promise<unknown>;
type Format = "html" | "json";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

const COMMON_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
};

const CONTENT_SECURITY_POLICY: Record<Format, string> = {
  html: `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  json: "default-src 'none'; frame-ancestors 'none'",
};

/** A JSON route of the customer's link, serving the operation declared in lib/api/customer-operations.ts. */
export function customerRoute(operation: CustomerLinkOperation, handler: Handler) {
  return Object.assign(linkRoute("json", handler), { operation });
}

/** The customer's HTML page (/c/{token}): not part of the API document. */
export function customerPageRoute(handler: Handler) {
  return linkRoute("html", handler);
}

function linkRoute(format: Format, handler: Handler) {
  return async (request: NextRequest, route: { params: Promise<Params> }): Promise<Response> => {
    let response: Response;
    try {
      const { token } = await route.params;
      await enforceRateLimit(customerRequestsPerAddress(), clientIp(request.headers), "from this address");
      const lookup = await lookUpCustomerLink(token);
      if (lookup.kind === "unknown") throw new AppError("not_found", "There is no case behind this link.");
      if (lookup.kind === "revoked") throw linkGone();
      await enforceRateLimit(customerRequestsPerLink(), lookup.ctx.link.id, "on this link");
      if (!SAFE_METHODS.has(request.method) && requestSite(request) === "cross-site") {
        throw new AppError("forbidden", "Cross-site request refused: the Origin header does not match this site");
      }
      const result = await handler({ ctx: lookup.ctx, request, token });
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      response = problemResponse(format, error, `${request.method} ${customerPath(request)}`);
    }
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
    response.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY[format]);
    return response;
  };
}

export function htmlResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function problemResponse(format: Format, error: unknown, where: string): Response {
  const { status, body } = problemFor(error, where);
  const retryAfter = retryAfterOf(error);
  const headers: Record<string, string> = {};
  if (retryAfter !== null) headers["Retry-After"] = String(retryAfter);
  if (status === 503) headers["Retry-After"] = "5";
  if (format === "json") return NextResponse.json(body, { status, headers });
  const response = htmlResponse(problemPageHtml(status, status === 400 ? body.error.message : undefined), status);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The path with the secret cut short, for logs. */
function customerPath(request: NextRequest): string {
  return request.nextUrl.pathname.replace(/(\/c\/c_[A-Za-z0-9_-]{4})[A-Za-z0-9_-]*/, "$1…");
}
