"use client";

import { useActionState } from "react";
import { ActionField } from "@/components/ui/action-field";
import { submitEscalationAction } from "@/app/(staff)/escalations/actions";
import { EMPTY_FORM_STATE, fieldErrors } from "@/app/(staff)/escalations/form-state";

/**
 * Submit for review. A ready case: an optional note and the button. A case that is not ready: only
 * a supervisor may submit it, with an override reason (shown on the packet). Posts form data, so it
 * works before JavaScript loads; the server checks readiness again and answers what is missing.
 */
export function SubmitEscalation({ caseId, version, ready, canOverride }: { caseId: string; version: number; ready: boolean; canOverride: boolean }) {
  const [state, submit, pending] = useActionState(submitEscalationAction, EMPTY_FORM_STATE);
  const missing = Array.isArray(state.error?.missing) ? (state.error.missing as string[]) : [];
  const shownAtField = fieldErrors(state, "note").length + fieldErrors(state, "override").length > 0;

  if (!ready && !canOverride) {
    return <p className="text-sm text-slate-700">The case can be submitted for review once every readiness criterion below is met.</p>;
  }
  return (
    <form action={submit} className="space-y-3" aria-labelledby="submit-title">
      <h3 id="submit-title" className="font-semibold">{ready ? "Submit for supervisor review" : "Submit without readiness (supervisor)"}</h3>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      {state.error && !shownAtField ? (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{missing.length ? "Not submitted: the case is not ready." : state.error.message}</p>
          {missing.length ? <ul className="mt-1 list-disc pl-5">{missing.map((item, i) => <li key={i}>{item}</li>)}</ul> : null}
        </div>
      ) : null}
      {!ready ? (
        <ActionField name="override" id="escalation-override" label="Override reason" multiline required
          hint="Why this case should go to Apple before it is ready. It is printed on the packet."
          defaultValue={state.values.override ?? ""} errors={fieldErrors(state, "override")} />
      ) : null}
      <ActionField name="note" id="escalation-note" label="Note for the reviewer (optional)" multiline
        defaultValue={state.values.note ?? ""} errors={fieldErrors(state, "note")} />
      <button type="submit" disabled={pending}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-500">
        {pending ? "Submitting…" : ready ? "Submit for review" : "Submit with override"}
      </button>
    </form>
  );
}
