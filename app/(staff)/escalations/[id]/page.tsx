import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { getPacket } from "@/lib/escalation/get-packet";
import { requireStaffPage } from "@/app/_server/staff";
import { StatusBadge } from "@/components/case/badges";
import { formatDateTime } from "@/components/case/format";
import { PacketArticle } from "@/components/packet/packet-article";
import { PacketLinks } from "@/components/packet/packet-links";
import { ChangesSinceSubmission } from "@/app/(staff)/escalations/_components/changes-since-submission";
import { ReviewActions } from "@/app/(staff)/escalations/_components/review-actions";

export const metadata = { title: "Escalation review" };

// GET /escalations/[id] — the review: the frozen packet, what changed since, and (for supervisors,
// while the case awaits review) Approve and Return. Agents may read it; the buttons are not there.
export default async function EscalationReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("case:read");
  const { id } = await params;
  const packet = await getPacket(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { review, submission } = packet;
  const awaiting = packet.status === "escalation_review";
  const canDecide = awaiting && can(staff.actor.role, "escalation:review");

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm print:hidden">
        <Link href="/escalations" className="text-blue-800 underline">Escalations</Link> <span aria-hidden="true">›</span> {packet.displayNumber}
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Review {packet.displayNumber}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <StatusBadge status={packet.status} />
          {review.submitted ? <span>Submitted by {review.submitted.by}, {formatDateTime(review.submitted.at)}</span> : <span>Never submitted for review</span>}
          {packet.status === "escalated" && review.approved ? <span>· Approved by {review.approved.by}: Apple case number <strong>{review.approved.appleCaseNumber}</strong></span> : null}
        </p>
        <PacketLinks caseId={packet.caseId} show={["case", "print", "zip", "json"]} />
      </header>

      {review.returned ? (
        <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
          Returned by {review.returned.by}, {formatDateTime(review.returned.at)}: {review.returned.reason}
        </p>
      ) : null}
      {submission?.submission?.overrideReason ? (
        <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
          <strong>Submitted before it was ready.</strong> Override reason: {submission.submission.overrideReason}
        </p>
      ) : null}
      {!awaiting && submission ? (
        <p className="text-sm text-slate-700">This case is not awaiting review; the packet below is its latest submission.</p>
      ) : null}
      {!submission ? <p className="text-sm text-slate-700">The packet below is a draft: the case as it is now.</p> : null}

      {canDecide ? <ReviewActions caseId={packet.caseId} version={packet.version} /> : null}
      {packet.changesSinceSubmission ? <ChangesSinceSubmission changes={packet.changesSinceSubmission} /> : null}

      <section aria-label="The packet" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <PacketArticle doc={submission ?? packet.current} headingLevel={2} />
      </section>
    </div>
  );
}
