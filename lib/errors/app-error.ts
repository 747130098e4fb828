// One error type for the domain; the HTTP boundary maps `code` to a status (lib/http/problem.ts).
export const APP_ERROR_CODES = [
  "validation_failed", // 400
  "unauthenticated", // 401
  "forbidden", // 403
  "not_found", // 404
  "conflict", // 409: stale version, duplicate
  "gone", // 410: a revoked or expired customer link
  "payload_too_large", // 413: a body over the size limit
  "rate_limited", // 429
  "unavailable", // 503: database unreachable
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "devices.1.osVersion". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
