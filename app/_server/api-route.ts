import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { problemFor } from "@/lib/http/problem";
import type { StaffActor, TenantContext } from "@/lib/tenancy/context";
import { requestSite } from "@/app/_server/request-site";
import { currentStaff } from "@/app/_server/staff";

// One wrapper for every /api/v1 handler: resolves who is calling (API token or browser session),
// refuses foreign-origin writes made with a session cookie, checks the permission, and maps
// errors to JSON. Handlers receive a tenant context and return data or a Response.

export interface ApiContext extends TenantContext {
  actor: StaffActor;
}

type Handler<P> = (args: { ctx: ApiContext; request: NextRequest; params: P }) => Promise<unknown>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function apiRoute<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await authenticate(request);
      assertCan(ctx.actor.role, permission);
      const result = await handler({ ctx, request, params: await route.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const { status, body } = problemFor(error, `${request.method} ${request.nextUrl.pathname}`);
      const headers: HeadersInit = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
      if (status === 503) Object.assign(headers, { "Retry-After": "5" });
      return NextResponse.json(body, { status, headers });
    }
  };
}

async function authenticate(request: NextRequest): Promise<ApiContext> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const identity = match?.[1] ? await authenticateApiToken(match[1]) : null;
    if (!identity) throw new AppError("unauthenticated", "The API token is missing, malformed, unknown, expired or revoked");
    // A token acts with the role its admin gave it, checked like a person's.
    return { tenantId: identity.tenantId, actor: { kind: "api_token", tokenId: identity.tokenId, role: identity.role, label: `API token “${identity.name}”` } };
  }
  const staff = await currentStaff();
  if (!staff) throw new AppError("unauthenticated", "Sign in or send an API token (Authorization: Bearer …)");
  if (!SAFE_METHODS.has(request.method) && requestSite(request) !== "same-origin") {
    throw new AppError("forbidden", "Cross-site request refused: the Origin header does not match this site");
  }
  return { tenantId: staff.tenantId, actor: staff.actor };
}

// Kept importable from here for the /api/v1 handlers; it lives on its own so the customer's routes
// can read JSON without loading the staff session code.
export { readJson } from "@/app/_server/read-json";
