"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { AGENT_STATUSES } from "@/lib/cases/schemas/case-schemas";
import type { TenantMember } from "@/lib/members/tenant-members";
import { SelectField } from "@/components/ui/fields";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { bulkUpdateAction } from "@/app/(staff)/cases/actions";

/** Bulk assign / bulk status change of the selected rows, through the bulk service. */
export function BulkActions({ ids, members, canAssign, onDone }: { ids: string[]; members: TenantMember[]; canAssign: boolean; onDone: (message: string) => void }) {
  const router = useRouter();
  const [assignee, setAssignee] = useState("");
  const [status, setStatus] = useState<string>("open");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function apply(change: { assigneeId: string | null } | { status: string }) {
    setPending(true);
    const result = await bulkUpdateAction({ ids, ...change }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setMessage(result?.ok === false ? result.error.message : "Not saved: check the connection and try again.");
      return;
    }
    const { updated, skipped, notFound } = result.result;
    onDone(`${updated} case${updated === 1 ? "" : "s"} updated${skipped.length ? `, ${skipped.length} left alone (in escalation)` : ""}${notFound ? `, ${notFound} not found` : ""}.`);
    router.refresh();
  }

  return (
    <section aria-label="Bulk actions" className="flex flex-wrap items-end gap-6 rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm">
      <p className="font-medium">{ids.length} selected</p>
      {canAssign ? (
        <div className="flex items-end gap-2">
          <SelectField id="bulk-assignee" label="Assign to" value={assignee} onValue={setAssignee}
            options={[{ value: "", label: "Unassigned" }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
          <button type="button" disabled={pending} onClick={() => void apply({ assigneeId: assignee || null })}
            className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">Assign</button>
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <SelectField id="bulk-status" label="Set status" value={status} onValue={setStatus}
          options={AGENT_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }))} />
        <button type="button" disabled={pending} onClick={() => void apply({ status })}
          className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">Apply status</button>
      </div>
      {message ? <p role="alert" className="text-red-800">{message}</p> : null}
    </section>
  );
}
