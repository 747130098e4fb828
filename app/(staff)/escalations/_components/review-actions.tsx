"use client";

import { useActionState } from "react";
import { ActionField } from "@/components/ui/action-field";
import { reviewEscalationAction } from "@/app/(staff)/escalations/actions";
import { EMPTY_FORM_STATE, fieldErrors } from "@/app/(staff)/escalations/form-state";

/**
 * Approve (with Apple's case number) or return (with a reason): two small forms that post plain
 * form data, so they work before the page's JavaScript loads. Shown only to supervisors and up.
 */
export function ReviewActions({ caseId, version }: { caseId: string; version: number }) {
  const [approveState, approve, approving] = useActionState(reviewEscalationAction, EMPTY_FORM_STATE);
  const [returnState, giveBack, returning] = useActionState(reviewEscalationAction, EMPTY_FORM_STATE);
  // Field problems show at their field; anything else (someone decided first, a lost session) up here.
  const conflict = [
    { state: approveState, field: "appleCaseNumber" },
    { state: returnState, field: "reason" },
  ].find(({ state, field }) => state.error && fieldErrors(state, field).length === 0)?.state.error;

  return (
    <section aria-labelledby="decision-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:hidden">
      <h2 id="decision-title" className="text-xl font-semibold">Your decision</h2>
      {conflict ? (
        <p role="alert" className="mt-3 rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm font-medium text-red-900">
          {conflict.message}
        </p>
      ) : null}
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <form action={approve} className="space-y-3" aria-labelledby="approve-title">
          <h3 id="approve-title" className="font-semibold">Approve: escalate to Apple</h3>
          <Hidden caseId={caseId} version={version} action="approve" />
          <ActionField name="appleCaseNumber" id="apple-case-number" label="Apple case number" required
            hint="As Apple Support gave it: 6 to 20 letters, digits or dashes."
            defaultValue={approveState.values.appleCaseNumber ?? ""} errors={fieldErrors(approveState, "appleCaseNumber")} />
          <button type="submit" disabled={approving}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-500">
            {approving ? "Approving…" : "Approve"}
          </button>
        </form>
        <form action={giveBack} className="space-y-3" aria-labelledby="return-title">
          <h3 id="return-title" className="font-semibold">Return to the agent</h3>
          <Hidden caseId={caseId} version={version} action="return" />
          <ActionField name="reason" id="return-reason" label="Reason" multiline required
            hint="What the agent should do before submitting again. They see it on the case."
            defaultValue={returnState.values.reason ?? ""} errors={fieldErrors(returnState, "reason")} />
          <button type="submit" disabled={returning}
            className="rounded-md border border-slate-500 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-500">
            {returning ? "Returning…" : "Return"}
          </button>
        </form>
      </div>
    </section>
  );
}

function Hidden({ caseId, version, action }: { caseId: string; version: number; action: string }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}
