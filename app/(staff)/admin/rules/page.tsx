import { RULES } from "@/lib/rules/catalog";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/rules/categories";
import { thresholdGroups } from "@/lib/rules/threshold-fields";
import { getRuleSettings } from "@/lib/rule-settings/rule-settings-view";
import { requireStaffPage } from "@/app/_server/staff";
import { AdminNav } from "@/app/(staff)/admin/_components/admin-nav";
import { RuleSettingsForm, type RuleGroup } from "@/app/(staff)/admin/rules/rule-settings-form";

export const metadata = { title: "Rulebook settings" };

// GET /admin/rules — switch rules off and tune thresholds for this tenant. Saving re-evaluates
// escalation readiness of every open case before it answers.
export default async function RuleSettingsPage() {
  const staff = await requireStaffPage("rules:configure");
  const settings = await getRuleSettings(staff);
  const groups: RuleGroup[] = CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    rules: RULES.filter((rule) => rule.category === category).map((rule) => ({ id: rule.id, title: rule.title, risk: rule.risk, when: rule.when })),
  })).filter((group) => group.rules.length > 0);
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/rules" />
      <h1 className="text-2xl font-semibold">Rulebook settings</h1>
      <RuleSettingsForm settings={settings} ruleGroups={groups} thresholdGroups={thresholdGroups()} />
    </div>
  );
}
