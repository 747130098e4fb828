"use server";

import { revalidatePath } from "next/cache";
import { changeMember } from "@/lib/members/change-member";
import { inviteMember } from "@/lib/members/invite-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { handleForm } from "@/app/_server/handle-form";
import type { FormState } from "@/components/ui/form-state";
import { absoluteUrl } from "@/app/_server/public-url";
import { requireStaffAction } from "@/app/_server/staff";

// /admin/members forms (useActionState). Ids bound by the page are unverified: the services scope
// them by the caller's tenant.

export async function inviteMemberAction(previous: FormState<{ url: string; email: string }>, form: FormData) {
  return handleForm("inviteMember", previous, form, async () => {
    const staff = await requireStaffAction("users:manage");
    const issued = await inviteMember(staff, { name: form.get("name"), email: form.get("email"), role: form.get("role") });
    revalidatePath("/admin/members");
    return { url: await absoluteUrl(issued.url), email: issued.invitation.email };
  });
}

export async function changeRoleAction(unverifiedUserId: string, previous: FormState<{ role: string }>, form: FormData) {
  return handleForm("changeRole", previous, form, async () => {
    const staff = await requireStaffAction("users:manage");
    const member = await changeMember(staff, unverifiedUserId, { role: form.get("role") });
    revalidatePath("/admin/members");
    return { role: member.role };
  });
}

export async function setActiveAction(unverifiedUserId: string, active: boolean, previous: FormState<{ active: boolean }>, form: FormData) {
  return handleForm("setActive", previous, form, async () => {
    const staff = await requireStaffAction("users:manage");
    const member = await changeMember(staff, unverifiedUserId, { active });
    revalidatePath("/admin/members");
    return { active: member.active };
  });
}

export async function revokeInvitationAction(unverifiedId: string, previous: FormState<{ email: string }>, form: FormData) {
  return handleForm("revokeInvitation", previous, form, async () => {
    const staff = await requireStaffAction("users:manage");
    const invitation = await revokeInvitation(staff, unverifiedId);
    revalidatePath("/admin/members");
    return { email: invitation.email };
  });
}
