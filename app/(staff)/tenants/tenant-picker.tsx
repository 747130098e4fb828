"use client";

import { SessionProvider, useSession } from "next-auth/react";
import { useActionState } from "react";

export interface TenantChoice {
  tenantId: string;
  name: string;
  role: string;
}

/**
 * Moves the session to another tenant through next-auth's session update. The server decides
 * (app/_server/auth-options.ts): it switches only to a tenant where the person is active now.
 */
export function TenantPicker(props: { tenants: TenantChoice[]; currentTenantId: string }) {
  return (
    <SessionProvider>
      <Picker {...props} />
    </SessionProvider>
  );
}

function Picker({ tenants, currentTenantId }: { tenants: TenantChoice[]; currentTenantId: string }) {
  // update() does nothing until the session has loaded (next-auth answers undefined), so the
  // buttons wait for it rather than report a refusal that never happened.
  const { update, status } = useSession();
  const [state, pick, pending] = useActionState(async (_previous: { error: string | null }, form: FormData) => {
    const tenantId = String(form.get("tenantId"));
    const session = (await update({ tenantId }).catch(() => null)) as { tenantId?: string } | null;
    if (session?.tenantId !== tenantId) return { error: "You can't enter that organisation any more. Ask its admin." };
    window.location.assign("/");
    return { error: null };
  }, { error: null });

  return (
    <div className="space-y-3">
      {state.error ? <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">{state.error}</p> : null}
      <ul className="space-y-2">
        {tenants.map((tenant) => (
          <li key={tenant.tenantId}>
            <form action={pick} className="flex items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <input type="hidden" name="tenantId" value={tenant.tenantId} />
              <div>
                <p className="font-medium">{tenant.name}</p>
                <p className="text-sm text-slate-600">{tenant.role}{tenant.tenantId === currentTenantId ? " · signed in here now" : ""}</p>
              </div>
              <button type="submit" disabled={pending || status !== "authenticated"} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
                {tenant.tenantId === currentTenantId ? "Continue" : "Switch"}<span className="sr-only"> to {tenant.name}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
