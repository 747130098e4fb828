"use client";

import { useActionState, useId } from "react";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/tenancy/roles";
import { SubmitButton } from "@/components/ui/form-inputs";
import { INITIAL_FORM_STATE, type FormState } from "@/components/ui/form-state";
import { changeRoleAction, revokeInvitationAction, setActiveAction } from "@/app/(staff)/admin/members/actions";

function Refusal({ state }: { state: FormState<unknown> }) {
  return state.ok === false ? <p role="alert" className="mt-1 max-w-xs text-sm font-medium text-red-800">{state.error?.message}</p> : null;
}

/** Change role, and deactivate or reactivate, for one member (each a small form of its own). */
export function MemberActions({ userId, name, role, active }: { userId: string; name: string; role: Role; active: boolean }) {
  const uid = useId();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction.bind(null, userId), INITIAL_FORM_STATE);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction.bind(null, userId, !active), INITIAL_FORM_STATE);
  return (
    <div className="space-y-2">
      <form action={roleAction} className="flex items-end gap-2" key={`${role}-${roleState.submission}`}>
        <div>
          <label htmlFor={`${uid}-role`} className="sr-only">Role of {name}</label>
          <select id={`${uid}-role`} name="role" defaultValue={role} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm">
            {ROLES.map((value) => <option key={value} value={value}>{ROLE_LABELS[value]}</option>)}
          </select>
        </div>
        <SubmitButton pending={rolePending} variant="secondary" aria-label={`Change role of ${name}`}>Change role</SubmitButton>
      </form>
      <Refusal state={roleState} />
      <form action={activeAction}>
        <SubmitButton pending={activePending} variant={active ? "danger" : "secondary"} aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}>
          {active ? "Deactivate" : "Reactivate"}
        </SubmitButton>
      </form>
      <Refusal state={activeState} />
    </div>
  );
}

export function RevokeInvitation({ id, email }: { id: string; email: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction.bind(null, id), INITIAL_FORM_STATE);
  return (
    <form action={action}>
      <SubmitButton pending={pending} variant="danger" aria-label={`Revoke the invitation for ${email}`}>Revoke</SubmitButton>
      <Refusal state={state} />
    </form>
  );
}
