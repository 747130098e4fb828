import Link from "next/link";
import type { SavedViewSummary } from "@/lib/saved-views/saved-views";
import { BUILT_IN_VIEWS, type CurrentView } from "@/app/(staff)/cases/_views/current-view";

/** The list's views: built in (the desk's queues), the team's, and one's own. */
export function ViewsMenu({ saved, current }: { saved: readonly SavedViewSummary[]; current: CurrentView }) {
  const team = saved.filter((view) => view.scope === "team");
  const mine = saved.filter((view) => view.scope === "personal");
  const currentId = current?.view.id ?? null;
  return (
    <nav aria-labelledby="views-title" className="space-y-4 text-sm">
      <h2 id="views-title" className="text-lg font-semibold">Views</h2>
      <Group title="Built in">
        {BUILT_IN_VIEWS.map((view) => (
          <ViewLink key={view.id} href={view.href} current={view.id === currentId} title={view.description}>
            {view.label}{view.id === "my-open" ? <span className="ml-1 text-xs text-slate-600">(default)</span> : null}
          </ViewLink>
        ))}
      </Group>
      <Group title="Team views" empty="No team views yet. Supervisors can share a view with the team.">
        {team.map((view) => (
          <ViewLink key={view.id} href={view.href} current={view.id === currentId} title={`Shared by ${view.createdBy}`} problem={view.problem}>
            {view.name}
          </ViewLink>
        ))}
      </Group>
      <Group title="My views" empty="None yet: filter the list, then save it as a view.">
        {mine.map((view) => (
          <ViewLink key={view.id} href={view.href} current={view.id === currentId} problem={view.problem}>{view.name}</ViewLink>
        ))}
      </Group>
    </nav>
  );
}

function Group({ title, empty, children }: { title: string; empty?: string; children: React.ReactNode[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      {children.length > 0 ? <ul className="mt-1 space-y-0.5">{children}</ul> : <p className="mt-1 text-xs text-slate-600">{empty}</p>}
    </div>
  );
}

function ViewLink({ href, current, title, problem, children }: { href: string; current: boolean; title?: string; problem?: string | null; children: React.ReactNode }) {
  return (
    <li>
      <Link href={href} title={problem ?? title} aria-current={current ? "page" : undefined}
        className={`block rounded px-2 py-1 ${current ? "bg-blue-100 font-medium text-blue-950" : "text-slate-800 hover:bg-slate-100"}`}>
        {children}{problem ? <span className="ml-1 text-amber-800">(needs re-saving)</span> : null}
      </Link>
    </li>
  );
}
