import Link from "next/link";

const linkClass = "rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100";

/** Where the packet of a case can be seen and taken: the printable page, the ZIP and the JSON. */
export function PacketLinks({ caseId, show }: { caseId: string; show: Array<"case" | "review" | "print" | "zip" | "json"> }) {
  return (
    <ul className="flex flex-wrap gap-2 print:hidden" aria-label="Packet">
      {show.includes("case") ? <li><Link href={`/cases/${caseId}`} className={linkClass}>Open the case</Link></li> : null}
      {show.includes("review") ? <li><Link href={`/escalations/${caseId}`} className={linkClass}>Review</Link></li> : null}
      {show.includes("print") ? <li><Link href={`/cases/${caseId}/packet`} className={linkClass}>Printable packet</Link></li> : null}
      {/* Plain anchors: downloads, not client-side navigations. */}
      {show.includes("zip") ? <li><a href={`/api/v1/cases/${caseId}/packet.zip`} className={linkClass} download>Download packet.zip</a></li> : null}
      {show.includes("json") ? <li><a href={`/api/v1/cases/${caseId}/packet`} className={linkClass}>Packet as JSON</a></li> : null}
    </ul>
  );
}
