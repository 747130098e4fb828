import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escalationReadiness } from "@/lib/triage/readiness";
import { suggest } from "@/lib/rules/engine";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";
import { triageCase } from "@/lib/triage/triage-case";
import { factsArbitrary, NOW, triedStepsArbitrary } from "@/tests/support/facts-factory";

describe("triageCase", () => {
  it("answers exactly what suggest() and escalationReadiness() answer separately", () => {
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, (facts, triedSteps) => {
        const shared = triageCase(facts, triedSteps, DEFAULT_RULE_SETTINGS, NOW);
        expect(shared.suggestions).toEqual(suggest(facts, { triedSteps, settings: DEFAULT_RULE_SETTINGS, now: NOW }));
        expect(shared.escalation).toEqual(escalationReadiness(facts, triedSteps, DEFAULT_RULE_SETTINGS, NOW));
      }),
      { numRuns: 200 },
    );
  });
});
