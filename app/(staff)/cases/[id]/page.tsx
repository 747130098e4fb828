import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { getCase } from "@/lib/cases/get-case";
import { listTenantMembers } from "@/lib/members/tenant-members";
import { requireStaffPage } from "@/app/_server/staff";
import { CustomerRepliedBadge, StatusBadge } from "@/components/case/badges";
import { CaseControls } from "@/app/(staff)/cases/[id]/_components/case-controls";
import { CustomerLink } from "@/app/(staff)/cases/[id]/_components/customer-link";
import { EscalationChecklist } from "@/app/(staff)/cases/[id]/_components/escalation-checklist";
import { FactsPanel } from "@/app/(staff)/cases/[id]/_components/facts-panel";
import { StatusExplanations } from "@/app/(staff)/cases/[id]/_components/status-explanations";
import { StepsTried } from "@/app/(staff)/cases/[id]/_components/steps-tried";
import { Suggestions } from "@/app/(staff)/cases/[id]/_components/suggestions";
import { Timeline } from "@/app/(staff)/cases/[id]/_components/timeline";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Case ${(await params).id.slice(0, 8)}` };
}

// GET /cases/[id] — the case: suggestions first, then facts, steps, statuses, readiness, timeline.
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("case:read");
  const { id } = await params;
  const view = await getCase(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const members = await listTenantMembers(staff);
  const canWrite = can(staff.actor.role, "case:write");

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">Case {view.displayNumber}</p>
          <h1 className="text-2xl font-semibold">{view.facts.customer.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-700">
            <StatusBadge status={view.status} />
            <CustomerRepliedBadge at={view.customerRepliedAt} />
            {view.facts.customer.email ? <span>{view.facts.customer.email}</span> : null}
            <span>· {view.assignee ? `Assigned to ${view.assignee.name}` : "Unassigned"}</span>
          </p>
        </div>
        {canWrite ? <CustomerLink caseId={view.id} link={view.customerLink} /> : null}
      </header>

      {canWrite ? (
        <CaseControls caseId={view.id} version={view.version} status={view.status}
          assigneeId={view.assignee?.id ?? null} members={members} canAssign={can(staff.actor.role, "case:assign")} />
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <Suggestions view={view} canWrite={canWrite} />
          <StepsTried steps={view.steps} />
          <FactsPanel view={view} canWrite={canWrite} />
        </div>
        <div className="space-y-8">
          <EscalationChecklist escalation={view.escalation} />
          <StatusExplanations view={view} />
          <Timeline events={view.timeline} members={members} />
        </div>
      </div>
    </div>
  );
}
