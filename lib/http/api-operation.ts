import type { z } from "zod";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";

// The contract of one route × method of the public API, declared once as data next to the
// area's schemas (lib/<area>/<area>-operations.ts) and listed in lib/http/api-operations.ts.
// The OpenAPI document (lib/http/openapi-document.ts) is built from these; the route handler
// parses with the same zod schemas and answers with the types inferred from them.

type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Error statuses an operation may answer; each has one shared description and the ErrorBody. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 503;

export type ApiAccess =
  /** A tenant API token (Bearer) or a signed-in session whose role grants `permission`. */
  | { kind: "staff"; permission: Permission }
  /** The customer's secret link: the token in the path is the credential. */
  | { kind: "customer_link" }
  /** Anyone, signed in or not. */
  | { kind: "public" };

export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path template, e.g. "/api/v1/cases/{id}" (the route folder app/api/v1/cases/[id]). */
  path: `/api/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: ApiAccess;
  request?: {
    path?: z.ZodObject;
    query?: z.ZodObject;
    headers?: z.ZodObject;
    /** A JSON body (`application/json`). */
    body?: z.ZodType;
    /** Bodies of other media types (uploads), by content type. */
    otherBodies?: Record<string, z.ZodType>;
    /** Example JSON body (from the demo data). */
    example?: unknown;
  };
  response: {
    status: 200 | 201 | 204;
    description: string;
    /** A JSON answer (`application/json`). */
    body?: z.ZodType;
    /** Answers of other media types (images, CSV), by content type. */
    otherBodies?: Record<string, z.ZodType>;
    headers?: z.ZodObject;
    example?: unknown;
    /** Other success statuses with the same body (e.g. 200 for a repeated report that wrote nothing). */
    alsoAnswers?: { status: 200 | 201; description: string }[];
  };
  /**
   * Error statuses beyond the ones every operation with this access has (staff: 401, 403, 429, 503;
   * customer link: 404, 410, 429, 503; public: 503; and 413 wherever a body is taken). Typically 400, 404, 409.
   */
  errors: readonly ErrorStatus[];
}

/** The lowest role whose permissions include `permission` (roles are cumulative). */
export function minimumRole(permission: Permission): Role {
  const role = ROLES.find((candidate) => can(candidate, permission));
  if (!role) throw new Error(`No role grants ${permission}`);
  return role;
}

export const ACCESS_ERRORS: Record<ApiAccess["kind"], readonly ErrorStatus[]> = {
  // API tokens and requests without valid credentials are rate-limited (docs/decisions/0051).
  staff: [401, 403, 429, 503],
  customer_link: [404, 410, 429, 503],
  public: [503],
};
