import { describe, expect, it } from "vitest";
import { PLATFORMS } from "@/lib/facts/schema";
import { getRule, RULES } from "@/lib/rules/catalog";
import { suggest } from "@/lib/rules/engine";
import { resolveSettings } from "@/lib/rules/settings";
import {
  healthyDevice,
  healthyFacts,
  NOW,
  step,
  triedAll,
  unknownDevice,
  unknownFacts,
} from "@/tests/support/facts-factory";

const ids = (result: ReturnType<typeof suggest>) => result.next.map((entry) => entry.ruleId);

describe("suggest: ordering", () => {
  it("follows the guides' tiers: quick checks first, resets later, sign-out never before the end", () => {
    const facts = unknownFacts([unknownDevice("iphone"), unknownDevice("mac")]);
    const result = suggest(facts, { now: NOW });
    const tiers = result.next.map((entry) => getRule(entry.ruleId).tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(result.next[0]?.category).toBe("quick_checks");
    expect(ids(result)).not.toContain("sign-out-icloud");
  });

  it("puts the strongest match first within a tier", () => {
    const facts = healthyFacts({
      appleSystemStatus: "unknown",
      appleIdConsistent: false,
      statusMessages: [{ deviceKey: "iphone", message: "waiting_to_upload", text: null, observedAt: "2024-06-01T10:00:00Z", screenshotId: null }],
    });
    const quick = suggest(facts, { now: NOW }).next.filter((entry) => entry.category === "quick_checks");
    const strengths = quick.map((entry) => entry.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(quick[0]?.ruleId).toBe("same-apple-id");
  });

  it("is deterministic for the same input", () => {
    const facts = unknownFacts([unknownDevice("iphone"), unknownDevice("windows")]);
    expect(suggest(facts, { now: NOW })).toEqual(suggest(facts, { now: NOW }));
  });
});

describe("suggest: Apple outage", () => {
  const facts = unknownFacts();
  const outageFacts = { ...facts, appleSystemStatus: "outage" as const };

  it("puts the status check first and marks everything else as waiting", () => {
    const result = suggest(outageFacts, { now: NOW });
    expect(result.outage).toBe(true);
    expect(result.next[0]).toMatchObject({ ruleId: "check-apple-system-status", status: "next" });
    expect(result.next.slice(1).length).toBeGreaterThan(0);
    expect(result.next.slice(1).every((entry) => entry.status === "waiting")).toBe(true);
    expect(result.warnings.map((warning) => warning.id)).toContain("outage-wait");
  });

  it("keeps everything waiting even after the status check was recorded", () => {
    const result = suggest(outageFacts, { now: NOW, triedSteps: [step("check-apple-system-status")] });
    expect(result.next.every((entry) => entry.status === "waiting")).toBe(true);
  });

  it("without an outage nothing waits", () => {
    const result = suggest(facts, { now: NOW });
    expect(result.outage).toBe(false);
    expect(result.next.every((entry) => entry.status === "next")).toBe(true);
  });
});

describe("suggest: platforms", () => {
  it("never gives Mac or Windows steps to an iPhone-only case", () => {
    const facts = unknownFacts([unknownDevice("iphone", "a"), unknownDevice("iphone", "b")]);
    const everythingTried = triedAll(RULES.map((rule) => rule.id).filter((id) => id !== "sign-out-icloud"));
    for (const triedSteps of [[], [step("test-fresh-shot")], everythingTried]) {
      for (const entry of suggest({ ...facts, symptoms: ["windows_thumbnails_missing", "blurry_thumbnails"] }, { now: NOW, triedSteps }).next) {
        expect(getRule(entry.ruleId).platforms).toContain("iphone");
        expect(entry.instructions.map((instruction) => instruction.platform)).toEqual(["iphone"]);
        expect(entry.customerSteps.join(" ")).not.toMatch(/Windows|\bPC\b|On your Mac|System Settings/);
      }
    }
  });

  it("gives instructions for every platform present, in a stable order", () => {
    const facts = healthyFacts({ devices: [healthyDevice("windows"), healthyDevice("iphone"), healthyDevice("mac")] });
    const fresh = suggest(facts, { now: NOW }).next.find((entry) => entry.ruleId === "test-fresh-shot");
    expect(fresh?.instructions.map((instruction) => instruction.label)).toEqual(["iPhone", "Mac", "Windows PC"]);
  });

  it("names devices by key only when the platform alone is ambiguous", () => {
    const one = suggest(unknownFacts([unknownDevice("iphone", "mine")]), { now: NOW });
    expect(one.next.find((entry) => entry.ruleId === "enable-icloud-photos")?.reason).toContain("for the iPhone");
    const two = suggest(unknownFacts([unknownDevice("iphone", "mine"), unknownDevice("iphone", "old")]), { now: NOW });
    expect(two.next.find((entry) => entry.ruleId === "enable-icloud-photos")?.reason).toContain('the iPhone "mine" and the iPhone "old"');
  });
});

describe("suggest: one device vs several", () => {
  it("asks to confirm the Apple ID when several devices share the library, even if recorded as the same", () => {
    const several = healthyFacts({ devices: [healthyDevice("iphone"), healthyDevice("ipad")] });
    expect(ids(suggest(several, { now: NOW }))).toContain("same-apple-id");
    expect(ids(suggest(healthyFacts(), { now: NOW }))).not.toContain("same-apple-id");
  });

  it("shows the new-phone tip only with two iPhones", () => {
    const twoPhones = healthyFacts({ devices: [healthyDevice("iphone", "old"), healthyDevice("iphone", "new")] });
    expect(suggest(twoPhones, { now: NOW }).warnings.map((warning) => warning.id)).toContain("new-phone-keep-both-on");
    expect(suggest(healthyFacts(), { now: NOW }).warnings.map((warning) => warning.id)).not.toContain("new-phone-keep-both-on");
  });
});

describe("suggest: every fact unknown", () => {
  it("does not throw and treats unknowns as things to check", () => {
    const facts = unknownFacts(PLATFORMS.map((platform) => unknownDevice(platform)));
    const result = suggest(facts, { now: NOW });
    const byId = new Map(result.next.map((entry) => [entry.ruleId, entry]));
    expect(byId.get("enable-icloud-photos")?.reason).toMatch(/isn't known whether iCloud Photos is switched on/);
    expect(byId.get("check-apple-system-status")?.reason).toMatch(/hasn't been checked/);
    expect(byId.get("same-apple-id")?.reason).toMatch(/isn't known/);
    expect(byId.get("update-os")?.reason).toMatch(/isn't recorded/);
    // Symptom-only rules stay silent: an empty symptom list is a known "none reported".
    expect(byId.has("check-shared-albums")).toBe(false);
    expect(byId.has("sign-out-icloud")).toBe(false);
  });
});

describe("suggest: tried steps", () => {
  it("drops tried steps from next but keeps them visible with their latest outcome", () => {
    const facts = unknownFacts();
    const result = suggest(facts, {
      now: NOW,
      triedSteps: [
        step("enable-icloud-photos", "no_change", { triedAt: new Date("2024-06-01T09:00:00Z") }),
        step("enable-icloud-photos", "resolved", { triedAt: new Date("2024-06-01T10:00:00Z"), note: "was off on the iPad" }),
        step("repair-library-mac", "not_applicable", { note: "no Mac" }),
      ],
    });
    expect(ids(result)).not.toContain("enable-icloud-photos");
    const enable = result.tried.find((entry) => entry.ruleId === "enable-icloud-photos");
    expect(enable).toMatchObject({ outcome: "resolved", note: "was off on the iPad", attempts: 2, applicable: true });
    expect(result.tried.find((entry) => entry.ruleId === "repair-library-mac")).toMatchObject({ applicable: false, reason: null });
  });

  it("uses list order to break a tie between steps recorded at the same time", () => {
    const at = new Date("2024-06-01T09:00:00Z");
    const result = suggest(unknownFacts(), {
      now: NOW,
      triedSteps: [step("stable-wifi", "skipped", { triedAt: at }), step("stable-wifi", "worse", { triedAt: at })],
    });
    expect(result.tried[0]).toMatchObject({ ruleId: "stable-wifi", outcome: "worse" });
  });

  it("opens the safe resets once every applicable quick check was tried", () => {
    const facts = healthyFacts();
    expect(ids(suggest(facts, { now: NOW }))).toEqual(["test-fresh-shot"]);
    const after = ids(suggest(facts, { now: NOW, triedSteps: [step("test-fresh-shot")] }));
    expect(after).toEqual(["restart-device", "toggle-icloud-photos"]);
  });
});

describe("suggest: sign-out only last", () => {
  it("appears only when every other applicable step was tried", () => {
    const facts = healthyFacts();
    const almost = triedAll(["test-fresh-shot", "restart-device"]);
    expect(ids(suggest(facts, { now: NOW, triedSteps: almost }))).toEqual(["toggle-icloud-photos"]);
    const all = triedAll(["test-fresh-shot", "restart-device", "toggle-icloud-photos"]);
    expect(ids(suggest(facts, { now: NOW, triedSteps: all }))).toEqual(["sign-out-icloud"]);
  });

  it("'skipped' steps count as dealt with for the order, so the list can move on", () => {
    const facts = healthyFacts();
    const skipped = triedAll(["test-fresh-shot", "restart-device", "toggle-icloud-photos"], "skipped");
    expect(ids(suggest(facts, { now: NOW, triedSteps: skipped }))).toEqual(["sign-out-icloud"]);
  });
});

describe("suggest: tenant settings", () => {
  it("a disabled rule disappears", () => {
    const settings = resolveSettings({ disabledRules: ["test-fresh-shot"] });
    expect(ids(suggest(healthyFacts(), { now: NOW, settings }))).toEqual(["restart-device", "toggle-icloud-photos"]);
  });

  it("a changed threshold changes when a rule fires", () => {
    const facts = healthyFacts({ devices: [healthyDevice("iphone", "iphone", { freeStorageGb: 8 })] });
    expect(ids(suggest(facts, { now: NOW }))).not.toContain("free-device-storage");
    const settings = resolveSettings({ thresholds: { lowDeviceStorageGb: 10 } });
    const suggestion = suggest(facts, { now: NOW, settings }).next.find((entry) => entry.ruleId === "free-device-storage");
    expect(suggestion?.reason).toContain("less than 10 GB free");
  });

  it("a tenant minimum OS version decides what counts as outdated", () => {
    const settings = resolveSettings({ thresholds: { minOsVersion: { ios: "18.2" } } });
    expect(ids(suggest(healthyFacts(), { now: NOW, settings }))).toContain("update-os");
    expect(settings.thresholds.minOsVersion.macos).toBe("14.0");
  });
});

describe("suggest: case warnings", () => {
  it("always warns against deleting to force a refresh", () => {
    expect(suggest(healthyFacts(), { now: NOW }).warnings.map((warning) => warning.id)).toContain("dont-delete-to-refresh");
  });

  it("warns that a stalled bar isn't failure only while the problem is young", () => {
    const young = healthyFacts({ library: { itemCount: 10, sizeGb: 1, hasLargeFiles: true } });
    expect(suggest(young, { now: NOW }).warnings.map((warning) => warning.id)).toContain("stalled-progress-not-failure");
    const old = { ...young, problemSince: "2024-05-01T00:00:00Z" };
    expect(suggest(old, { now: NOW }).warnings.map((warning) => warning.id)).not.toContain("stalled-progress-not-failure");
  });

  it("attaches step warnings with their text", () => {
    const facts = healthyMac();
    const tried = triedAll(["test-fresh-shot", "mac-keep-photos-open", "restart-device", "toggle-icloud-photos"]);
    const repair = suggest(facts, { now: NOW, triedSteps: tried }).next.find((entry) => entry.ruleId === "repair-library-mac");
    expect(repair?.warnings.map((warning) => warning.id)).toContain("backup-before-repair");
    expect(repair?.warnings.every((warning) => warning.text.length > 0)).toBe(true);
  });
});

function healthyMac() {
  return healthyFacts({ devices: [healthyDevice("mac")] });
}
