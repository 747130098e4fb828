import { requireStaffPage } from "@/app/_server/staff";
import { ChangePasswordForm } from "@/app/(staff)/account/password/password-form";

export const metadata = { title: "Change your password" };

// GET /account/password — every signed-in person can change their own password.
export default async function ChangePasswordPage() {
  const staff = await requireStaffPage();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Change your password</h1>
      <p className="text-slate-600">Signed in as {staff.user.email}.</p>
      <ChangePasswordForm email={staff.user.email} />
    </div>
  );
}
