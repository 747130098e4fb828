import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { getCase } from "@/lib/cases/get-case";
import { getStepsPage, getTimelinePage } from "@/lib/cases/case-history";
import { listTenantMembers } from "@/lib/members/tenant-members";
import { requireStaffPage } from "@/app/_server/staff";
import { CaseControls } from "@/app/(staff)/cases/[id]/_components/case-controls";
import { CaseHeader } from "@/app/(staff)/cases/[id]/_components/case-header";
import { CaseShortcuts } from "@/app/(staff)/cases/[id]/_components/case-shortcuts";
import { CustomerLink } from "@/app/(staff)/cases/[id]/_components/customer-link";
import { EscalationChecklist } from "@/app/(staff)/cases/[id]/_components/escalation-checklist";
import { EscalationReviewPanel } from "@/app/(staff)/cases/[id]/_components/escalation-review-panel";
import { ReturnedNotice } from "@/app/(staff)/cases/[id]/_components/returned-notice";
import { FactsPanel } from "@/app/(staff)/cases/[id]/_components/facts-panel";
import { NextSteps } from "@/app/(staff)/cases/[id]/_components/next-steps";
import { StatusExplanations } from "@/app/(staff)/cases/[id]/_components/status-explanations";
import { StepsTried } from "@/app/(staff)/cases/[id]/_components/steps-tried";
import { stepViewFrom } from "@/app/(staff)/cases/[id]/_components/step-view-url";
import { Timeline } from "@/app/(staff)/cases/[id]/_components/timeline";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Case ${(await params).id.slice(0, 8)}` };
}

// GET /cases/[id] — the case, led by what to do next: the main column opens with the next steps
// (the first three in full, the rest compact; ?open= and ?steps=all expand more), then what was
// tried and the facts; the side column holds the case's controls, readiness, statuses and timeline.
export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("case:read");
  const { id } = await params;
  const view = await getCase(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  // Older steps and events page by cursor (?stepsCursor=…, ?timelineCursor=…); a bad cursor shows the newest.
  const query = await searchParams;
  const { stepsCursor, timelineCursor } = query;
  const olderSteps = typeof stepsCursor === "string" ? await getStepsPage(staff, id, { cursor: stepsCursor }).catch(() => null) : null;
  const olderEvents = typeof timelineCursor === "string" ? await getTimelinePage(staff, id, { cursor: timelineCursor }).catch(() => null) : null;
  const steps = olderSteps ?? { items: view.steps, nextCursor: view.stepsPage.nextCursor, total: view.stepsPage.total };
  const events = olderEvents ?? { items: view.timeline, nextCursor: view.timelinePage.nextCursor, total: view.timelinePage.total };
  const pageHref = (name: string, cursor: string | null) => (cursor ? `/cases/${view.id}?${name}=${encodeURIComponent(cursor)}` : null);
  const members = await listTenantMembers(staff);
  const canWrite = can(staff.actor.role, "case:write");
  const stepView = stepViewFrom(query);

  return (
    <div className="space-y-6">
      <CaseHeader view={view} actions={canWrite ? <CustomerLink caseId={view.id} link={view.customerLink} /> : null} />
      <CaseShortcuts />
      {view.review.returned ? <ReturnedNotice returned={view.review.returned} /> : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <NextSteps view={view} canWrite={canWrite} stepView={stepView} />
          <StepsTried steps={steps.items} total={steps.total} olderHref={pageHref("stepsCursor", steps.nextCursor)} newestHref={olderSteps ? `/cases/${view.id}` : null} />
          <FactsPanel view={view} canWrite={canWrite} />
        </div>
        <div className="space-y-8">
          <EscalationReviewPanel view={view} canSubmit={can(staff.actor.role, "case:submit_escalation")} canReview={can(staff.actor.role, "escalation:review")} />
          {canWrite ? (
            <CaseControls caseId={view.id} version={view.version} status={view.status}
              assigneeId={view.assignee?.id ?? null} members={members} canAssign={can(staff.actor.role, "case:assign")} />
          ) : null}
          <EscalationChecklist escalation={view.escalation} />
          <StatusExplanations view={view} />
          <Timeline events={events.items} members={members} total={events.total} olderHref={pageHref("timelineCursor", events.nextCursor)} newestHref={olderEvents ? `/cases/${view.id}` : null} />
        </div>
      </div>
    </div>
  );
}
