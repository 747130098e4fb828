import Link from "next/link";
import type { Role } from "@/lib/tenancy/roles";
import { CASE_QUEUES, queueHref, type CaseQueueId } from "@/lib/cases/list/case-queues";
import { landingSummary } from "@/lib/cases/list/landing-summary";
import { requireStaffPage } from "@/app/_server/staff";

export const metadata = { title: "Your desk" };

// The queues each role opens with; each figure links to the list of exactly those cases.
const QUEUES_BY_ROLE: Record<Role, CaseQueueId[]> = {
  agent: ["my-open", "team-open", "waiting-on-customer", "ready-to-escalate"],
  supervisor: ["escalation-review", "ready-to-escalate", "team-open", "waiting-on-customer"],
  admin: ["team-open", "escalation-review"],
};

// GET / — each role lands on what it does first: agents on their cases, supervisors on the
// escalation queue, admins on the tenant's people and tokens.
export default async function LandingPage() {
  const staff = await requireStaffPage("case:read");
  const role = staff.actor.role;
  const queueIds = QUEUES_BY_ROLE[role];
  const summary = await landingSummary(staff, queueIds);
  const heading = role === "agent" ? "Your desk" : role === "supervisor" ? "Supervisor overview" : "Tenant administration";

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{heading}</h1>
        <p className="text-slate-600">Signed in to {staff.tenant.name}.</p>
      </div>
      <section aria-labelledby="figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="figures" className="sr-only">Figures</h2>
        {role === "admin" ? (
          <>
            <Figure label="Active members" value={summary.activeMembers} href="/admin/members" />
            <Figure label="Active API tokens" value={summary.activeApiTokens} href="/admin/api-tokens" />
          </>
        ) : null}
        {queueIds.map((id) => (
          <Figure key={id} label={CASE_QUEUES[id].label} hint={CASE_QUEUES[id].description} value={summary.queues[id] ?? 0} href={queueHref(id)} />
        ))}
      </section>
    </div>
  );
}

function Figure({ label, hint, value, href }: { label: string; hint?: string; value: number; href?: string }) {
  const body = (
    <>
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="mt-1 block text-3xl font-semibold" data-testid="figure-value">{value.toLocaleString("en")}</span>
      {hint ? <span className="mt-1 block text-xs text-slate-600">{hint}</span> : null}
    </>
  );
  const className = "block rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
  return href ? <Link href={href} className={`${className} hover:border-blue-400`} data-testid="figure">{body}</Link> : <div className={className} data-testid="figure">{body}</div>;
}
