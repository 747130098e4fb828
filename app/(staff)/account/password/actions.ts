"use server";

import { headers } from "next/headers";
import { changeOwnPassword } from "@/lib/members/change-password";
import { handleForm } from "@/app/_server/handle-form";
import type { FormState } from "@/components/ui/form-state";
import { clientIp } from "@/app/_server/request-info";
import { requireStaffAction } from "@/app/_server/staff";

// Anyone signed in changes their own password (no permission beyond being signed in).
export async function changePasswordAction(previous: FormState<{ changed: true }>, form: FormData) {
  return handleForm("changePassword", previous, form, async () => {
    const staff = await requireStaffAction();
    await changeOwnPassword(
      staff,
      { currentPassword: form.get("currentPassword"), password: form.get("password"), confirmPassword: form.get("confirmPassword") },
      { ip: clientIp(await headers()) },
    );
    return { changed: true as const };
  });
}
