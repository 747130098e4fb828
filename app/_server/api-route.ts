import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import type { StaffOperation } from "@/lib/api/api-operation";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { problemFor } from "@/lib/http/problem";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { enforceRateLimit, retryAfterOf } from "@/lib/rate-limit/limiter";
import { anonymousRequests, apiTokenRequests } from "@/lib/rate-limit/rules";
import { clientIp } from "@/app/_server/request-info";
import { requestSite } from "@/app/_server/request-site";
import { currentStaff } from "@/app/_server/staff";

// One wrapper for every /api/v1 handler: resolves who is calling (API token or browser session),
// refuses foreign-origin writes made with a session cookie, checks the permission its operation
// declares (lib/api/*-operations.ts: the one place it is written), and maps errors to JSON.
// Handlers receive a tenant context and return data or a Response.

export interface ApiContext extends TenantContext {
  actor: StaffActor;
}

type Handler<P> = (args: { ctx: ApiContext; request: NextRequest; params: P }) => Promise<unknown>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function apiRoute<P = Record<string, never>>(operation: StaffOperation, handler: Handler<P>) {
  const { permission } = operation.access;
  const route = async (request: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await authenticate(request);
      assertCan(ctx.actor.role, permission);
      const result = await handler({ ctx, request, params: await route.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, `${request.method} ${request.nextUrl.pathname}`);
    }
  };
  // The tests read which operation a route serves from the handler itself.
  return Object.assign(route, { operation });
}

/** The JSON error body with the headers its status calls for (WWW-Authenticate, Retry-After). */
export function errorResponse(error: unknown, where: string): Response {
  const { status, body } = problemFor(error, where);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
  if (status === 503) headers["Retry-After"] = "5";
  if (status === 429) headers["Retry-After"] = String(retryAfterOf(error) ?? 60);
  return NextResponse.json(body, { status, headers });
}

async function authenticate(request: NextRequest): Promise<ApiContext> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const identity = match?.[1] ? await authenticateApiToken(match[1]) : null;
    if (!identity) return refuseAnonymous(request, "The API token is missing, malformed, unknown, expired or revoked");
    // Per token, shared by every app instance (429 + Retry-After beyond it).
    await enforceRateLimit(apiTokenRequests(), identity.tokenId, "with this API token");
    // A token acts with the role its admin gave it, checked like a person's.
    return { tenantId: identity.tenantId, actor: { kind: "api_token", tokenId: identity.tokenId, role: identity.role, label: `API token “${identity.name}”` } };
  }
  const staff = await currentStaff();
  if (!staff) return refuseAnonymous(request, "Sign in or send an API token (Authorization: Bearer …)");
  if (!SAFE_METHODS.has(request.method) && requestSite(request) !== "same-origin") {
    throw new AppError("forbidden", "Cross-site request refused: the Origin header does not match this site");
  }
  return { tenantId: staff.tenantId, actor: staff.actor };
}

// Requests without valid credentials count against their address: guessing tokens gets a 429.
async function refuseAnonymous(request: NextRequest, message: string): Promise<never> {
  await enforceRateLimit(anonymousRequests(), clientIp(request.headers), "without valid credentials from this address");
  throw new AppError("unauthenticated", message);
}
