import Link from "next/link";
import { AppError } from "@/lib/errors/app-error";
import { escalationQueue, type EscalationQueue, type EscalationQueueQuery } from "@/lib/escalation/escalation-queue";
import { requireStaffPage } from "@/app/_server/staff";
import { AwaitingReviewTable, ReadyTable } from "@/app/(staff)/escalations/_components/queue-tables";

export const metadata = { title: "Escalations" };

type SearchParams = Record<string, string | string[] | undefined>;

const DECIDED = /^PST-\d{1,10}$/;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// GET /escalations — the supervisors' queue (SPEC §4): cases awaiting review, oldest submission
// first, and ready cases nobody submitted yet, longest-ready first. Paged in the database.
export default async function EscalationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("case:read");
  const params = await searchParams;
  const query: EscalationQueueQuery = {};
  const reviewCursor = one(params.reviewCursor);
  const readyCursor = one(params.readyCursor);
  if (reviewCursor) query.reviewCursor = reviewCursor;
  if (readyCursor) query.readyCursor = readyCursor;

  let queue: EscalationQueue;
  let problem: string | null = null;
  try {
    queue = await escalationQueue(staff, query);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    problem = "That page link is no longer valid; showing the start of the queue.";
    queue = await escalationQueue(staff, {});
  }
  const approved = one(params.approved);
  const returned = one(params.returned);
  const done = approved && DECIDED.test(approved)
    ? `${approved} approved: escalated to Apple.`
    : returned && DECIDED.test(returned) ? `${returned} returned to the agent with your reason.` : null;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Escalations</h1>
        <p className="text-slate-700">Cases for Apple: review what agents submitted, and see which ready cases still wait for a submission.</p>
      </div>
      <p role="status" className="text-sm font-medium text-emerald-800 empty:hidden">{done}</p>
      {problem ? <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{problem}</p> : null}

      <section aria-labelledby="awaiting-title" className="space-y-3">
        <h2 id="awaiting-title" className="text-xl font-semibold">Awaiting review <span className="text-base font-normal text-slate-700">({queue.awaiting.total})</span></h2>
        <p className="text-sm text-slate-700">Oldest submission first. Open a case to see its packet and approve or return it.</p>
        <AwaitingReviewTable items={queue.awaiting.items} />
        <Pager next={queue.awaiting.nextCursor} name="reviewCursor" keep={{ readyCursor }} first={Boolean(reviewCursor)} label="awaiting review" />
      </section>

      <section aria-labelledby="ready-title" id="ready" className="space-y-3">
        <h2 id="ready-title" className="text-xl font-semibold">Ready, not submitted <span className="text-base font-normal text-slate-700">({queue.ready.total})</span></h2>
        <p className="text-sm text-slate-700">Open cases that meet every readiness criterion, ready the longest first. Their agent can submit them.</p>
        <ReadyTable items={queue.ready.items} />
        <Pager next={queue.ready.nextCursor} name="readyCursor" keep={{ reviewCursor }} first={Boolean(readyCursor)} label="ready cases" anchor="#ready" />
      </section>
    </div>
  );
}

function Pager({ next, name, keep, first, label, anchor = "" }: {
  next: string | null;
  name: string;
  keep: Record<string, string | undefined>;
  first: boolean;
  label: string;
  anchor?: string;
}) {
  const href = (cursor: string | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) if (value) params.set(key, value);
    if (cursor) params.set(name, cursor);
    const search = params.toString();
    return `/escalations${search ? `?${search}` : ""}${anchor}`;
  };
  if (!next && !first) return null;
  return (
    <nav aria-label={`Pages of ${label}`} className="flex gap-3 text-sm">
      {first ? <Link href={href(null)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">First page</Link> : null}
      {next ? <Link href={href(next)} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">Next page</Link> : null}
    </nav>
  );
}
