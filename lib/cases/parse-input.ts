import type { z } from "zod";
import { fieldIssuesFromZod, validationError } from "@/lib/http/problem";

/**
 * Validates untrusted input, turning zod issues into one 400 AppError naming every bad field.
 * `prefix` puts nested input back at its place in the request body ("facts.devices.0.model").
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = fieldIssuesFromZod(result.error).map((issue) =>
    prefix ? { ...issue, path: issue.path === "(body)" ? prefix : `${prefix}.${issue.path}` } : issue,
  );
  throw validationError(fields);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients are unverified until they match; a malformed id names nothing, so it is a 404, not a 500. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
