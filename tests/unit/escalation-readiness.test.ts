import { describe, expect, it } from "vitest";
import type { CaseFacts } from "@/lib/facts/schema";
import type { TriedStep } from "@/lib/rules/tried-step-schema";
import { escalationReadiness } from "@/lib/triage/readiness";
import { suggest } from "@/lib/rules/engine";
import { DEFAULT_RULE_SETTINGS, resolveSettings } from "@/lib/rules/settings";
import { healthyDevice, healthyFacts, hoursBefore, NOW, step, triedAll, unknownFacts } from "@/tests/support/facts-factory";

const documentedStatus = (message: "paused" | "waiting_to_upload" | "other" | "syncing" = "waiting_to_upload") => ({
  deviceKey: "iphone",
  message,
  text: "Waiting to Upload 120 items",
  observedAt: "2024-06-01T08:00:00Z",
  screenshotId: null,
});

/** A case that has been stuck for two days on Wi-Fi with a complete packet. */
function persistentCase(): CaseFacts {
  return healthyFacts({ problemSince: hoursBefore(48), statusMessages: [documentedStatus()] });
}

/** Tries every step the engine offers (except sign-out) until nothing but sign-out is left. */
function exhaust(facts: CaseFacts, outcome: TriedStep["outcome"] = "no_change"): TriedStep[] {
  const steps: TriedStep[] = [];
  for (let round = 0; round < 10; round++) {
    const next = suggest(facts, { now: NOW, triedSteps: steps }).next.filter((entry) => entry.ruleId !== "sign-out-icloud");
    if (next.length === 0) break;
    steps.push(...next.map((entry) => step(entry.ruleId, outcome)));
  }
  return steps;
}

const ready = (facts: CaseFacts, steps: TriedStep[], settings = DEFAULT_RULE_SETTINGS) => escalationReadiness(facts, steps, settings, NOW);
const criterion = (result: ReturnType<typeof ready>, id: string) => result.criteria.find((entry) => entry.id === id)!;

describe("escalationReadiness", () => {
  it("is ready when all four criteria hold, without requiring sign-out", () => {
    const facts = persistentCase();
    const result = ready(facts, exhaust(facts));
    expect(result).toMatchObject({ ready: true, missing: [] });
    expect(result.criteria.map((entry) => entry.id)).toEqual(["persistence", "steps_exhausted", "packet_complete", "no_outage"]);
    expect(result.criteria.every((entry) => entry.met && entry.label.length > 0)).toBe(true);
  });

  it("names what is missing in readable words", () => {
    const facts = healthyFacts({
      problemSince: hoursBefore(5),
      devices: [healthyDevice("iphone"), healthyDevice("mac", "mac", { osVersion: null, model: null })],
      library: { itemCount: null, sizeGb: null, hasLargeFiles: false },
      statusMessages: [],
    });
    const result = ready(facts, triedAll(["test-fresh-shot", "mac-keep-photos-open", "same-apple-id"]));
    expect(result.ready).toBe(false);
    expect(result.missing).toEqual(
      expect.arrayContaining([
        "Problem seen for 5 h; needs 24 h on Wi-Fi or 3 repeated failures (0 recorded)",
        "'Toggle iCloud Photos off and on' not tried yet",
        "'Restart the device' not tried yet",
        "Model missing for the Mac",
        "OS version missing for the Mac",
        "Library size missing (GB or number of items)",
        "No status message recorded (exact text or a screenshot)",
      ]),
    );
    expect(result.missing).not.toContain("OS version missing for the iPhone");
  });

  describe("persistence", () => {
    it("needs a device on Wi-Fi for the time window", () => {
      const facts = healthyFacts({
        problemSince: hoursBefore(30),
        devices: [healthyDevice("iphone", "iphone", { network: "cellular" })],
        statusMessages: [documentedStatus()],
      });
      const result = criterion(ready(facts, []), "persistence");
      expect(result.met).toBe(false);
      expect(result.missing[0]).toMatch(/Problem seen for 30 h but no device is recorded on Wi-Fi/);
    });

    it("accepts repeated failures instead of time (Paused, Waiting to Upload and Other count)", () => {
      const failing = (["paused", "waiting_to_upload", "other"] as const).map((message) => documentedStatus(message));
      const facts = healthyFacts({ problemSince: hoursBefore(1), statusMessages: failing });
      expect(criterion(ready(facts, []), "persistence").met).toBe(true);
    });

    it("does not count normal statuses as failures", () => {
      const normal = [documentedStatus("syncing"), documentedStatus("syncing"), documentedStatus("syncing")];
      const facts = healthyFacts({ problemSince: hoursBefore(1), statusMessages: normal });
      expect(criterion(ready(facts, []), "persistence").met).toBe(false);
    });

    it("uses the tenant's thresholds", () => {
      const facts = healthyFacts({ problemSince: hoursBefore(13), statusMessages: [documentedStatus()] });
      const settings = resolveSettings({ thresholds: { escalationHours: 12 } });
      expect(criterion(ready(facts, [], settings), "persistence").met).toBe(true);
      expect(criterion(ready(facts, []), "persistence").met).toBe(false);
    });

    it("says so when the start time is unknown", () => {
      const facts = { ...healthyFacts(), problemSince: null };
      expect(criterion(ready(facts, []), "persistence").missing[0]).toMatch(/^Problem start time not recorded/);
    });
  });

  describe("steps exhausted", () => {
    it("does not count skipped steps as tried", () => {
      const facts = persistentCase();
      const steps = exhaust(facts).map((entry) => (entry.ruleId === "test-fresh-shot" ? { ...entry, outcome: "skipped" as const } : entry));
      const result = criterion(ready(facts, steps), "steps_exhausted");
      expect(result.met).toBe(false);
      expect(result.missing).toEqual(["'Test with a fresh photo on the problem device' was skipped; try it or mark it not applicable with a reason"]);
    });

    it("counts 'not applicable' with a reason, not without one", () => {
      const facts = persistentCase();
      const withReason = exhaust(facts).map((entry) => ({ ...entry, outcome: "not_applicable" as const, note: "customer did this yesterday" }));
      expect(criterion(ready(facts, withReason), "steps_exhausted").met).toBe(true);
      const withoutReason = withReason.map((entry) => ({ ...entry, note: null }));
      expect(criterion(ready(facts, withoutReason), "steps_exhausted").missing[0]).toMatch(/marked not applicable without a reason/);
    });

    it("counts 'made it worse' as tried", () => {
      const facts = persistentCase();
      expect(ready(facts, exhaust(facts, "worse")).ready).toBe(true);
    });

    it("a resolved step means the case is solved, not ready to escalate", () => {
      const facts = persistentCase();
      const steps = [...exhaust(facts), step("restart-device", "resolved", { triedAt: NOW })];
      const result = ready(facts, steps);
      expect(result.ready).toBe(false);
      expect(result.missing).toContain("'Restart the device' resolved the problem; close the case instead of escalating");
    });

    it("does not require high-risk repairs or steps the tenant disabled", () => {
      const facts = { ...persistentCase(), devices: [...persistentCase().devices, healthyFacts({ devices: [healthyDevice("mac")] }).devices[0]!] };
      const steps = exhaust(facts).filter((entry) => entry.ruleId !== "repair-library-mac");
      expect(criterion(ready(facts, steps), "steps_exhausted").met).toBe(true);
      const settings = resolveSettings({ disabledRules: ["toggle-icloud-photos"] });
      const withoutToggle = steps.filter((entry) => entry.ruleId !== "toggle-icloud-photos");
      expect(criterion(ready(facts, withoutToggle, settings), "steps_exhausted").met).toBe(true);
      expect(criterion(ready(facts, withoutToggle), "steps_exhausted").met).toBe(false);
    });
  });

  describe("packet", () => {
    it("needs the exact text or a screenshot of at least one status", () => {
      const facts = healthyFacts({ statusMessages: [{ ...documentedStatus(), text: null }] });
      expect(criterion(ready(facts, []), "packet_complete").missing).toEqual(["No status message has its exact text or a screenshot"]);
      const withShot = healthyFacts({ statusMessages: [{ ...documentedStatus(), text: null, screenshotId: "shot-1" }] });
      expect(criterion(ready(withShot, []), "packet_complete").met).toBe(true);
    });

    it("accepts the item count as the library size", () => {
      const facts = healthyFacts({ library: { itemCount: 1200, sizeGb: null, hasLargeFiles: null }, statusMessages: [documentedStatus()] });
      expect(criterion(ready(facts, []), "packet_complete").met).toBe(true);
    });

    it("lists every gap when nothing is known", () => {
      const result = criterion(ready(unknownFacts(), []), "packet_complete");
      expect(result.missing).toEqual([
        "Model missing for the iPhone",
        "OS version missing for the iPhone",
        "Library size missing (GB or number of items)",
        "No status message recorded (exact text or a screenshot)",
      ]);
    });
  });

  describe("outage", () => {
    it("waits during an Apple outage even when everything else is ready", () => {
      const facts = persistentCase();
      const steps = exhaust(facts);
      const result = ready({ ...facts, appleSystemStatus: "outage" }, steps);
      expect(result.ready).toBe(false);
      expect(criterion(result, "no_outage").missing).toEqual(["Apple reports an outage; the case waits until it is over"]);
    });

    it("an unknown status is not an outage, but checking it is a required step", () => {
      const facts = { ...persistentCase(), appleSystemStatus: "unknown" as const };
      const result = ready(facts, exhaust(persistentCase()));
      expect(criterion(result, "no_outage").met).toBe(true);
      expect(criterion(result, "steps_exhausted").missing).toContain("'Check Apple's System Status page' not tried yet");
    });
  });
});
