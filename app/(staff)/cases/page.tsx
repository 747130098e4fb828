import { AppError } from "@/lib/errors/app-error";
import { can } from "@/lib/auth/permissions";
import { listCasesSchema } from "@/lib/cases/case-schemas";
import { listCases } from "@/lib/cases/list-cases";
import type { CaseListPage } from "@/lib/cases/case-response-schemas";
import { listQueryFromSearchParams } from "@/lib/cases/list-query-params";
import { listTenantMembers } from "@/lib/members/tenant-members";
import { requireStaffPage } from "@/app/_server/staff";
import { CaseFilters } from "@/app/(staff)/cases/_components/case-filters";
import { CaseTable } from "@/app/(staff)/cases/_components/case-table";

export const metadata = { title: "Cases" };

type SearchParams = Record<string, string | string[] | undefined>;

// GET /cases — the case list. All state (filters, sort, cursor, hidden columns) is in the URL and
// all filtering/sorting/paging happens in the database, so a URL is a shareable, bookmarkable view.
export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("case:read");
  const params = toUrlParams(await searchParams);
  const raw = listQueryFromSearchParams(params);
  const parsed = listCasesSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listCasesSchema.parse({});

  let page: CaseListPage = { items: [], nextCursor: null };
  let problem: string | null = null;
  try {
    page = await listCases(staff, raw);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    problem = `This view's address has a problem (${error.message}). Showing all cases instead.`;
    page = await listCases(staff, {});
  }
  const members = await listTenantMembers(staff);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cases</h1>
      {problem ? <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{problem}</p> : null}
      <CaseFilters key={params.toString()} query={query} members={members} />
      <CaseTable
        items={page.items}
        nextCursor={page.nextCursor}
        sort={query.sort}
        dir={query.dir}
        hidden={(params.get("hide") ?? "").split(",").filter(Boolean)}
        isFirstPage={!query.cursor}
        members={members}
        canAssign={can(staff.actor.role, "case:assign")}
        canWrite={can(staff.actor.role, "case:write")}
      />
    </div>
  );
}

function toUrlParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}
