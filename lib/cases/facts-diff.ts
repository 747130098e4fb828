import type { CaseFacts } from "@/lib/facts/schema";

// A compact description of what a facts edit changed, for the timeline: one entry per changed
// field, one level deep into the small objects; lists are named, not diffed item by item.

export type FactChange = { field: string; from?: unknown; to?: unknown };

const NESTED = new Set(["customer", "library", "icloudStorage"]);

export function diffFacts(before: CaseFacts, after: CaseFacts): FactChange[] {
  const changes: FactChange[] = [];
  for (const key of Object.keys(after) as (keyof CaseFacts)[]) {
    const from = before[key];
    const to = after[key];
    if (NESTED.has(key)) {
      const fromObject = from as Record<string, unknown>;
      const toObject = to as Record<string, unknown>;
      for (const inner of Object.keys(toObject)) {
        if (!same(fromObject[inner], toObject[inner])) {
          changes.push({ field: `${key}.${inner}`, from: fromObject[inner], to: toObject[inner] });
        }
      }
    } else if (!same(from, to)) {
      changes.push(Array.isArray(to) ? { field: key } : { field: key, from, to });
    }
  }
  return changes;
}

// Key order is not meaning: facts read back from a frozen document (validated again by the schema)
// and facts read from the rows list the same keys in different orders.
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}
