import type { z, ZodError } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors/app-error";

// Turning bad input into one 400 AppError that names every bad field. Domain code validates with
// these; the HTTP boundary (lib/http/problem.ts) only maps the error to a status and a body.

export function fieldIssuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown key is named as a field of its own, so each one is reported where it was sent.
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: [...at, key].join("."), message: `Unknown field "${key}"` }));
    return [{ path: at.join(".") || "(body)", message: issue.message }];
  });
}

export function summariseIssues(fields: FieldIssue[]): string {
  const first = fields[0];
  if (!first) return "The request is not valid";
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : "";
  return `${first.path}: ${first.message}${more}`;
}

export function validationError(fields: FieldIssue[]): AppError {
  return new AppError("validation_failed", summariseIssues(fields), { fields });
}

/**
 * Validates untrusted input, turning zod issues into one 400 AppError naming every bad field.
 * `prefix` puts nested input back at its place in the request body ("facts.devices.0.model").
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix?: string): z.infer<S> {
  const unstorable = textWithNul(raw);
  if (unstorable.length > 0) {
    throw validationError(unstorable.map((path) => ({ path: prefix ? `${prefix}.${path}` : path, message: "Text can't contain NUL characters (\\u0000)" })));
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = fieldIssuesFromZod(result.error).map((issue) =>
    prefix ? { ...issue, path: issue.path === "(body)" ? prefix : `${prefix}.${issue.path}` } : issue,
  );
  throw validationError(fields);
}

// PostgreSQL text cannot hold U+0000: every string of every input is checked before any schema
// runs, so no field can get one as far as the database (where it would be an error, not a 400).
function textWithNul(value: unknown, path = "", found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 64) return found;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path || "(body)");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => textWithNul(item, path ? `${path}.${index}` : String(index), found, depth + 1));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) found.push(keyPath);
      textWithNul(item, keyPath, found, depth + 1);
    }
  }
  return found;
}
