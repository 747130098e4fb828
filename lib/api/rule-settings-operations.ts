import { defineOperations } from "@/lib/api/api-operation";
import { DEMO_RULE_SETTINGS, DEMO_RULE_SETTINGS_VERSION } from "@/lib/api/examples/admin-examples";
import { ruleSettingsUpdateSchema } from "@/lib/rule-settings/rule-settings-input";
import { ruleSettingsViewSchema } from "@/lib/rule-settings/rule-settings-view";
import { savedRuleSettingsSchema } from "@/lib/rule-settings/save-rule-settings";

// The contracts of app/api/v1/rule-settings (the tenant's rulebook settings).

export const RULE_SETTINGS_OPERATIONS = defineOperations({
  getRuleSettings: {
    method: "get",
    path: "/api/v1/rule-settings",
    summary: "Read the rulebook settings",
    description: "Rules switched off and every threshold's value (defaults filled in), the defaults, and the `version` to send back.",
    tag: "Administration",
    access: { kind: "staff", permission: "rules:configure" },
    response: { status: 200, description: "The tenant's rulebook settings", body: ruleSettingsViewSchema },
    errors: [],
  },
  saveRuleSettings: {
    method: "put",
    path: "/api/v1/rule-settings",
    summary: "Replace the rulebook settings",
    description:
      "The whole settings: a threshold left out goes back to its default; `{ disabledRules: [], thresholds: {} }` resets everything. Send the `version` you read (a stale one is a `409`). Every open case's escalation readiness is re-evaluated before the answer.",
    tag: "Administration",
    access: { kind: "staff", permission: "rules:configure" },
    request: { body: ruleSettingsUpdateSchema, example: { version: DEMO_RULE_SETTINGS_VERSION, ...DEMO_RULE_SETTINGS } },
    response: { status: 200, description: "The settings saved, and what the re-evaluation did", body: savedRuleSettingsSchema },
    errors: [400, 409],
  },
});
