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
