"use client";

import { useActionState, useId } from "react";
import { ROLES, ROLE_LABELS } from "@/lib/tenancy/roles";
import { CopyOnceField } from "@/components/ui/copy-once-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NamedInput, NamedSelect, SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, fieldErrors, sentValue, summaryIssues } from "@/components/ui/form-state";
import { inviteMemberAction } from "@/app/(staff)/admin/members/actions";

const FIELDS = [
  { name: "name", label: "Name" },
  { name: "email", label: "Email" },
  { name: "role", label: "Role" },
] as const;

/** Add a member: the answer is a one-time invitation link to hand over (shown once, valid 7 days). */
export function InviteForm() {
  const uid = useId();
  const [state, action, pending] = useActionState(inviteMemberAction, INITIAL_FORM_STATE);
  const id = (name: string) => `${uid}-${name}`;
  const issues = summaryIssues(state, (path) => {
    const field = FIELDS.find((f) => f.name === path);
    return field ? { id: id(field.name), label: field.label } : undefined;
  });

  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">Add a member</h2>
      <p className="mt-1 text-sm text-slate-600">They get a one-time link to set their password. It is shown once and works for 7 days.</p>
      <form action={action} noValidate className="mt-4 space-y-4" key={state.submission}>
        <ErrorSummary title="The invitation was not created" issues={issues} version={state.submission} />
        <div className="grid gap-4 sm:grid-cols-3">
          <NamedInput id={id("name")} name="name" label="Name" autoComplete="off" defaultValue={sentValue(state, "name") ?? ""} errors={fieldErrors(state, "name")} required maxLength={120} />
          <NamedInput id={id("email")} name="email" type="email" label="Email" autoComplete="off" defaultValue={sentValue(state, "email") ?? ""} errors={fieldErrors(state, "email")} required />
          <NamedSelect id={id("role")} name="role" label="Role" defaultValue={sentValue(state, "role") ?? "agent"} errors={fieldErrors(state, "role")}
            options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Creating…">Create invitation link</SubmitButton>
      </form>
      <div aria-live="polite">
        {state.ok && state.data ? (
          <CopyOnceField key={state.data.url} id={id("link")} value={state.data.url}
            label={`Invitation link for ${state.data.email} (copy it now, it is shown once)`} />
        ) : null}
      </div>
    </section>
  );
}
