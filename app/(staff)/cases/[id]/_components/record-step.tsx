"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { STEP_OUTCOMES, type StepOutcome } from "@/lib/facts/schema";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import { inputClass } from "@/components/ui/fields";
import { fromLocalInput } from "@/components/facts-form/draft";
import { useStepsFocus } from "@/app/(staff)/cases/[id]/_components/steps-focus";
import { recordStepAction } from "@/app/(staff)/cases/[id]/actions";

const OUTCOME_HINTS: Partial<Record<StepOutcome, string>> = { not_applicable: "say why in the note" };
const FIELDS = ["outcome", "note", "triedAt"] as const;

type FieldErrors = Partial<Record<(typeof FIELDS)[number] | "(body)", string[]>>;

/**
 * "Record a result" for one step: outcome, note (a reason when not applicable), when. The button
 * carries data-record-toggle so the `r` shortcut can open the form of the focused step; opening it
 * puts focus on the first outcome. On success focus moves to the new next step (NoticeProvider).
 */
export function RecordStep({ caseId, ruleId, title, again = false, compact = false }: {
  caseId: string;
  ruleId: string;
  title: string;
  again?: boolean;
  compact?: boolean;
}) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome | "">("");
  const [note, setNote] = useState("");
  const [triedAt, setTriedAt] = useState("");
  const firstOutcome = useRef<HTMLInputElement>(null);
  const { announce, focusNextAfter } = useStepsFocus();
  const formId = `${uid}-form`;

  const [errors, submit, pending] = useActionState(async (_previous: FieldErrors, form: FormData): Promise<FieldErrors> => {
    const chosen = form.get("outcome");
    if (typeof chosen !== "string" || chosen === "") return { outcome: ["Choose what happened"] };
    const result = await recordStepAction(caseId, {
      ruleId,
      outcome: chosen,
      note: String(form.get("note") ?? "").trim() || null,
      noteVisibleToCustomer: form.get("noteVisibleToCustomer") === "on",
      triedAt: fromLocalInput(String(form.get("triedAt") ?? "")),
    }).catch(() => null);
    if (result?.ok) {
      setOpen(false);
      setOutcome("");
      setNote("");
      setTriedAt("");
      announce(`Recorded: ${title} — ${STEP_OUTCOME_LABELS[chosen as StepOutcome] ?? chosen}.`);
      focusNextAfter(ruleId);
      return {};
    }
    const issues = result?.ok === false ? (result.error.fields ?? [{ path: "(body)", message: result.error.message }]) : [{ path: "(body)", message: "Not saved: check the connection and try again." }];
    const next: FieldErrors = {};
    for (const issue of issues) {
      const key = (FIELDS as readonly string[]).includes(issue.path) ? (issue.path as (typeof FIELDS)[number]) : "(body)";
      next[key] = [...(next[key] ?? []), issue.message];
    }
    return next;
  }, {});

  useEffect(() => {
    if (open) firstOutcome.current?.focus();
  }, [open]);

  const fieldId = (name: string) => `${uid}-${name}`;
  const describedBy = (name: (typeof FIELDS)[number]) => (errors[name] ? `${fieldId(name)}-error` : undefined);

  return (
    // Compact (a later step's row): the button sits in the row's grid and the form spans it below.
    <div className={compact ? "contents" : "mt-3"}>
      <button type="button" data-record-toggle aria-expanded={open} aria-controls={formId} onClick={() => setOpen((value) => !value)}
        className={`whitespace-nowrap rounded-md border border-blue-700 font-medium text-blue-800 hover:bg-blue-50 ${compact ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm"}`}>
        {open ? "Cancel" : again ? "Record another result" : "Record a result"}
        <span className="sr-only"> for {title}</span>
      </button>
      {open ? (
        <form id={formId} action={submit} noValidate className={`${compact ? "col-span-full mt-1" : "mt-3"} space-y-3 rounded-md border border-slate-300 bg-slate-50 p-4`}
          aria-label={`Record a result for ${title}`}>
          {errors["(body)"] ? <p role="alert" className="text-sm font-medium text-red-800">{errors["(body)"].join(" ")}</p> : null}
          <fieldset aria-describedby={describedBy("outcome")}>
            <legend className="text-sm font-medium">What happened?</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {STEP_OUTCOMES.map((value, index) => (
                <label key={value} className="flex items-center gap-1.5 text-sm">
                  <input ref={index === 0 ? firstOutcome : undefined} type="radio" name="outcome" value={value} checked={outcome === value}
                    onChange={() => setOutcome(value)} aria-invalid={errors.outcome ? true : undefined} />
                  {STEP_OUTCOME_LABELS[value]}{OUTCOME_HINTS[value] ? <span className="text-slate-600">({OUTCOME_HINTS[value]})</span> : null}
                </label>
              ))}
            </div>
            {errors.outcome ? <p id={`${fieldId("outcome")}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">{errors.outcome.join(" ")}</p> : null}
          </fieldset>
          <div>
            <label htmlFor={fieldId("note")} className="block text-sm font-medium text-slate-800">
              {outcome === "not_applicable" ? "Reason it does not apply (required)" : "Note (optional)"}
            </label>
            <textarea id={fieldId("note")} name="note" rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)}
              required={outcome === "not_applicable"} aria-invalid={errors.note ? true : undefined} aria-describedby={describedBy("note")} className={inputClass} />
            {errors.note ? <p id={`${fieldId("note")}-error`} className="mt-1 text-sm font-medium text-red-800">{errors.note.join(" ")}</p> : null}
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="noteVisibleToCustomer" />
              Show this note to the customer on their page <span className="text-slate-600">(notes are internal otherwise)</span>
            </label>
          </div>
          <div className="max-w-xs">
            <label htmlFor={fieldId("triedAt")} className="block text-sm font-medium text-slate-800">When (blank = now)</label>
            <input id={fieldId("triedAt")} name="triedAt" type="datetime-local" value={triedAt} onChange={(event) => setTriedAt(event.target.value)}
              aria-invalid={errors.triedAt ? true : undefined} aria-describedby={describedBy("triedAt")} className={inputClass} />
            {errors.triedAt ? <p id={`${fieldId("triedAt")}-error`} className="mt-1 text-sm font-medium text-red-800">{errors.triedAt.join(" ")}</p> : null}
          </div>
          <button type="submit" disabled={pending}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {pending ? "Saving…" : "Record step"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
