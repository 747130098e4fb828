import type { CaseFacts } from "@/lib/facts/schema";
import type { UpdateCaseInput } from "@/lib/cases/schemas/case-schemas";

// How a PATCH's facts combine with the stored ones: a sent list (devices, statusMessages, symptoms)
// replaces the old list; a sent small object (customer, library, icloudStorage) is merged one level
// deep, so `{ library: { sizeGb: 80 } }` keeps the item count; anything not sent stays.
// The result is unvalidated: the caller re-checks it with the full facts schema.

export const MERGED_FACT_OBJECTS: ReadonlySet<string> = new Set(["customer", "library", "icloudStorage"]);

export function mergeFacts(current: CaseFacts, patch: NonNullable<UpdateCaseInput["facts"]>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const old = merged[key];
    merged[key] = MERGED_FACT_OBJECTS.has(key) && isPlainObject(old) && isPlainObject(value) ? { ...old, ...value } : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
