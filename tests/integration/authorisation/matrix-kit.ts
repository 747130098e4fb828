import type { Role } from "@/lib/auth/permissions";
import type { Fixture, Principal } from "./principals";

// The vocabulary of the authorisation matrix (matrix-rows.ts): one row per route handler method,
// page and server action, saying who may use it. The expected answer for every principal follows
// from the row (expectedStatus below), so a row is one line.

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

/** A route handler method, e.g. api("GET", "/api/v1/cases/[id]", "agent", { target: "tenant-a", request: … }). */
export const api = (method: string, path: string, access: Access, options: RowOptions = {}): Row => ({ kind: "route", method, path, access, ...options });
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
