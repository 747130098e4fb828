import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/tenancy/roles";

// The contract of one route × method of the public API, declared once as data in
// lib/api/<area>-operations.ts and listed in lib/api/api-operations.ts. The route file hands the
// operation to apiRoute()/customerRoute(), which read its access from it; the OpenAPI document
// (lib/api/openapi-document.ts) and the authorisation matrix read the same object. The handler
// parses with the same zod schemas and answers with the types inferred from them. Decision 0087.

type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Error statuses an operation may answer; each has one shared description and the ErrorBody. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 503;

/**
 * A route whose body's `field` picks what happens, each choice with its own permission (the
 * escalation review: submit, approve, return). The table is the domain's own (FLOW_PERMISSION),
 * referenced here, never copied; the route's gate is the choice the fewest roles are refused.
 */
interface PermissionByChoice {
  field: string;
  permissions: Readonly<Record<string, Permission>>;
}

export type ApiAccess =
  /** A tenant API token (Bearer) or a signed-in session whose role grants `permission`. */
  | { kind: "staff"; permission: Permission; byChoice?: PermissionByChoice }
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
    alsoAnswers?: readonly { status: 200 | 201; description: string }[];
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

/** An operation as written in lib/api/<area>-operations.ts: its key in the table is its operationId. */
export type OperationSpec = Omit<ApiOperation, "operationId">;

/** An operation only staff (API tokens, sessions) may call: what apiRoute() takes. */
export type StaffOperation = ApiOperation & { access: Extract<ApiAccess, { kind: "staff" }> };
/** An operation behind the customer's link: what customerRoute() takes. */
export type CustomerLinkOperation = ApiOperation & { access: { kind: "customer_link" } };

/**
 * A table of operations keyed by operationId, in the order the reference lists them. `const`
 * keeps each access literal, so apiRoute(CASE_OPERATIONS.getCase, …) is checked to be a staff route.
 */
export function defineOperations<const T extends Record<string, OperationSpec>>(specs: T): { readonly [K in keyof T]: T[K] & { operationId: K & string } } {
  return Object.fromEntries(Object.entries(specs).map(([operationId, spec]) => [operationId, { ...spec, operationId }])) as {
    [K in keyof T]: T[K] & { operationId: K & string };
  };
}

/**
 * Staff access where a body field picks the permission (see PermissionByChoice): the gate is the
 * permission of the lowest role among the choices, so a caller below every choice gets 403 at once.
 */
export function staffAccessByChoice(field: string, permissions: Readonly<Record<string, Permission>>): Extract<ApiAccess, { kind: "staff" }> {
  const choices = Object.values(permissions);
  const gate = choices.reduce((lowest, permission) => (ROLES.indexOf(minimumRole(permission)) < ROLES.indexOf(minimumRole(lowest)) ? permission : lowest));
  return { kind: "staff", permission: gate, byChoice: { field, permissions } };
}
