import Link from "next/link";
import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { listCasesSchema } from "@/lib/cases/schemas/case-schemas";
import { listCases } from "@/lib/cases/list/list-cases";
import type { CaseListPage } from "@/lib/cases/schemas/case-response-schemas";
import { listQueryFromSearchParams } from "@/lib/cases/list/list-query-params";
import { listTenantMembers } from "@/lib/members/tenant-members";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { requireStaffPage } from "@/app/_server/staff";
import { CaseFilters } from "@/app/(staff)/cases/_components/case-filters";
import { CaseTable } from "@/app/(staff)/cases/_components/case-table";
import { ListShortcuts } from "@/app/(staff)/cases/_components/list-shortcuts";
import { currentView } from "@/app/(staff)/cases/_views/current-view";
import { ManageViewForms, SaveViewForm } from "@/app/(staff)/cases/_views/view-forms";
import { ViewsMenu } from "@/app/(staff)/cases/_views/views-menu";

export const metadata = { title: "Cases" };

type SearchParams = Record<string, string | string[] | undefined>;

// GET /cases — the case list. All state (filters, sort, cursor, hidden columns, the view in use)
// is in the URL and all filtering/sorting/paging happens in the database, so a URL is a shareable,
// bookmarkable view; saved views are named URLs kept per person or for the team.
export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("case:read");
  const params = toUrlParams(await searchParams);
  const raw = listQueryFromSearchParams(params);
  const parsed = listCasesSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listCasesSchema.parse({});

  const { page, problem } = await listOrExplain(staff, raw);
  const members = await listTenantMembers(staff);
  const saved = await listSavedViews(staff);
  const current = currentView(params, saved);
  const title = current ? ("name" in current.view ? current.view.name : current.view.label) : null;

  return (
    <div className="grid gap-8 xl:grid-cols-[14rem_minmax(0,1fr)]">
      <ViewsMenu saved={saved} current={current} />
      <div className="min-w-0 space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">Cases{title ? <span className="text-slate-700"> · {title}</span> : null}</h1>
          {current?.modified ? <p className="text-sm text-slate-700">Filters changed since the view was opened.</p> : null}
        </div>
        {problem ? <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{problem}</p> : null}
        {query.inactiveMinHours !== undefined ? (
          <p className="text-sm text-slate-700">
            Showing cases with no activity for {query.inactiveMinHours} hours or more.{" "}
            <Link href={`/cases?${withoutParam(params, "inactiveMinHours")}`} className="text-blue-700 underline">Show all activity</Link>
          </p>
        ) : null}
        <CaseFilters key={params.toString()} query={query} members={members} />
        <section aria-label="Saved views" className="space-y-3">
          <SaveViewForm key={`save-${params.toString()}`} canShare={can(staff.actor.role, "views:curate_team")} />
          {current?.kind === "saved" && current.view.canManage ? (
            <ManageViewForms key={`manage-${current.view.id}-${current.view.name}`} viewId={current.view.id} name={current.view.name} modified={current.modified} />
          ) : null}
        </section>
        <CaseTable
          items={page.items}
          nextCursor={page.nextCursor}
          prevCursor={page.prevCursor}
          sort={query.sort}
          dir={query.dir}
          hidden={(params.get("hide") ?? "").split(",").filter(Boolean)}
          members={members}
          canAssign={can(staff.actor.role, "case:assign")}
          canWrite={can(staff.actor.role, "case:write")}
        />
        <ListShortcuts />
      </div>
    </div>
  );
}

// A bad address (an old bookmark, a hand-edited URL) shows every case with the reason, not an error page.
async function listOrExplain(staff: Parameters<typeof listCases>[0], raw: Record<string, unknown>): Promise<{ page: CaseListPage; problem: string | null }> {
  try {
    return { page: await listCases(staff, raw), problem: null };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    return { page: await listCases(staff, {}), problem: `This view's address has a problem (${error.message}). Showing all cases instead.` };
  }
}

function withoutParam(params: URLSearchParams, name: string): string {
  const rest = new URLSearchParams(params);
  rest.delete(name);
  return rest.toString();
}

function toUrlParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}
