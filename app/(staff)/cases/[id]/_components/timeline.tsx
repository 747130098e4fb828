import type { TimelineEventView } from "@/lib/cases/view/case-view";
import type { TenantMember } from "@/lib/members/tenant-members";
import { describeEvent } from "@/lib/cases/view/timeline-words";
import { RelativeTime } from "@/components/time/relative-time";
import { HistoryNav } from "@/app/(staff)/cases/[id]/_components/history-nav";

/** Changes on the case, newest first, a page at a time: who, when, what. */
export function Timeline({ events, members, total, olderHref, newestHref }: { events: TimelineEventView[]; members: TenantMember[]; total: number; olderHref: string | null; newestHref: string | null }) {
  const name = (userId: unknown) =>
    userId === null || userId === undefined ? "nobody" : members.find((m) => m.id === userId)?.name ?? "a former member";
  const ordered = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-xl font-semibold">Timeline</h2>
      <HistoryNav shown={ordered.length} total={total} olderHref={olderHref} newestHref={newestHref} what="events" />
      <ol className="mt-3 space-y-2 border-l-2 border-slate-300 pl-4">
        {ordered.map((event) => (
          <li key={event.id} className="text-sm">
            <p><span className="font-medium">{event.actor.name}</span> {describeEvent(event.type, (event.data ?? {}) as Record<string, unknown>, name, event.actor.kind)}</p>
            <p className="text-xs text-slate-600"><RelativeTime iso={event.at} /></p>
          </li>
        ))}
      </ol>
    </section>
  );
}
