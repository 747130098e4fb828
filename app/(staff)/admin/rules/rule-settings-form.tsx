"use client";

import { useActionState, useId } from "react";
import type { Category, Risk } from "@/lib/rules/categories";
import type { ThresholdField, ThresholdGroup } from "@/lib/rules/threshold-fields";
import type { RuleSettingsView } from "@/lib/rule-settings/rule-settings-view";
import { RiskBadge } from "@/components/case/badges";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NamedInput, SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, fieldErrors, summaryIssues, type FormState } from "@/components/ui/form-state";
import { thresholdValue } from "@/lib/rules/threshold-fields";
import { ruleSettingsAction } from "@/app/(staff)/admin/rules/actions";

export interface RuleGroup {
  category: Category;
  label: string;
  rules: Array<{ id: string; title: string; risk: Risk; when: string }>;
}

const inputId = (key: string) => `threshold-${key.replace(/\./g, "-")}`;

/** Every rule with its switch and every threshold from the schema, saved together with the version read. */
export function RuleSettingsForm({ settings, ruleGroups, thresholdGroups }: { settings: RuleSettingsView; ruleGroups: RuleGroup[]; thresholdGroups: ThresholdGroup[] }) {
  const uid = useId();
  // One action for both forms (the reset form sends intent=reset), so one outcome is shown.
  const [state, action, pending] = useActionState(ruleSettingsAction, INITIAL_FORM_STATE);
  const fields = thresholdGroups.flatMap((group) => group.fields);
  const issues = summaryIssues(state, (path) => {
    const field = fields.find((f) => `thresholds.${f.key}` === path);
    if (field) return { id: inputId(field.key), label: field.label };
    return path.startsWith("disabledRules") ? { id: `${uid}-rules`, label: "Rules" } : undefined;
  });
  // A refused save shows what was sent; otherwise the stored settings.
  const refused = state.ok === false && state.values.intent?.[0] !== "reset";
  const enabledSent = new Set(state.values.enabled ?? []);
  const isEnabled = (id: string) => (refused ? enabledSent.has(id) : !(settings.disabledRules as readonly string[]).includes(id));
  const shown = (field: ThresholdField) => (refused ? state.values[`thresholds.${field.key}`]?.[0] ?? "" : String(thresholdValue(settings.thresholds, field.key) ?? ""));
  const conflict = state.error?.code === "conflict";

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        <Outcome state={state} />
        {conflict ? (
          <p className="mt-2 text-sm">
            <a href="/admin/rules" className="font-medium text-blue-800 underline">Reload to see the latest settings</a> (what you typed here is lost on reload).
          </p>
        ) : null}
      </div>

      <form action={action} noValidate className="space-y-8" key={`${settings.version}-${state.submission}`}>
        <input type="hidden" name="version" value={settings.version} />
        <ErrorSummary title="The settings were not saved" issues={state.error?.code === "conflict" ? [] : issues} version={state.submission} />

        <section aria-labelledby={`${uid}-thresholds`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id={`${uid}-thresholds`} className="text-lg font-semibold">Thresholds</h2>
          {thresholdGroups.map((group) => (
            <fieldset key={group.key ?? "top"} className="space-y-3">
              {group.label ? <legend className="font-medium">{group.label}</legend> : <legend className="sr-only">General thresholds</legend>}
              {group.description ? <p className="text-sm text-slate-600">{group.description}</p> : null}
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {group.fields.map((field) => (
                  <NamedInput
                    key={field.key}
                    id={inputId(field.key)}
                    name={`thresholds.${field.key}`}
                    label={field.unit ? `${field.label} (${field.unit})` : field.label}
                    hint={`${field.description ? `${field.description} ` : ""}Default: ${field.defaultValue}${field.unit ? ` ${field.unit}` : ""}.`}
                    defaultValue={shown(field)}
                    errors={fieldErrors(state, `thresholds.${field.key}`)}
                    inputMode={field.kind === "integer" ? "numeric" : "decimal"}
                    autoComplete="off"
                    data-testid={`threshold-${field.key}`}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </section>

        <section aria-labelledby={`${uid}-rules`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id={`${uid}-rules`} tabIndex={-1} className="text-lg font-semibold">Rules</h2>
          <p className="text-sm text-slate-600">A rule that is off is never suggested and is not required before escalating.</p>
          {ruleGroups.map((group) => (
            <fieldset key={group.category} className="space-y-2">
              <legend className="font-medium">{group.label}</legend>
              <ul className="divide-y divide-slate-100">
                {group.rules.map((rule) => (
                  <li key={rule.id} className="flex items-start gap-3 py-2" data-rule-id={rule.id}>
                    <input id={`rule-${rule.id}`} type="checkbox" name="enabled" value={rule.id} defaultChecked={isEnabled(rule.id)}
                      aria-describedby={`rule-${rule.id}-when`} className="mt-1 h-4 w-4" />
                    <div className="text-sm">
                      <label htmlFor={`rule-${rule.id}`} className="font-medium">{rule.title}</label>{" "}
                      <RiskBadge risk={rule.risk} /> <code className="text-xs text-slate-600">{rule.id}</code>
                      <p id={`rule-${rule.id}-when`} className="text-slate-600">{rule.when}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </section>

        <SubmitButton pending={pending} pendingLabel="Saving and re-evaluating open cases…">Save settings</SubmitButton>
      </form>

      <form action={action} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <input type="hidden" name="version" value={settings.version} />
        <input type="hidden" name="intent" value="reset" />
        <h2 className="text-lg font-semibold">Reset to defaults</h2>
        <p className="mt-1 text-sm text-slate-600">Every rule on and every threshold back to its default.</p>
        <div className="mt-3">
          <SubmitButton pending={pending} variant="secondary" pendingLabel="Working…">Reset to defaults</SubmitButton>
        </div>
      </form>
      <p className="text-xs text-slate-600">Version {settings.version}{settings.updatedAt ? ` · last saved ${new Date(settings.updatedAt).toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}</p>
    </div>
  );
}

function Outcome({ state }: { state: FormState<{ cases: number; changed: number; reset: boolean }> }) {
  if (state.ok && state.data) {
    return (
      <p role="status" className="rounded-md border border-emerald-600 bg-emerald-50 p-3 text-sm">
        {state.data.reset ? "Settings reset to defaults." : "Settings saved."} {state.data.cases.toLocaleString("en")} open case
        {state.data.cases === 1 ? "" : "s"} re-evaluated; {state.data.changed.toLocaleString("en")} changed readiness.
      </p>
    );
  }
  if (state.ok === false && (state.error?.code === "conflict" || !state.error?.fields?.length)) {
    return <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-900">{state.error?.message}</p>;
  }
  return null;
}
