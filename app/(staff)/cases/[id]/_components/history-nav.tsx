import Link from "next/link";

/** "Showing 50 of 10,000" with links to older entries and back to the newest, when there are more. */
export function HistoryNav({ shown, total, olderHref, newestHref, what }: { shown: number; total: number; olderHref: string | null; newestHref: string | null; what: string }) {
  if (!olderHref && !newestHref) return null;
  return (
    <p className="mt-1 flex flex-wrap gap-3 text-sm text-slate-700">
      <span>Showing {shown.toLocaleString("en")} of {total.toLocaleString("en")} {what}.</span>
      {newestHref ? <Link href={newestHref} className="text-blue-700 underline">Newest {what}</Link> : null}
      {olderHref ? <Link href={olderHref} className="text-blue-700 underline">Older {what}</Link> : null}
    </p>
  );
}
