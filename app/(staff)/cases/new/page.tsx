import { requireStaffPage } from "@/app/_server/staff";
import { IntakeForm } from "@/app/(staff)/cases/new/intake-form";

export const metadata = { title: "New case" };

// GET /cases/new — intake of a new case; the suggestions appear on the case page once it is saved.
export default async function NewCasePage() {
  await requireStaffPage("case:write");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">New case</h1>
        <p className="text-slate-600">Record what you know now; anything left as Unknown can be filled in later.</p>
      </div>
      <IntakeForm />
    </div>
  );
}
