import type { EscalationReviewView } from "@/lib/cases/view/review-state";
import { formatDateTime } from "@/components/case/format";

/** A supervisor sent the case back: the reason, prominent at the top of the case until it is resubmitted or resolved. */
export function ReturnedNotice({ returned }: { returned: NonNullable<EscalationReviewView["returned"]> }) {
  return (
    <section aria-labelledby="returned-title" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
      <h2 id="returned-title" className="text-lg font-semibold">Returned by a supervisor</h2>
      <p className="mt-1 text-base" data-testid="return-reason">{returned.reason}</p>
      <p className="mt-1 text-sm">{returned.by}, {formatDateTime(returned.at)}. Do what is asked, then submit the case for review again.</p>
    </section>
  );
}
