import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { activeMemberships } from "@/lib/auth/staff-session";
import { KeyboardShortcuts } from "@/components/keyboard/keyboard-shortcuts";
import { StaffNav } from "@/components/staff-nav";
import { awaitingReviewCount } from "@/lib/escalation/escalation-queue";
import { requireStaffPage } from "@/app/_server/staff";

// The layout only renders navigation; each page still authorises itself (layouts are not a security boundary).
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  const awaitingReview = await awaitingReviewCount(staff);
  const canSwitchTenant = (await activeMemberships(staff.user.id)).length > 1;
  return (
    <KeyboardShortcuts canCreate={can(staff.actor.role, "case:write")}>
      <a href="#main" className="print:hidden sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">Skip to content</a>
      <StaffNav name={staff.user.name} role={staff.actor.role} tenantName={staff.tenant.name} awaitingReview={awaitingReview} canSwitchTenant={canSwitchTenant} />
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </KeyboardShortcuts>
  );
}
