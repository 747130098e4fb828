import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseFacts } from "@/lib/facts/schema";
import { RULES_BY_ID } from "@/lib/rules/catalog";
import { suggest, type Suggestion } from "@/lib/rules/engine";
import type { RuleId } from "@/lib/rules/rule-ids";
import { factsArbitrary, healthyDevice, healthyFacts, NOW, triedStepsArbitrary } from "@/tests/support/facts-factory";

// Strongest evidence first (issue 12): within a stage of the guide, a recorded fact that by itself
// explains the problem ranks above advice that merely fits the symptom. Stages never invert.

const RUNS = { numRuns: 300, seed: 20261122 };
const PROPERTY_TIMEOUT_MS = 30_000; // hundreds of engine runs; the machine is shared
const rank = (next: readonly Suggestion[], id: RuleId) => next.findIndex((entry) => entry.ruleId === id);
const next = (facts: CaseFacts) => suggest(facts, { now: NOW }).next;
const seen = (deviceKey: string, message: "waiting_to_upload" | "paused") => ({
  deviceKey,
  message,
  text: null,
  observedAt: "2024-06-01T10:00:00Z",
  screenshotId: null,
});

describe("a fact that explains the problem comes first in its stage", () => {
  it("no room in iCloud for what is waiting outranks 'leave Photos open' advice", () => {
    const facts = healthyFacts({
      icloudStorage: { totalGb: 50, freeGb: 0.2 },
      statusMessages: [seen("iphone", "waiting_to_upload")],
      symptoms: ["stuck_waiting_to_upload"],
    });
    const list = next(facts);
    const storage = list.find((entry) => entry.ruleId === "free-icloud-storage");
    expect(storage).toMatchObject({ explainsProblem: true });
    expect(storage?.reason).toContain("no room in iCloud");
    expect(list[0]?.ruleId).toBe("free-icloud-storage");
    expect(rank(list, "free-icloud-storage")).toBeLessThan(rank(list, "keep-photos-open-plugged-in"));
    expect(rank(list, "free-icloud-storage")).toBeLessThan(rank(list, "nudge-upload"));

    // The same full iCloud with nothing waiting explains nothing: the categories' order stands.
    const idle = next(healthyFacts({ icloudStorage: { totalGb: 50, freeGb: 0.2 }, symptoms: ["slow_upload"] }));
    expect(idle.find((entry) => entry.ruleId === "free-icloud-storage")).toMatchObject({ explainsProblem: false });
    expect(rank(idle, "free-icloud-storage")).toBeGreaterThan(rank(idle, "test-fresh-shot"));
  });

  it("iCloud Photos off on the device that lacks the photos outranks the other quick checks", () => {
    const facts = healthyFacts({
      appleSystemStatus: "unknown",
      appleIdConsistent: false,
      devices: [healthyDevice("iphone"), healthyDevice("mac", "mac", { icloudPhotosEnabled: false })],
      symptoms: ["photo_not_on_other_device"],
    });
    const list = next(facts);
    expect(list[0]).toMatchObject({ ruleId: "enable-icloud-photos", explainsProblem: true });
    expect(list[0]?.reason).toContain("iCloud Photos is off on the Mac");
    // Without the symptom, a device with the feature off is a cause but not an explanation.
    const quiet = next(healthyFacts({ ...facts, symptoms: [] }));
    expect(quiet.find((entry) => entry.ruleId === "enable-icloud-photos")).toMatchObject({ explainsProblem: false });
    expect(rank(quiet, "same-apple-id")).toBeLessThan(rank(quiet, "enable-icloud-photos"));
  });

  it("Low Power Mode on the device that says Paused outranks quick checks that merely fit Paused", () => {
    const facts = healthyFacts({
      devices: [healthyDevice("iphone", "iphone", { lowPowerMode: true, pluggedIn: false })],
      statusMessages: [seen("iphone", "paused")],
    });
    const list = next(facts);
    expect(list[0]).toMatchObject({ ruleId: "disable-low-power-mode", explainsProblem: true });
    expect(rank(list, "disable-low-power-mode")).toBeLessThan(rank(list, "keep-photos-open-plugged-in"));

    // Paused on one device and Low Power Mode on another: neither explains the other.
    const apart = next(
      healthyFacts({
        devices: [healthyDevice("iphone", "phone", { lowPowerMode: true }), healthyDevice("ipad", "tablet")],
        statusMessages: [seen("tablet", "paused")],
      }),
    );
    expect(apart.find((entry) => entry.ruleId === "disable-low-power-mode")).toMatchObject({ explainsProblem: false });
    expect(rank(apart, "keep-photos-open-plugged-in")).toBeLessThan(rank(apart, "disable-low-power-mode"));
  });

  it("never lifts an explaining step out of its stage: the quick checks still come before any reset", () => {
    const facts = healthyFacts({
      devices: [healthyDevice("iphone", "iphone", { lowPowerMode: true, osVersion: "15.0" })],
      statusMessages: [seen("iphone", "paused")],
    });
    const list = next(facts);
    const lowPower = rank(list, "disable-low-power-mode");
    const update = rank(list, "update-os");
    expect(lowPower).toBeGreaterThanOrEqual(0);
    expect(update).toBeGreaterThan(lowPower);
    expect(RULES_BY_ID.get("update-os")!.stage).toBeGreaterThan(RULES_BY_ID.get("disable-low-power-mode")!.stage);
  });
});

describe("ranking properties", () => {
  it("stages never invert, and within a stage explaining steps come first, then the categories' order", () => {
    let explained = 0;
    let mixedStages = 0;
    let sameStagePairs = 0;
    let sameClassPairs = 0;
    fc.assert(
      fc.property(factsArbitrary, triedStepsArbitrary, (facts, triedSteps) => {
        const result = suggest(facts, { triedSteps, now: NOW });
        fc.pre(!result.outage); // an outage lifts the status check above everything on purpose
        const keys = result.next.map((entry) => {
          const rule = RULES_BY_ID.get(entry.ruleId)!;
          return { stage: rule.stage, explains: entry.explainsProblem ? 0 : 1, tier: rule.tier };
        });
        for (let index = 1; index < keys.length; index++) {
          const before = keys[index - 1]!;
          const after = keys[index]!;
          expect(before.stage).toBeLessThanOrEqual(after.stage);
          if (before.stage !== after.stage) continue;
          sameStagePairs++;
          expect(before.explains).toBeLessThanOrEqual(after.explains);
          if (before.explains !== after.explains) continue;
          sameClassPairs++;
          expect(before.tier).toBeLessThanOrEqual(after.tier);
        }
        if (result.next.some((entry) => entry.explainsProblem)) explained++;
        if (new Set(keys.map((key) => key.stage)).size > 1) mixedStages++;
      }),
      RUNS,
    );
    // The property must have met the cases it is about, not only lists without explanations.
    expect(explained).toBeGreaterThan(RUNS.numRuns / 10);
    expect(mixedStages).toBeGreaterThan(RUNS.numRuns / 20);
    expect(sameStagePairs).toBeGreaterThan(RUNS.numRuns);
    expect(sameClassPairs).toBeGreaterThan(RUNS.numRuns);
  }, PROPERTY_TIMEOUT_MS);

  it("each stage is one contiguous run of the list, outage or not", () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const result = suggest(facts, { now: NOW });
        const byStage = new Map<number, RuleId[]>();
        for (const entry of result.next) {
          const stage = RULES_BY_ID.get(entry.ruleId)!.stage;
          byStage.set(stage, [...(byStage.get(stage) ?? []), entry.ruleId]);
        }
        const flattened = [...byStage.keys()].sort((a, b) => a - b).flatMap((stage) => byStage.get(stage)!);
        expect(result.next.map((entry) => entry.ruleId)).toEqual(flattened);
      }),
      RUNS,
    );
  }, PROPERTY_TIMEOUT_MS);
});
