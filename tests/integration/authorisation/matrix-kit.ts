import { minimumRole, type ApiOperation } from "@/lib/api/api-operation";
import { API_OPERATIONS } from "@/lib/api/api-operations";
import type { Role } from "@/lib/tenancy/roles";
import type { Fixture, Principal } from "./principals";

// The vocabulary of the authorisation matrix (matrix-rows.ts): one row per route handler method,
// page and server action. A route of the API document takes who may call it from its operation
// (lib/api/*-operations.ts, the one declaration); other routes, pages and actions say it in the row.
// The expected answer for every principal follows from the row (expectedStatus below).

/** Who may: everyone, a customer link's holder, or staff of at least this role (API tokens by their role). */
export type Access = "public" | "customer" | Role;

export interface RequestSpec {
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: Uint8Array;
  headers?: Record<string, string>;
}

interface RowOptions {
  /** The thing asked about belongs to tenant A: another tenant gets 404. Omit for tenant-wide entries. */
  target?: "tenant-a";
  /** The status of an allowed request (default 200). */
  ok?: number;
  /** A valid request (ids of tenant A, a well-formed body); built per principal, so writes get fresh cases. */
  request?: (fx: Fixture) => RequestSpec | Promise<RequestSpec>;
  /** For entries whose answer depends on who asks in a way the access level does not say (sign-in page). */
  expect?: (principal: Principal) => number;
}

export type Row =
  | ({ kind: "route"; method: string; path: string; access: Access } & RowOptions)
  | ({ kind: "page"; path: string; access: Access } & RowOptions)
  | ({ kind: "action"; file: string; name: string; access: Access; args: (fx: Fixture) => unknown[] | Promise<unknown[]> } & Omit<RowOptions, "request">);

const OPERATIONS = new Map(API_OPERATIONS.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation]));

/** The operation serving a route folder path (app/api/v1/cases/[id] → /api/v1/cases/{id}), if the API document lists it. */
function operationOf(method: string, path: string): ApiOperation | undefined {
  return OPERATIONS.get(`${method} ${path.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}")}`);
}

/** Who may call an operation, as its declaration says; `choice` picks the entry of a per-choice table. */
function accessOf(operation: ApiOperation, choice?: string): Access {
  const { access } = operation;
  if (access.kind === "public") return "public";
  if (access.kind === "customer_link") return "customer";
  if (choice === undefined) return minimumRole(access.permission);
  const permission = access.byChoice?.permissions[choice];
  if (!permission) throw new Error(`${operation.operationId} has no permission for the choice "${choice}"`);
  return minimumRole(permission);
}

/**
 * A route of the API document, e.g. api("GET", "/api/v1/cases/[id]", { target: "tenant-a", request: … }):
 * who may call it is read from its operation. For a route whose body picks the permission (the
 * escalation review), `choice` names the entry the row's request makes (e.g. "return").
 */
export const api = (method: string, path: string, options: RowOptions & { choice?: string } = {}): Row => {
  const operation = operationOf(method, path);
  if (!operation) throw new Error(`${method} ${path} is not in the API document: declare its operation in lib/api/, or use route() for a route outside the API`);
  const { choice, ...rest } = options;
  return { kind: "route", method, path, access: accessOf(operation, choice), ...rest };
};

/** A route outside the API document (health, sign-in, the customer's HTML page, the reference page): its access is stated here. */
export const route = (method: string, path: string, access: Access, options: RowOptions = {}): Row => {
  if (operationOf(method, path)) throw new Error(`${method} ${path} is in the API document: use api(), which reads its access from the operation`);
  return { kind: "route", method, path, access, ...options };
};
/** A page by its URL path with [segments], e.g. page("/cases/[id]", "agent", { target: "tenant-a", request: … }). */
export const page = (path: string, access: Access, options: RowOptions = {}): Row => ({ kind: "page", path, access, ...options });
/** A server action: the "use server" file and the export, with the arguments a real form sends. */
export const action = (file: string, name: string, access: Access, args: (fx: Fixture) => unknown[] | Promise<unknown[]>, options: Omit<RowOptions, "request"> = {}): Row => ({
  kind: "action",
  file,
  name,
  access,
  args,
  ...options,
});

export function rowKey(row: Row): string {
  if (row.kind === "route") return `${row.method} ${row.path}`;
  if (row.kind === "page") return `PAGE ${row.path}`;
  return `ACTION ${row.file}#${row.name}`;
}

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/**
 * What `principal` must get from `row`. Pages answer like the API would: a redirect to sign-in
 * counts as 401, a redirect to /forbidden as 403, notFound() as 404. Pages and server actions
 * know only the session cookie; bearer tokens (API tokens, customer links) mean nothing to them.
 */
export function expectedStatus(row: Row, principal: Principal): number {
  if (row.expect) return row.expect(principal);
  const ok = row.ok ?? 200;
  if (row.access === "public") return ok;
  if (row.access === "customer") return { valid: ok, revoked: 410, expired: 410, unknown: 404 }[principal.linkState];
  const role = row.kind === "route" || principal.kind === "session" ? principal.role : null;
  if (!role) return 401;
  if (RANK[role] < RANK[row.access]) return 403;
  if (principal.foreign && row.target === "tenant-a") return 404;
  return ok;
}
