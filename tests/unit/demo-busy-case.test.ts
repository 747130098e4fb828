import { describe, expect, it } from "vitest";
import { caseFactsSchema } from "@/lib/facts/schema";
import { suggest } from "@/lib/rules/engine";
import { busyCaseFacts } from "@/lib/demo/busy-case";
import { NOW } from "@/tests/support/facts-factory";

// The demo's busy case is what the case page's focus layout is shown (and tested end to end) on.
describe("the demo's busy case", () => {
  it("has 15+ applicable suggestions, led by the three that a fact explains by itself", () => {
    const next = suggest(caseFactsSchema.parse(busyCaseFacts(NOW)), { now: NOW }).next;
    expect(next.length).toBeGreaterThanOrEqual(15);
    expect(next.slice(0, 3).map((entry) => entry.ruleId)).toEqual(["enable-icloud-photos", "free-icloud-storage", "disable-low-power-mode"]);
    expect(next.slice(0, 3).every((entry) => entry.explainsProblem)).toBe(true);
    expect(next.slice(3).some((entry) => entry.explainsProblem)).toBe(false);
  });
});
