import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escalationReadiness } from "@/lib/triage/readiness";
import { RULE_IDS, RULES_BY_ID } from "@/lib/rules/catalog";
import { suggest } from "@/lib/rules/engine";
import { DEFAULT_RULE_SETTINGS, resolveSettings } from "@/lib/rules/settings";
import { factsArbitrary, NOW, triedStepsArbitrary } from "@/tests/support/facts-factory";

// Properties over arbitrary valid facts and step histories (fixed seed: failures are reproducible).
const RUNS = { numRuns: 400, seed: 20240601 };
const CATALOG: ReadonlySet<string> = new Set(RULE_IDS);

const settingsArbitrary = fc.oneof(
  fc.constant(DEFAULT_RULE_SETTINGS),
  fc.record({
    disabledRules: fc.subarray([...RULE_IDS], { maxLength: 6 }),
    thresholds: fc.record({
      lowDeviceStorageGb: fc.integer({ min: 1, max: 50 }),
      escalationHours: fc.integer({ min: 1, max: 96 }),
      repeatedFailures: fc.integer({ min: 1, max: 6 }),
    }),
  }).map((partial) => resolveSettings(partial)),
);

describe("engine properties", () => {
  it("never throws; ids are unique and in the catalog; tried steps never appear in next", () => {
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, settingsArbitrary, (facts, triedSteps, settings) => {
        const result = suggest(facts, { triedSteps, settings, now: NOW });
        const nextIds = result.next.map((entry) => entry.ruleId);
        expect(new Set(nextIds).size).toBe(nextIds.length);
        expect(nextIds.every((id) => CATALOG.has(id))).toBe(true);
        const tried = new Set(triedSteps.map((entry) => entry.ruleId));
        expect(nextIds.filter((id) => tried.has(id))).toEqual([]);
        expect(nextIds.filter((id) => settings.disabledRules.includes(id))).toEqual([]);
        const triedIds = result.tried.map((entry) => entry.ruleId);
        expect(new Set(triedIds)).toEqual(tried);
      }),
      RUNS,
    );
  });

  it("never suggests sign-out while another applicable step is untried", () => {
    // Half the histories have tried everything but sign-out, so the property is exercised, not vacuous.
    const everythingButSignOut = RULE_IDS.filter((id) => id !== "sign-out-icloud").map((ruleId) => ({ ruleId, outcome: "no_change" as const, note: null, triedAt: NOW }));
    const histories = fc.oneof(triedStepsArbitrary, fc.constant(everythingButSignOut));
    let signOutSuggested = 0;
    fc.assert(
      fc.property(factsArbitrary, histories, (facts, triedSteps) => {
        const ids = suggest(facts, { triedSteps, now: NOW }).next.map((entry) => entry.ruleId);
        const signOut = ids.includes("sign-out-icloud");
        if (signOut) signOutSuggested++;
        expect(signOut ? ids : [], "sign-out is suggested only on its own").toEqual(signOut ? ["sign-out-icloud"] : []);
      }),
      RUNS,
    );
    expect(signOutSuggested).toBeGreaterThan(0);
  });

  it("only gives instructions for platforms present in the case", () => {
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, (facts, triedSteps) => {
        const present = new Set(facts.devices.map((device) => device.platform));
        for (const entry of suggest(facts, { triedSteps, now: NOW }).next) {
          expect(entry.instructions.every((instruction) => present.has(instruction.platform))).toBe(true);
          expect(RULES_BY_ID.get(entry.ruleId)!.platforms.some((platform) => present.has(platform))).toBe(true);
          expect(entry.reason.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  // Stages, not category tiers: within the quick-check stage a fact that explains the problem may
  // come before an earlier category (issue 12; tests/unit/rules-evidence-first.test.ts).
  it("orders by the guide's stages and marks everything but the status check waiting during an outage", () => {
    const seen = { outage: 0, normal: 0 };
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, (facts, triedSteps) => {
        const result = suggest(facts, { triedSteps, now: NOW });
        const rest = result.next.filter((entry) => entry.ruleId !== "check-apple-system-status" || !result.outage);
        const stages = rest.map((entry) => RULES_BY_ID.get(entry.ruleId)!.stage);
        expect(stages).toEqual([...stages].sort((a, b) => a - b));
        seen[result.outage ? "outage" : "normal"]++;
        const expectedStatus = (ruleId: string) => (!result.outage || ruleId === "check-apple-system-status" ? "next" : "waiting");
        expect(result.next.map((entry) => entry.status)).toEqual(result.next.map((entry) => expectedStatus(entry.ruleId)));
        const statusCheck = result.next.findIndex((entry) => entry.ruleId === "check-apple-system-status");
        expect(!result.outage || statusCheck === -1 || statusCheck === 0).toBe(true);
      }),
      RUNS,
    );
    // Both kinds of case were generated, so both halves of the property were checked.
    expect(seen.outage).toBeGreaterThan(0);
    expect(seen.normal).toBeGreaterThan(0);
  });
});

describe("readiness properties", () => {
  it("is ready exactly when nothing is missing, and every unmet criterion says why", () => {
    let outages = 0;
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, settingsArbitrary, (facts, triedSteps, settings) => {
        const readiness = escalationReadiness(facts, triedSteps, settings, NOW);
        expect(readiness.ready).toBe(readiness.missing.length === 0);
        expect(readiness.missing).toEqual(readiness.criteria.flatMap((criterion) => criterion.missing));
        for (const criterion of readiness.criteria) expect(criterion.met).toBe(criterion.missing.length === 0);
        const outage = facts.appleSystemStatus === "outage";
        if (outage) outages++;
        expect(outage && readiness.ready, "never ready during an outage").toBe(false);
      }),
      RUNS,
    );
    expect(outages).toBeGreaterThan(0);
  });

  it("is never ready while a low- or medium-risk suggestion is still untried", () => {
    let withUntried = 0;
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, (facts, triedSteps) => {
        const next = suggest(facts, { triedSteps, now: NOW }).next;
        const readiness = escalationReadiness(facts, triedSteps, DEFAULT_RULE_SETTINGS, NOW);
        const untried = next.some((entry) => entry.risk !== "high");
        if (untried) withUntried++;
        expect(untried && readiness.ready).toBe(false);
      }),
      RUNS,
    );
    expect(withUntried).toBeGreaterThan(0);
  });
});
