"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import type { ListSort } from "@/lib/cases/schemas/case-schemas";
import type { CaseListItem } from "@/lib/cases/schemas/case-response-schemas";
import type { TenantMember } from "@/lib/members/tenant-members";
import { CustomerRepliedBadge, ReturnedBadge, StatusBadge } from "@/components/case/badges";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { ProblemAge, RelativeTime } from "@/components/time/relative-time";
import { BulkActions } from "@/app/(staff)/cases/_components/bulk-actions";
import { listHref } from "@/app/(staff)/cases/_components/list-url";

// The hideable columns' ids are the ones saved views may hide (lib/cases/list/list-columns.ts).
// Server-side table: the rows arrive filtered, sorted and paged by the database. TanStack Table
// holds the view state (sorting, column visibility, selection) and renders; sorting and visibility
// are controlled from the URL, so every change is a navigation that the server answers.

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, CaseListItem>();
const SORTABLE = new Set<string>(["number", "problemSince", "updatedAt", "createdAt"]);

const columns = helper.columns([
  helper.display({
    id: "select",
    enableHiding: false,
    enableSorting: false,
    header: ({ table }) => (
      <input type="checkbox" aria-label="Select all cases on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => { if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected(); }}
        onChange={table.getToggleAllPageRowsSelectedHandler()} />
    ),
    cell: ({ row }) => (
      <input type="checkbox" aria-label={`Select case ${row.original.displayNumber}`}
        checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
    ),
  }),
  helper.accessor("number", {
    header: "Case",
    enableHiding: false,
    cell: ({ row }) => <Link href={`/cases/${row.original.id}`} data-case-link className="font-medium text-blue-800 underline">{row.original.displayNumber}</Link>,
  }),
  helper.accessor((row) => row.customer.name, {
    id: "customer",
    header: "Customer",
    enableSorting: false,
    cell: ({ row }) => (
      <>
        <span className="block">{row.original.customer.name}</span>
        {row.original.customer.email ? <span className="block text-xs text-slate-600">{row.original.customer.email}</span> : null}
      </>
    ),
  }),
  helper.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-1">
        <StatusBadge status={row.original.status} />
        {row.original.returned ? <ReturnedBadge /> : null}
        <CustomerRepliedBadge at={row.original.customerRepliedAt} />
      </span>
    ),
  }),
  helper.accessor((row) => row.devices.map((d) => d.model ?? PLATFORM_LABELS[d.platform]).join(", "), {
    id: "devices",
    header: "Devices",
    enableSorting: false,
    cell: ({ row }) => (
      <ul>{row.original.devices.map((d, i) => <li key={i}>{d.model ?? "Model unknown"} <span className="text-xs text-slate-600">({PLATFORM_LABELS[d.platform]})</span></li>)}</ul>
    ),
  }),
  helper.accessor((row) => row.assignee?.name ?? "", { id: "assignee", header: "Assignee", enableSorting: false, cell: ({ getValue }) => getValue() || "Unassigned" }),
  helper.accessor("problemSince", { header: "Problem age", cell: ({ getValue }) => <ProblemAge since={getValue()} /> }),
  helper.accessor("escalationReady", {
    header: "Escalation",
    enableSorting: false,
    // Ready now; or, when only the waiting time is missing, when it will be ("Ready in 5 h").
    cell: ({ row }) => (row.original.escalationReady ? "Ready" : row.original.escalationReadyAt
      ? <>Ready <RelativeTime iso={row.original.escalationReadyAt} /></>
      : "Not ready"),
  }),
  helper.accessor("updatedAt", { header: "Updated", cell: ({ getValue }) => <RelativeTime iso={getValue()} /> }),
  helper.accessor("createdAt", { header: "Opened", cell: ({ getValue }) => <RelativeTime iso={getValue()} /> }),
]);


const visibilityOf = (hidden: string[]): ColumnVisibilityState => Object.fromEntries(hidden.map((id) => [id, false]));

const resolve = <T,>(updater: Updater<T>, old: T): T => (typeof updater === "function" ? (updater as (old: T) => T)(old) : updater);

export function CaseTable({ items, nextCursor, prevCursor, sort, dir, hidden, members, canAssign, canWrite }: {
  items: CaseListItem[];
  nextCursor: string | null;
  prevCursor: string | null;
  sort: ListSort;
  dir: "asc" | "desc";
  hidden: string[];
  members: TenantMember[];
  canAssign: boolean;
  canWrite: boolean;
}) {
  const router = useRouter();
  const isFirstPage = prevCursor === null;
  const current = new URLSearchParams(useSearchParams().toString());
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [bulkMessage, setBulkMessage] = useState<string | null>(null);
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  // Visibility changes show at once; the URL (the shareable state) follows with router.replace.
  // When the URL changes from elsewhere (back button, a shared link), it wins.
  const hiddenKey = hidden.join(",");
  const [visibility, setVisibility] = useState(() => ({ fromUrl: hiddenKey, state: visibilityOf(hidden) }));
  if (visibility.fromUrl !== hiddenKey) setVisibility({ fromUrl: hiddenKey, state: visibilityOf(hidden) });
  const columnVisibility = visibility.state;

  function changeVisibility(next: ColumnVisibilityState) {
    const hide = Object.entries(next).filter(([, visible]) => visible === false).map(([id]) => id);
    setVisibility((previous) => ({ fromUrl: previous.fromUrl, state: next }));
    router.replace(listHref(current, { hide: hide.join(",") || null }, true), { scroll: false });
  }

  const table = useTable({
    features,
    columns,
    data: items,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      if (!next || !SORTABLE.has(next.id)) return;
      router.push(listHref(current, { sort: next.id === "updatedAt" ? null : next.id, dir: next.desc ? null : "asc" }));
    },
    onColumnVisibilityChange: (updater) => changeVisibility(resolve(updater, columnVisibility)),
    onRowSelectionChange: setRowSelection,
  });

  const selectedIds = table.getSelectedRowIds();
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());

  return (
    <section aria-labelledby="results-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="results-title" className="text-lg font-semibold">
          {items.length === 0 ? "No cases match" : `Showing ${items.length} case${items.length === 1 ? "" : "s"}${isFirstPage ? "" : " (later page)"}`}
        </h2>
        <details className="relative text-sm">
          <summary className="cursor-pointer rounded-md border border-slate-400 bg-white px-3 py-1.5">Columns</summary>
          <fieldset className="absolute right-0 z-10 mt-1 w-48 space-y-1 rounded-md border border-slate-300 bg-white p-3 shadow">
            <legend className="sr-only">Columns to show</legend>
            {hideable.map((column) => (
              <label key={column.id} className="flex items-center gap-2">
                <input type="checkbox" checked={columnVisibility[column.id] !== false} onChange={(event) => column.toggleVisibility(event.target.checked)} />
                {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
              </label>
            ))}
          </fieldset>
        </details>
      </div>

      {canWrite && selectedIds.length > 0 ? (
        <BulkActions ids={selectedIds} members={members} canAssign={canAssign} onDone={(message) => { setRowSelection({}); setBulkMessage(message); }} />
      ) : null}
      <p aria-live="polite" className="text-sm text-emerald-800">{bulkMessage}</p>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus:outline-none focus:ring-2 focus:ring-blue-600" tabIndex={0} role="region" aria-labelledby="results-title">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Cases, sorted by {sort} {dir === "desc" ? "descending" : "ascending"}</caption>
          <thead className="bg-slate-100">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = SORTABLE.has(header.column.id);
                  return (
                    <th key={header.id} scope="col" className="p-2 font-medium"
                      aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}>
                      {header.isPlaceholder ? null : canSort ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top focus-within:bg-blue-50" data-case-id={row.original.id}
                data-summary={`Case ${row.original.displayNumber}, ${row.original.customer.name}, ${CASE_STATUS_LABELS[row.original.status]}`}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="p-2"><table.FlexRender cell={cell} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {!isFirstPage ? <Link href={listHref(current, {})} className="rounded-md border border-slate-400 bg-white px-3 py-1.5">First page</Link> : null}
        {prevCursor ? <Link href={listHref(current, { cursor: prevCursor }, true)} rel="prev" className="rounded-md border border-slate-400 bg-white px-3 py-1.5">Previous page</Link> : null}
        {nextCursor ? <Link href={listHref(current, { cursor: nextCursor }, true)} rel="next" className="rounded-md border border-slate-400 bg-white px-3 py-1.5">Next page</Link> : null}
      </nav>
    </section>
  );
}
