import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { getPacket } from "@/lib/escalation/get-packet";
import { requireStaffPage } from "@/app/_server/staff";
import { formatDateTime } from "@/components/case/format";
import { PacketArticle } from "@/components/packet/packet-article";
import { PacketLinks } from "@/components/packet/packet-links";
import { PrintButton } from "@/components/ui/print-button";

export const metadata = { title: "Escalation packet" };

// GET /cases/[id]/packet — the packet for Apple as a page to print (A4 or Letter; the print
// stylesheet drops the navigation and keeps the screenshots): the frozen submission if there is
// one, else a draft of the case as it is now.
export default async function PacketPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("case:read");
  const { id } = await params;
  const packet = await getPacket(staff, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const doc = packet.submission ?? packet.current;
  const changed = packet.changesSinceSubmission;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <PrintButton label="Print the packet" />
        <PacketLinks caseId={packet.caseId} show={packet.submission ? ["case", "review", "zip", "json"] : ["case", "zip", "json"]} />
      </div>
      {packet.submission && changed && (changed.facts.length > 0 || changed.stepsAdded.length > 0) ? (
        <p className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 print:hidden">
          This is the packet as submitted {formatDateTime(packet.submission.submission?.submittedAt)}. The case changed since; the review lists what.
        </p>
      ) : null}
      <PacketArticle doc={doc} headingLevel={1} />
    </div>
  );
}
