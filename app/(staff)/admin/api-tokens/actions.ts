"use server";

import { revalidatePath } from "next/cache";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { handleForm } from "@/app/_server/handle-form";
import type { FormState } from "@/components/ui/form-state";
import { requireStaffAction } from "@/app/_server/staff";

// /admin/api-tokens forms (useActionState).

export async function createApiTokenAction(previous: FormState<{ name: string; secret: string }>, form: FormData) {
  return handleForm("createApiToken", previous, form, async () => {
    const staff = await requireStaffAction("api_tokens:manage");
    // The form has a date (no time): the token stops working when that day begins, UTC.
    const expiresOn = String(form.get("expiresOn") ?? "").trim();
    const expiresAt = expiresOn === "" ? null : /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) ? `${expiresOn}T00:00:00Z` : expiresOn;
    const created = await createApiToken(staff, { name: form.get("name"), role: form.get("role"), expiresAt });
    revalidatePath("/admin/api-tokens");
    return { name: created.token.name, secret: created.secret };
  });
}

export async function revokeApiTokenAction(unverifiedId: string, previous: FormState<{ name: string }>, form: FormData) {
  return handleForm("revokeApiToken", previous, form, async () => {
    const staff = await requireStaffAction("api_tokens:manage");
    const token = await revokeApiToken(staff, unverifiedId);
    revalidatePath("/admin/api-tokens");
    return { name: token.name };
  });
}
