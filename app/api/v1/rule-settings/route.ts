import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { getRuleSettings } from "@/lib/rule-settings/rule-settings-view";
import { saveRuleSettings } from "@/lib/rule-settings/save-rule-settings";
import { RULE_SETTINGS_OPERATIONS } from "@/lib/api/rule-settings-operations";

// GET /api/v1/rule-settings — the tenant's rulebook settings: { version, disabledRules, thresholds, defaults }.
export const GET = apiRoute(RULE_SETTINGS_OPERATIONS.getRuleSettings, async ({ ctx }) => getRuleSettings(ctx));

// PUT /api/v1/rule-settings — replace them ({ version, disabledRules, thresholds }); a stale version is a 409.
// Re-evaluates escalation readiness of every open case before answering.
export const PUT = apiRoute(RULE_SETTINGS_OPERATIONS.saveRuleSettings, async ({ ctx, request }) => saveRuleSettings(ctx, await readJson(request)));
