import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { auditChanges } from "@/lib/audit/audit-changes";
import { newPasswordPairSchema } from "@/lib/auth/password-rules";
import { parseRuleSettingsUpdate } from "@/lib/rule-settings/rule-settings-input";
import { thresholdOverrides } from "@/lib/rule-settings/rule-settings-view";
import { DEFAULT_RULE_SETTINGS, resolveSettings, ruleThresholdsSchema } from "@/lib/rules/settings";
import { thresholdFields, thresholdGroups, thresholdsFromForm, unknownThresholdPaths } from "@/lib/rules/threshold-fields";

describe("thresholds described from the schema", () => {
  it("lists every threshold of the schema, nested ones by dotted key, with label, unit, default and bounds", () => {
    const keys = thresholdFields().map((field) => field.key);
    const schemaKeys = Object.entries(ruleThresholdsSchema.shape).flatMap(([key, value]) => {
      const inner = (value as z.ZodType).def.type === "prefault" ? (value as unknown as { def: { innerType: z.ZodObject } }).def.innerType : null;
      return inner ? Object.keys(inner.shape).map((child) => `${key}.${child}`) : [key];
    });
    expect(keys.sort()).toEqual(schemaKeys.sort());
    expect(thresholdFields().find((f) => f.key === "escalationHours")).toEqual({
      key: "escalationHours", label: "Escalation hours", unit: "hours", description: expect.stringContaining("persist"),
      kind: "number", defaultValue: 24, min: 0, minExclusive: true, max: 720,
    });
    expect(thresholdFields().find((f) => f.key === "repeatedFailures")).toMatchObject({ kind: "integer", min: 1, minExclusive: false, max: 100 });
    expect(thresholdGroups().find((g) => g.key === "minOsVersion")).toMatchObject({ label: "Minimum OS versions" });
    for (const field of thresholdFields()) {
      expect(field.defaultValue, field.key).toEqual(field.key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], DEFAULT_RULE_SETTINGS.thresholds));
    }
  });

  it("names unknown thresholds, top level and nested", () => {
    expect(unknownThresholdPaths({ escalationHours: 1, escalationDays: 2, minOsVersion: { ios: "1", android: "2" } })).toEqual(["escalationDays", "minOsVersion.android"]);
    expect(unknownThresholdPaths({})).toEqual([]);
    expect(unknownThresholdPaths("nonsense")).toEqual([]);
  });

  it("reads form fields: numbers where numeric, text kept for validation to name, blank = default", () => {
    const sent: Record<string, string> = { "thresholds.escalationHours": "12", "thresholds.lowDeviceStorageGb": "5 GB", "thresholds.repeatedFailures": "", "thresholds.minOsVersion.ios": " 18.1 " };
    expect(thresholdsFromForm((name) => sent[name] ?? null)).toEqual({ escalationHours: 12, lowDeviceStorageGb: "5 GB", minOsVersion: { ios: "18.1" } });
  });
});

describe("rule settings updates", () => {
  it("stores only what differs from the defaults", () => {
    expect(thresholdOverrides(DEFAULT_RULE_SETTINGS.thresholds)).toEqual({});
    expect(thresholdOverrides(resolveSettings({ thresholds: { escalationHours: 8, minOsVersion: { macos: "15.0" } } }).thresholds))
      .toEqual({ escalationHours: 8, minOsVersion: { macos: "15.0" } });
  });

  it("names every bad field at once, unknown rule ids by position", () => {
    const error = (() => {
      try {
        parseRuleSettingsUpdate({ version: 0, disabledRules: ["restart-device", "nope"], thresholds: { escalationHours: -1, bogus: 1 } });
      } catch (e) {
        return e as { details: { fields: { path: string }[] } };
      }
    })();
    expect(error?.details.fields.map((f) => f.path).sort()).toEqual(["disabledRules.1", "thresholds.bogus", "thresholds.escalationHours", "version"]);
  });

  it("sorts and de-duplicates disabled rules", () => {
    expect(parseRuleSettingsUpdate({ version: 3, disabledRules: ["update-os", "restart-device", "update-os"], thresholds: {} }).settings.disabledRules)
      .toEqual(["restart-device", "update-os"]);
  });
});

describe("audit changes", () => {
  it("lists changed leaves by path and list changes as added/removed", () => {
    expect(auditChanges({ role: "agent" }, { role: "supervisor" })).toEqual([{ path: "role", before: "agent", after: "supervisor" }]);
    expect(
      auditChanges(
        { disabledRules: ["a"], thresholds: { escalationHours: 24, minOsVersion: { ios: "17.0" } } },
        { disabledRules: ["b"], thresholds: { escalationHours: 8, minOsVersion: { ios: "17.0" } } },
      ),
    ).toEqual([
      { path: "disabledRules", before: "a", after: "b" },
      { path: "thresholds.escalationHours", before: "24", after: "8" },
    ]);
    expect(auditChanges(null, { name: "Token", role: "agent" })).toEqual([
      { path: "name", before: null, after: "Token" },
      { path: "role", before: null, after: "agent" },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe("new passwords", () => {
  it("need 12 characters, the same twice, and not the email", () => {
    const schema = newPasswordPairSchema("ada@example.com");
    const paths = (input: unknown) => (schema.safeParse(input).error?.issues ?? []).map((issue) => issue.path.join("."));
    expect(paths({ password: "short", confirmPassword: "short" })).toEqual(["password"]);
    expect(paths({ password: "long enough words", confirmPassword: "long enough wordz" })).toEqual(["confirmPassword"]);
    expect(paths({ password: "ADA@example.com", confirmPassword: "ADA@example.com" })).toEqual(["password"]);
    expect(paths({ password: "long enough words", confirmPassword: "long enough words" })).toEqual([]);
  });
});
