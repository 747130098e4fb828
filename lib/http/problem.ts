import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import type { ErrorBody } from "@/lib/errors/error-body";
import { fieldIssuesFromZod, summariseIssues } from "@/lib/errors/validation";
import { DATABASE_FAULT_MESSAGES, databaseFault } from "@/lib/db/errors";

// Maps any thrown value to the API's error body and status. Plain data, usable by route handlers
// and server actions alike.
const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export function toProblem(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: STATUS[error.code], body: { error: { code: error.code, message: error.message, ...error.details } } };
  }
  if (error instanceof ZodError) {
    const fields = fieldIssuesFromZod(error);
    return { status: 400, body: { error: { code: "validation_failed", message: summariseIssues(fields), fields } } };
  }
  const fault = databaseFault(error);
  if (fault) return { status: 503, body: { error: { code: "unavailable", message: DATABASE_FAULT_MESSAGES[fault] } } };
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}

/** toProblem, logging what was not expected (a bug, not bad input or an outage) with where it happened. */
export function problemFor(error: unknown, where: string): { status: number; body: ErrorBody } {
  const problem = toProblem(error);
  // Refused access needs an operator: log it (the client only learns that it was refused).
  if (problem.status >= 500 && (problem.status !== 503 || databaseFault(error) === "refused")) console.error(`${where} failed`, error);
  return problem;
}
