import Link from "next/link";
import type { CaseView } from "@/lib/cases/view/case-view";
import { canSubmitFrom } from "@/lib/cases/status-transitions";
import { formatDateTime } from "@/components/case/format";
import { PacketLinks } from "@/components/packet/packet-links";
import { SubmitEscalation } from "@/app/(staff)/cases/[id]/_components/submit-escalation";

/** Where the case stands with Apple: submit it, see that it awaits review, or Apple's case number. */
export function EscalationReviewPanel({ view, canSubmit, canReview }: { view: CaseView; canSubmit: boolean; canReview: boolean }) {
  const { review } = view;
  return (
    <section aria-labelledby="review-panel-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="review-panel-title" className="text-xl font-semibold">Supervisor review</h2>
      {view.status === "escalation_review" && review.submitted ? (
        <p className="text-sm">
          Awaiting review since {formatDateTime(review.submitted.at)} (submitted by {review.submitted.by}).{" "}
          {canReview ? <Link href={`/escalations/${view.id}`} className="font-medium text-blue-800 underline">Review it now</Link> : null}
        </p>
      ) : null}
      {view.status === "escalated" && view.appleCaseNumber ? (
        <p className="rounded-md bg-purple-50 p-3 text-sm text-purple-950">
          Escalated to Apple: case number <strong data-testid="apple-case-number">{view.appleCaseNumber}</strong>
          {review.approved ? ` (approved by ${review.approved.by}, ${formatDateTime(review.approved.at)})` : ""}. When Apple has fixed it, resolve the case; if Apple sends it back to us, reopen it.
        </p>
      ) : null}
      {canSubmit && canSubmitFrom(view.status) ? (
        <SubmitEscalation caseId={view.id} version={view.version} ready={view.escalation.ready} canOverride={canReview} />
      ) : null}
      <PacketLinks caseId={view.id} show={review.submitted ? ["review", "print", "zip"] : ["print", "zip"]} />
    </section>
  );
}
