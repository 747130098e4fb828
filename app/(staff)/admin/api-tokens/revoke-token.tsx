"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE } from "@/components/ui/form-state";
import { revokeApiTokenAction } from "@/app/(staff)/admin/api-tokens/actions";

export function RevokeToken({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction.bind(null, id), INITIAL_FORM_STATE);
  return (
    <form action={action}>
      <SubmitButton pending={pending} variant="danger" aria-label={`Revoke ${name}`}>Revoke</SubmitButton>
      {state.ok === false ? <p role="alert" className="mt-1 text-sm font-medium text-red-800">{state.error?.message}</p> : null}
    </form>
  );
}
