"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { STEP_OUTCOMES, type StepOutcome } from "@/lib/facts/schema";
import { STEP_OUTCOME_LABELS } from "@/lib/facts/labels";
import { TextAreaField, TextField } from "@/components/ui/fields";
import { fromLocalInput } from "@/components/facts-form/draft";
import { useNotice } from "@/app/(staff)/cases/[id]/_components/notice";
import { recordStepAction } from "@/app/(staff)/cases/[id]/actions";

const OUTCOME_HINTS: Partial<Record<StepOutcome, string>> = { not_applicable: "say why in the note" };

/** "Record a result" for one suggestion: outcome, note (a reason when not applicable), when. */
export function RecordStep({ caseId, ruleId, title, again = false }: { caseId: string; ruleId: string; title: string; again?: boolean }) {
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<StepOutcome | "">("");
  const [note, setNote] = useState("");
  const [noteVisibleToCustomer, setNoteVisibleToCustomer] = useState(false);
  const [triedAt, setTriedAt] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const announce = useNotice();
  const formId = `${uid}-form`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setErrors({ outcome: ["Choose what happened"] });
    setPending(true);
    const result = await recordStepAction(caseId, { ruleId, outcome, note: note.trim() || null, noteVisibleToCustomer, triedAt: fromLocalInput(triedAt) }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setOpen(false);
      setOutcome("");
      setNote("");
      setNoteVisibleToCustomer(false);
      setTriedAt("");
      setErrors({});
      announce(`Recorded: ${title} — ${STEP_OUTCOME_LABELS[outcome]}.`);
      router.refresh();
      return;
    }
    const next: Record<string, string[]> = {};
    for (const issue of result?.ok === false ? (result.error.fields ?? [{ path: "(body)", message: result.error.message }]) : [{ path: "(body)", message: "Not saved: check the connection and try again." }]) {
      const key = ["outcome", "note", "triedAt"].includes(issue.path) ? issue.path : "(body)";
      next[key] = [...(next[key] ?? []), issue.message];
    }
    setErrors(next);
  }

  return (
    <div className="mt-3">
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((v) => !v)}
        className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50">
        {open ? "Cancel" : again ? "Record another result" : "Record a result"}
        <span className="sr-only"> for {title}</span>
      </button>
      {open ? (
        <form id={formId} onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-md border border-slate-300 bg-slate-50 p-4"
          aria-label={`Record a result for ${title}`}>
          {errors["(body)"] ? <p role="alert" className="text-sm font-medium text-red-800">{errors["(body)"].join(" ")}</p> : null}
          <fieldset aria-describedby={errors.outcome ? `${uid}-outcome-error` : undefined}>
            <legend className="text-sm font-medium">What happened?</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {STEP_OUTCOMES.map((value) => (
                <label key={value} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" name={`${uid}-outcome`} value={value} checked={outcome === value}
                    onChange={() => setOutcome(value)} aria-invalid={errors.outcome ? true : undefined} />
                  {STEP_OUTCOME_LABELS[value]}{OUTCOME_HINTS[value] ? <span className="text-slate-600">({OUTCOME_HINTS[value]})</span> : null}
                </label>
              ))}
            </div>
            {errors.outcome ? <p id={`${uid}-outcome-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">{errors.outcome.join(" ")}</p> : null}
          </fieldset>
          <TextAreaField id={`${uid}-note`} label={outcome === "not_applicable" ? "Reason it does not apply (required)" : "Note (optional)"}
            value={note} onValue={setNote} errors={errors.note} maxLength={2000} required={outcome === "not_applicable"} rows={2} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={noteVisibleToCustomer} onChange={(e) => setNoteVisibleToCustomer(e.target.checked)} />
            Show this note to the customer on their page <span className="text-slate-600">(notes are internal otherwise)</span>
          </label>
          <TextField id={`${uid}-triedAt`} label="When (blank = now)" type="datetime-local" className="max-w-xs"
            value={triedAt} onValue={setTriedAt} errors={errors.triedAt} />
          <button type="submit" disabled={pending}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {pending ? "Saving…" : "Record step"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
