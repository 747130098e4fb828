import fc from "fast-check";
import { caseFactsSchema, NETWORKS, PLATFORMS, STATUS_MESSAGES, STEP_OUTCOMES, STORAGE_MODES, SYMPTOMS, type CaseFacts, type CaseFactsInput, type DeviceInput, type Platform, type StepOutcome } from "@/lib/facts/schema";
import { type TriedStep } from "@/lib/rules/tried-step-schema";
import { RULE_IDS, type RuleId } from "@/lib/rules/rule-ids";

// Test factories: valid case facts built through the real schema, plus fast-check arbitraries.

export const NOW = new Date("2024-06-01T12:00:00Z");

export const hoursBefore = (hours: number, from: Date = NOW) => new Date(from.getTime() - hours * 3_600_000).toISOString();

const HEALTHY_VERSIONS: Record<Platform, string> = { iphone: "18.1", ipad: "18.1", mac: "15.1", windows: "11.0" };

/** A device with every fact known and nothing wrong: no rule should fire because of it. */
export function healthyDevice(platform: Platform, key: string = platform, overrides: Partial<DeviceInput> = {}): DeviceInput {
  return {
    key,
    platform,
    model: { iphone: "iPhone 15 Pro", ipad: "iPad Air", mac: "MacBook Air M2", windows: "Dell XPS 13" }[platform],
    osVersion: HEALTHY_VERSIONS[platform],
    icloudForWindowsVersion: platform === "windows" ? "15.5" : null,
    icloudPhotosEnabled: true,
    storageMode: platform === "windows" ? null : "optimize",
    freeStorageGb: 64,
    lowPowerMode: false,
    pluggedIn: true,
    network: "wifi",
    vpn: false,
    cellularDataForPhotos: true,
    finderSync: false,
    dateTimeAutomatic: true,
    ...overrides,
  };
}

/** A device about which nothing is known yet. */
export function unknownDevice(platform: Platform, key: string = platform): DeviceInput {
  return { key, platform };
}

/** Facts with everything known and healthy (one iPhone unless devices are given). */
export function healthyFacts(overrides: Partial<CaseFactsInput> = {}): CaseFacts {
  return caseFactsSchema.parse({
    customer: { name: "Ada Customer", email: "ada@example.com" },
    problemSince: hoursBefore(2),
    appleIdConsistent: true,
    appleSystemStatus: "ok",
    library: { itemCount: 4_000, sizeGb: 30, hasLargeFiles: false },
    icloudStorage: { totalGb: 200, freeGb: 120 },
    devices: [healthyDevice("iphone")],
    statusMessages: [],
    symptoms: [],
    ...overrides,
  });
}

/** Facts where everything that can be unknown is unknown. */
export function unknownFacts(devices: DeviceInput[] = [unknownDevice("iphone")]): CaseFacts {
  return caseFactsSchema.parse({ customer: { name: "Unknown Customer" }, devices });
}

export function makeFacts(input: CaseFactsInput): CaseFacts {
  return caseFactsSchema.parse(input);
}

export function step(
  ruleId: RuleId,
  outcome: StepOutcome = "no_change",
  options: { note?: string | null; triedAt?: Date } = {},
): TriedStep {
  return {
    ruleId,
    outcome,
    note: options.note ?? (outcome === "not_applicable" ? "Not relevant for this customer" : null),
    triedAt: options.triedAt ?? new Date(NOW.getTime() - 60_000),
  };
}

/** Marks every given rule as tried without success. */
export function triedAll(ruleIds: readonly RuleId[], outcome: StepOutcome = "no_change"): TriedStep[] {
  return ruleIds.map((ruleId, index) => step(ruleId, outcome, { triedAt: new Date(NOW.getTime() - (ruleIds.length - index) * 60_000) }));
}

// ---- fast-check arbitraries -------------------------------------------------------------------

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const gb = fc.double({ min: 0, max: 2_000, noNaN: true, noDefaultInfinity: true });
const version = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })).map((parts) => parts.join("."));

const deviceArbitrary = (key: string) =>
  fc.record({
    key: fc.constant(key),
    platform: fc.constantFrom(...PLATFORMS),
    model: maybe(fc.constantFrom("iPhone 15", "iPad Pro", "MacBook Pro", "Surface Laptop")),
    osVersion: maybe(version),
    icloudForWindowsVersion: maybe(version),
    icloudPhotosEnabled: maybe(fc.boolean()),
    storageMode: maybe(fc.constantFrom(...STORAGE_MODES)),
    freeStorageGb: maybe(gb),
    lowPowerMode: maybe(fc.boolean()),
    pluggedIn: maybe(fc.boolean()),
    network: maybe(fc.constantFrom(...NETWORKS)),
    vpn: maybe(fc.boolean()),
    cellularDataForPhotos: maybe(fc.boolean()),
    finderSync: maybe(fc.boolean()),
    dateTimeAutomatic: maybe(fc.boolean()),
  });

const isoBetween = (min: Date, max: Date) =>
  fc.integer({ min: min.getTime(), max: max.getTime() }).map((ms) => new Date(ms).toISOString());

/** Arbitrary valid facts (validated by the real schema, so they are what the engine receives). */
export const factsArbitrary: fc.Arbitrary<CaseFacts> = fc
  .integer({ min: 1, max: 5 })
  .chain((deviceCount) => {
    const keys = Array.from({ length: deviceCount }, (_, index) => `d${index}`);
    return fc.record({
      customer: fc.record({ name: fc.constant("Property Customer"), email: fc.constant(null) }),
      problemSince: maybe(isoBetween(new Date("2024-05-01T00:00:00Z"), new Date("2024-06-02T00:00:00Z"))),
      appleIdConsistent: maybe(fc.boolean()),
      appleSystemStatus: fc.constantFrom("ok", "outage", "unknown"),
      library: fc.record({
        itemCount: maybe(fc.integer({ min: 0, max: 200_000 })),
        sizeGb: maybe(gb),
        hasLargeFiles: maybe(fc.boolean()),
      }),
      icloudStorage: fc
        .record({ totalGb: maybe(gb), freeGb: maybe(gb) })
        .map(({ totalGb, freeGb }) => ({ totalGb, freeGb: totalGb !== null && freeGb !== null ? Math.min(freeGb, totalGb) : freeGb })),
      devices: fc.tuple(...keys.map((key) => deviceArbitrary(key))),
      statusMessages: fc.array(
        fc.record({
          deviceKey: fc.constantFrom(...keys),
          message: fc.constantFrom(...STATUS_MESSAGES),
          text: maybe(fc.constantFrom("Paused", "Waiting to Upload 12 items", "Couldn't sync")),
          observedAt: isoBetween(new Date("2024-05-01T00:00:00Z"), new Date("2024-06-01T00:00:00Z")),
          screenshotId: maybe(fc.constantFrom("shot-1", "shot-2")),
        }),
        { maxLength: 6 },
      ),
      symptoms: fc.subarray([...SYMPTOMS]),
    });
  })
  .map((input) => caseFactsSchema.parse(input));

/** Arbitrary step histories, including repeats of the same rule with different outcomes. */
export const triedStepsArbitrary: fc.Arbitrary<TriedStep[]> = fc.array(
  fc.record({
    ruleId: fc.constantFrom(...RULE_IDS),
    outcome: fc.constantFrom(...STEP_OUTCOMES),
    note: maybe(fc.constantFrom("customer tried it", "no Mac here")),
    triedAt: fc.integer({ min: Date.parse("2024-05-01T00:00:00Z"), max: NOW.getTime() }).map((ms) => new Date(ms)),
  }),
  { maxLength: 40 },
);
