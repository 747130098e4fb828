"use server";

import { headers } from "next/headers";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { handleForm } from "@/app/_server/handle-form";
import type { FormState } from "@/components/ui/form-state";
import { clientIp } from "@/app/_server/request-info";

// The invitee's form. No session: the token in the URL is the credential, checked by the service.
export async function acceptInvitationAction(token: string, previous: FormState<{ email: string; tenantName: string }>, form: FormData) {
  return handleForm("acceptInvitation", previous, form, async () =>
    acceptInvitation(
      token,
      { name: form.get("name") ?? undefined, password: form.get("password"), confirmPassword: form.get("confirmPassword") ?? undefined },
      { ip: clientIp(await headers()) },
    ),
  );
}
