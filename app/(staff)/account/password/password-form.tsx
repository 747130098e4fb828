"use client";

import { useActionState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NamedInput, SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, fieldErrors, summaryIssues } from "@/components/ui/form-state";
import { changePasswordAction } from "@/app/(staff)/account/password/actions";

const LABELS: Record<string, string> = { currentPassword: "Current password", password: "New password", confirmPassword: "New password again" };

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_FORM_STATE);
  const issues = summaryIssues(state, (path) => (LABELS[path] ? { id: `pw-${path}`, label: LABELS[path] } : undefined));
  return (
    <form action={action} noValidate className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" key={state.submission}>
      <ErrorSummary title="The password was not changed" issues={issues} version={state.submission} />
      <div aria-live="polite">
        {state.ok ? <p role="status" className="rounded-md border border-emerald-600 bg-emerald-50 p-3 text-sm">Password changed. Use it the next time you sign in.</p> : null}
      </div>
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <NamedInput id="pw-currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password"
        errors={fieldErrors(state, "currentPassword")} required />
      <NamedInput id="pw-password" name="password" type="password" label="New password" autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} errors={fieldErrors(state, "password")} required minLength={PASSWORD_MIN_LENGTH} />
      <NamedInput id="pw-confirmPassword" name="confirmPassword" type="password" label="New password again" autoComplete="new-password"
        errors={fieldErrors(state, "confirmPassword")} required />
      <SubmitButton pending={pending} pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
