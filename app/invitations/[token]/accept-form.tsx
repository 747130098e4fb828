"use client";

import Link from "next/link";
import { useActionState } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NamedInput, SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, fieldErrors, sentValue, summaryIssues } from "@/components/ui/form-state";
import { acceptInvitationAction } from "@/app/invitations/[token]/actions";

const LABELS: Record<string, string> = { name: "Your name", password: "Password", confirmPassword: "Password again" };

/** A new person chooses their name and password; someone with an account confirms its password. */
export function AcceptInvitationForm({ token, name, email, hasAccount }: { token: string; name: string; email: string; hasAccount: boolean }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), INITIAL_FORM_STATE);
  if (state.ok && state.data) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-emerald-600 bg-emerald-50 p-5">
        <p className="font-medium">You’re in: you are now a member of {state.data.tenantName}.</p>
        <p className="mt-1 text-sm">Sign in with {state.data.email} and your password.</p>
        <Link href="/sign-in" className="mt-3 inline-block rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">Sign in</Link>
      </div>
    );
  }
  const issues = summaryIssues(state, (path) => (LABELS[path] ? { id: `invite-${path}`, label: LABELS[path] } : undefined));
  return (
    <form action={action} noValidate className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" key={state.submission}>
      <ErrorSummary title="Not done yet" issues={issues} version={state.submission} />
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {hasAccount ? (
        <>
          <p className="text-sm text-slate-700">{email} already has an account. Enter its password to join.</p>
          <NamedInput id="invite-password" name="password" type="password" label="Password" autoComplete="current-password"
            errors={fieldErrors(state, "password")} required />
        </>
      ) : (
        <>
          <NamedInput id="invite-name" name="name" label="Your name" autoComplete="name" defaultValue={sentValue(state, "name") ?? name}
            errors={fieldErrors(state, "name")} required maxLength={120} />
          <NamedInput id="invite-password" name="password" type="password" label="Password" autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`} errors={fieldErrors(state, "password")}
            required minLength={PASSWORD_MIN_LENGTH} />
          <NamedInput id="invite-confirmPassword" name="confirmPassword" type="password" label="Password again" autoComplete="new-password"
            errors={fieldErrors(state, "confirmPassword")} required />
        </>
      )}
      <SubmitButton pending={pending} pendingLabel="Joining…">{hasAccount ? "Join" : "Set password and join"}</SubmitButton>
    </form>
  );
}
