import { describe, expect, it } from "vitest";
import { caseFactsSchema } from "@/lib/facts/schema";
import { triedStepSchema } from "@/lib/rules/tried-step-schema";
import {
  NETWORK_LABELS,
  PLATFORM_LABELS,
  STATUS_MESSAGE_LABELS,
  STEP_OUTCOME_LABELS,
  SYMPTOM_LABELS,
} from "@/lib/facts/labels";
import { NETWORKS, PLATFORMS, STATUS_MESSAGES, STEP_OUTCOMES, SYMPTOMS } from "@/lib/facts/schema";
import { resolveSettings, ruleSettingsSchema, DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";

const minimal = { customer: { name: "Ada" }, devices: [{ key: "phone", platform: "iphone" }] };

function messages(input: unknown): Record<string, string> {
  const result = caseFactsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("caseFactsSchema", () => {
  it("fills every omitted fact with null (unknown) or its default", () => {
    const facts = caseFactsSchema.parse(minimal);
    expect(facts).toMatchObject({
      customer: { name: "Ada", email: null },
      problemSince: null,
      appleIdConsistent: null,
      appleSystemStatus: "unknown",
      library: { itemCount: null, sizeGb: null, hasLargeFiles: null },
      icloudStorage: { totalGb: null, freeGb: null },
      statusMessages: [],
      symptoms: [],
    });
    expect(facts.devices[0]).toMatchObject({ key: "phone", platform: "iphone", osVersion: null, icloudPhotosEnabled: null, network: null });
  });

  it("accepts ISO datetimes with an offset", () => {
    expect(caseFactsSchema.safeParse({ ...minimal, problemSince: "2024-05-01T09:30:00+02:00" }).success).toBe(true);
  });

  it("explains free storage above the total on the free field", () => {
    expect(messages({ ...minimal, icloudStorage: { totalGb: 50, freeGb: 60 } })).toEqual({
      "icloudStorage.freeGb": "Free iCloud storage can't be more than the total",
    });
  });

  it("names a duplicate device key", () => {
    const input = { ...minimal, devices: [{ key: "a", platform: "iphone" }, { key: "a", platform: "mac" }] };
    expect(messages(input)["devices.1.key"]).toBe('Device key "a" is used twice; each device needs its own key');
  });

  it("names a status message's unknown device", () => {
    const input = { ...minimal, statusMessages: [{ deviceKey: "tablet", message: "paused", observedAt: "2024-05-01T09:30:00Z" }] };
    expect(messages(input)["statusMessages.0.deviceKey"]).toBe('Status message refers to device "tablet", which is not in this case');
  });

  it("gives a clear message per field", () => {
    const result = messages({
      customer: { name: "  ", email: "not-an-email" },
      devices: [{ key: "p", platform: "android", osVersion: "seventeen", freeStorageGb: -1 }],
      library: { itemCount: 1.5 },
      symptoms: ["slow_upload", "slow_upload"],
    });
    expect(result).toMatchObject({
      "customer.name": "Customer name is required",
      "customer.email": "Customer email must be a valid email address",
      "devices.0.platform": "Platform must be iPhone, iPad, Mac or Windows PC",
      "devices.0.osVersion": "OS version must look like 17.5.1 (numbers separated by dots)",
      "devices.0.freeStorageGb": "Free device storage can't be negative",
      "library.itemCount": "Library item count must be a whole number",
      "symptoms.1": 'Symptom "slow_upload" is listed twice',
    });
  });

  it("needs at least one device and at most twenty", () => {
    expect(messages({ ...minimal, devices: [] }).devices).toBe("Add at least one device");
    const many = Array.from({ length: 21 }, (_, index) => ({ key: `d${index}`, platform: "iphone" }));
    expect(messages({ ...minimal, devices: many }).devices).toBe("A case can list 20 devices at most");
  });
});

describe("triedStepSchema", () => {
  it("requires a reason for 'not applicable'", () => {
    const result = triedStepSchema.safeParse({ ruleId: "restart-device", outcome: "not_applicable", note: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["note"], message: "A reason is needed when a step is marked not applicable" });
  });

  it("accepts a known rule with defaults", () => {
    expect(triedStepSchema.parse({ ruleId: "restart-device", outcome: "no_change" })).toEqual({
      ruleId: "restart-device",
      outcome: "no_change",
      note: null,
      triedAt: null,
    });
  });

  it("rejects unknown rules", () => {
    expect(triedStepSchema.safeParse({ ruleId: "reinstall-everything", outcome: "no_change" }).error?.issues[0]?.message).toBe("Unknown step");
  });
});

describe("labels", () => {
  it("label every enum value", () => {
    for (const [values, labels] of [
      [PLATFORMS, PLATFORM_LABELS],
      [NETWORKS, NETWORK_LABELS],
      [STATUS_MESSAGES, STATUS_MESSAGE_LABELS],
      [SYMPTOMS, SYMPTOM_LABELS],
      [STEP_OUTCOMES, STEP_OUTCOME_LABELS],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
    }
    expect(Object.values(PLATFORM_LABELS)).toEqual(["iPhone", "iPad", "Mac", "Windows PC"]);
  });
});

describe("rule settings", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_RULE_SETTINGS).toEqual({
      disabledRules: [],
      thresholds: {
        lowDeviceStorageGb: 5,
        lowIcloudFreeGb: 1,
        largeLibraryItems: 20_000,
        largeLibrarySizeGb: 100,
        escalationHours: 24,
        repeatedFailures: 3,
        customerLinkDays: 30,
        minOsVersion: { ios: "17.0", ipados: "17.0", macos: "14.0", icloudForWindows: "15.0" },
      },
    });
  });

  it("merges a partial tenant override over the defaults", () => {
    const settings = resolveSettings({ disabledRules: ["sign-out-icloud", "sign-out-icloud"], thresholds: { repeatedFailures: 5 } });
    expect(settings.disabledRules).toEqual(["sign-out-icloud"]);
    expect(settings.thresholds).toMatchObject({ repeatedFailures: 5, escalationHours: 24, lowDeviceStorageGb: 5 });
    expect(resolveSettings(null)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it("takes the customer link's lifetime in whole days from 1 to 365, naming the field otherwise", () => {
    expect(resolveSettings({ thresholds: { customerLinkDays: 7 } }).thresholds.customerLinkDays).toBe(7);
    for (const [days, message] of [[0, "at least 1 day"], [366, "365 days at most"], [2.5, "whole number of days"], ["30", "number of days"]] as const) {
      const result = ruleSettingsSchema.safeParse({ thresholds: { customerLinkDays: days } });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({ path: ["thresholds", "customerLinkDays"], message: expect.stringContaining(message) });
    }
  });

  it("rejects unknown rules and bad thresholds", () => {
    const result = ruleSettingsSchema.safeParse({ disabledRules: ["nope"], thresholds: { escalationHours: 0, minOsVersion: { ios: "x" } } });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Unknown rule id",
      "Escalation hours must be above zero",
      "Minimum iOS version must look like 17.0 (numbers separated by dots)",
    ]);
  });
});
