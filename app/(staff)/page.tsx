import Link from "next/link";
import { landingSummary } from "@/lib/dashboard/landing-summary";
import { requireStaffPage } from "@/app/_server/staff";

export const metadata = { title: "Your desk" };

// GET / — each role lands on what it does first: agents on their cases, supervisors on the
// escalation queue, admins on the tenant's people and tokens.
export default async function LandingPage() {
  const staff = await requireStaffPage("case:read");
  const summary = await landingSummary(staff, staff.user.id);
  const role = staff.actor.role;
  const heading = role === "agent" ? "Your desk" : role === "supervisor" ? "Supervisor overview" : "Tenant administration";

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{heading}</h1>
        <p className="text-slate-600">Signed in to {staff.tenant.name}.</p>
      </div>
      <section aria-labelledby="figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="figures" className="sr-only">Figures</h2>
        {role === "agent" ? (
          <>
            <Figure label="My open cases" value={summary.myOpenCases} href="/cases?assignee=me" />
            <Figure label="Open cases in the team" value={summary.openCases} href="/cases?status=open" />
            <Figure label="Waiting on customer" value={summary.waitingOnCustomer} href="/cases?status=waiting_on_customer" />
            <Figure label="Ready to escalate" value={summary.readyToEscalate} href="/cases?escalationReady=true" />
          </>
        ) : role === "supervisor" ? (
          <>
            <Figure label="Awaiting escalation review" value={summary.inEscalationReview} href="/cases?status=escalation_review" />
            <Figure label="Ready to escalate" value={summary.readyToEscalate} href="/cases?escalationReady=true" />
            <Figure label="Open cases" value={summary.openCases} href="/cases?status=open" />
            <Figure label="Waiting on customer" value={summary.waitingOnCustomer} href="/cases?status=waiting_on_customer" />
          </>
        ) : (
          <>
            <Figure label="Active members" value={summary.activeMembers} href="/admin/members" />
            <Figure label="Active API tokens" value={summary.activeApiTokens} href="/admin/api-tokens" />
            <Figure label="Open cases" value={summary.openCases} href="/cases?status=open" />
            <Figure label="Awaiting escalation review" value={summary.inEscalationReview} href="/cases?status=escalation_review" />
          </>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="mt-1 block text-3xl font-semibold">{value.toLocaleString("en")}</span>
    </>
  );
  const className = "block rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
  return href ? <Link href={href} className={`${className} hover:border-blue-400`}>{body}</Link> : <div className={className}>{body}</div>;
}
