import Link from "next/link";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/audit-actions";
import { auditChanges } from "@/lib/audit/audit-changes";
import { listAudit, type AuditPage } from "@/lib/audit/list-audit";
import { AppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/components/case/format";
import { requireStaffPage } from "@/app/_server/staff";
import { AdminNav } from "@/app/(staff)/admin/_components/admin-nav";

export const metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

// GET /admin/audit — who changed which member, token or setting, when, from what to what; newest
// first, a page at a time (the same service as GET /api/v1/audit).
export default async function AuditPageView({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaffPage("audit:read");
  const params = await searchParams;
  const query = {
    ...(typeof params.cursor === "string" ? { cursor: params.cursor } : {}),
    ...(typeof params.action === "string" && params.action !== "" ? { action: params.action } : {}),
  };
  let page: AuditPage;
  let problem: string | null = null;
  try {
    page = await listAudit(staff, query);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_failed")) throw error;
    problem = `This address has a problem (${error.message}). Showing the newest entries instead.`;
    page = await listAudit(staff, {});
  }
  const action = typeof query.action === "string" && query.action in AUDIT_ACTIONS ? (query.action as AuditAction) : null;
  const next = page.nextCursor ? `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <AdminNav current="/admin/audit" />
      <h1 className="text-2xl font-semibold">Audit log</h1>
      {problem ? <p role="alert" className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">{problem}</p> : null}
      <form method="get" className="flex items-end gap-2">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">Show</label>
          <select id="audit-action" name="action" defaultValue={action ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
            <option value="">Every change</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Filter</button>
      </form>
      <section aria-labelledby="audit-title">
        <h2 id="audit-title" className="sr-only">Entries, newest first</h2>
        {page.items.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing recorded{action ? " of this kind" : ""} yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2">When</th>
                  <th scope="col" className="px-4 py-2">Who</th>
                  <th scope="col" className="px-4 py-2">What</th>
                  <th scope="col" className="px-4 py-2">Of</th>
                  <th scope="col" className="px-4 py-2">Before → after</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((entry) => {
                  const changes = auditChanges(entry.before, entry.after);
                  return (
                    <tr key={entry.id} data-testid="audit-row" className="border-t border-slate-200 align-top">
                      <td className="whitespace-nowrap px-4 py-3">{formatDateTime(entry.at)}</td>
                      <td className="px-4 py-3">{entry.actor.label}</td>
                      <td className="px-4 py-3">{AUDIT_ACTIONS[entry.action] ?? entry.action}</td>
                      <td className="px-4 py-3">{entry.target.label}</td>
                      <td className="px-4 py-3">
                        {changes.length === 0 ? <span className="text-slate-600">—</span> : (
                          <ul className="space-y-0.5">
                            {changes.map((change) => (
                              <li key={change.path}>
                                <span className="font-mono text-xs">{change.path}</span>: {change.before ?? "—"} → {change.after ?? "—"}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {query.cursor ? <Link href={action ? `/admin/audit?action=${action}` : "/admin/audit"} className="text-blue-800 underline">Newest</Link> : null}
        {next ? <Link href={next} className="text-blue-800 underline">Older entries</Link> : null}
      </nav>
    </div>
  );
}
