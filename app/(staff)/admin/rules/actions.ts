"use server";

import { revalidatePath } from "next/cache";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { thresholdsFromForm } from "@/lib/rules/threshold-fields";
import { saveRuleSettings } from "@/lib/rule-settings/save-rule-settings";
import { handleForm } from "@/app/_server/handle-form";
import type { FormState } from "@/components/ui/form-state";
import { requireStaffAction } from "@/app/_server/staff";

// /admin/rules forms (useActionState): the same service and payload as PUT /api/v1/rule-settings.

type Saved = { cases: number; changed: number; reset: boolean };

/** Saves the form's settings, or (intent=reset, the "Reset to defaults" form) every default. */
export async function ruleSettingsAction(previous: FormState<Saved>, form: FormData) {
  return handleForm("ruleSettings", previous, form, async () => {
    const staff = await requireStaffAction("rules:configure");
    const reset = form.get("intent") === "reset";
    // Switches that are on are sent; every rule not sent is switched off.
    const enabled = new Set(form.getAll("enabled").map(String));
    const result = await saveRuleSettings(staff, {
      version: versionOf(form),
      disabledRules: reset ? [] : RULE_IDS.filter((id) => !enabled.has(id)),
      thresholds: reset ? {} : thresholdsFromForm((name) => (typeof form.get(name) === "string" ? String(form.get(name)) : null)),
    });
    revalidatePath("/admin/rules");
    return { cases: result.reevaluated.cases, changed: result.reevaluated.changed, reset };
  });
}

function versionOf(form: FormData): unknown {
  const raw = String(form.get("version") ?? "");
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}
