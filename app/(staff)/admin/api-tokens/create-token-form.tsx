"use client";

import { useActionState, useId } from "react";
import { ROLES, ROLE_LABELS, roleRank, type Role } from "@/lib/tenancy/roles";
import { CopyOnceField } from "@/components/ui/copy-once-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NamedInput, NamedSelect, SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, fieldErrors, sentValue, summaryIssues } from "@/components/ui/form-state";
import { createApiTokenAction } from "@/app/(staff)/admin/api-tokens/actions";

const FIELDS: Record<string, { input: string; label: string }> = {
  name: { input: "name", label: "Name" },
  role: { input: "role", label: "Role" },
  expiresAt: { input: "expiresOn", label: "Expires on" },
};

/** Create a token: name, role (never above yours), optional expiry. The secret is shown once. */
export function CreateTokenForm({ maxRole }: { maxRole: Role }) {
  const uid = useId();
  const [state, action, pending] = useActionState(createApiTokenAction, INITIAL_FORM_STATE);
  const id = (name: string) => `${uid}-${name}`;
  const issues = summaryIssues(state, (path) => (FIELDS[path] ? { id: id(FIELDS[path].input), label: FIELDS[path].label } : undefined));

  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">Create an API token</h2>
      <p className="mt-1 text-sm text-slate-600">An integration acts with the token’s role. The secret is shown once; only its hash is kept.</p>
      <form action={action} noValidate className="mt-4 space-y-4" key={state.submission}>
        <ErrorSummary title="The token was not created" issues={issues} version={state.submission} />
        <div className="grid gap-4 sm:grid-cols-3">
          <NamedInput id={id("name")} name="name" label="Name" hint="What uses it, e.g. “Helpdesk sync”" defaultValue={sentValue(state, "name") ?? ""}
            errors={fieldErrors(state, "name")} required maxLength={80} />
          <NamedSelect id={id("role")} name="role" label="Role" defaultValue={sentValue(state, "role") ?? "agent"} errors={fieldErrors(state, "role")}
            options={ROLES.filter((role) => roleRank(role) <= roleRank(maxRole)).map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
          <NamedInput id={id("expiresOn")} name="expiresOn" type="date" label="Expires on (optional)" hint="Blank: until revoked"
            defaultValue={sentValue(state, "expiresOn") ?? ""} errors={fieldErrors(state, "expiresAt")} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      <div aria-live="polite">
        {state.ok && state.data ? (
          <CopyOnceField key={state.data.secret} id={id("secret")} value={state.data.secret}
            label={`Secret of “${state.data.name}” (copy it now: it is shown only once)`} />
        ) : null}
      </div>
    </section>
  );
}
