import { redirect } from "next/navigation";
import { ROLE_LABELS } from "@/lib/tenancy/roles";
import { activeMemberships } from "@/lib/auth/staff-session";
import { requireStaffPage } from "@/app/_server/staff";
import { TenantPicker } from "@/app/(staff)/tenants/tenant-picker";

export const metadata = { title: "Choose an organisation" };

// GET /tenants — after sign-in, and from the nav: a person in several tenants picks where to work.
// Someone in one tenant has nothing to pick and goes straight to their desk.
export default async function TenantsPage() {
  const staff = await requireStaffPage();
  const memberships = await activeMemberships(staff.user.id);
  if (memberships.length <= 1) redirect("/");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Choose an organisation</h1>
      <p className="text-slate-600">You work for several support teams. Pick the one to work in now; you can switch from the top bar.</p>
      <TenantPicker
        currentTenantId={staff.tenantId}
        tenants={memberships.map((m) => ({ tenantId: m.tenantId, name: m.tenant.name, role: ROLE_LABELS[m.role] }))}
      />
    </div>
  );
}
