"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { statusEditTargets } from "@/lib/cases/status-transitions";
import type { TenantMember } from "@/lib/members/tenant-members";
import { SelectField } from "@/components/ui/fields";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { changeAssigneeAction, changeStatusAction } from "@/app/(staff)/cases/[id]/actions";

/** Status (open / waiting on customer / resolved) and assignee, each saved on its own. */
export function CaseControls({ caseId, version, status, assigneeId, members, canAssign }: {
  caseId: string;
  version: number;
  status: CaseStatus;
  assigneeId: string | null;
  members: TenantMember[];
  canAssign: boolean;
}) {
  const router = useRouter();
  const [nextStatus, setNextStatus] = useState<string>(status);
  const [nextAssignee, setNextAssignee] = useState<string>(assigneeId ?? "");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // The statuses a status edit may set from here (lib/cases/status-transitions.ts); none while in review.
  const targets = statusEditTargets(status);

  async function save(kind: "status" | "assignee") {
    setPending(true);
    const result = await (kind === "status"
      ? changeStatusAction(caseId, version, nextStatus)
      : changeAssigneeAction(caseId, version, nextAssignee || null)
    ).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setMessage({ kind: "ok", text: kind === "status" ? "Status saved." : "Assignee saved." });
      router.refresh();
    } else {
      const error = result?.ok === false ? result.error : null;
      setMessage({
        kind: "error",
        text: error?.code === "conflict"
          ? "Someone else changed this case meanwhile. The page now shows the latest; choose again."
          : error?.fields?.map((f) => f.message).join(" ") || error?.message || "Not saved: check the connection and try again.",
      });
      if (error?.code === "conflict") router.refresh();
    }
  }

  return (
    <section aria-labelledby="controls-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="controls-title" className="sr-only">Status and assignee</h2>
      <div className="flex flex-wrap items-end gap-6">
        {targets.length > 0 ? (
          <div className="flex items-end gap-2">
            <SelectField id="case-status" label="Status" value={nextStatus} onValue={setNextStatus}
              options={targets.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }))} />
            <button type="button" disabled={pending || nextStatus === status} onClick={() => void save("status")}
              className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-400">
              Save status
            </button>
          </div>
        ) : (
          <p className="text-sm">Status: {CASE_STATUS_LABELS[status]} (changes through the escalation review)</p>
        )}
        {canAssign ? (
          <div className="flex items-end gap-2">
            <SelectField id="case-assignee" label="Assignee" value={nextAssignee} onValue={setNextAssignee}
              options={[{ value: "", label: "Unassigned" }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
            <button type="button" disabled={pending || nextAssignee === (assigneeId ?? "")} onClick={() => void save("assignee")}
              className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-400">
              Save assignee
            </button>
          </div>
        ) : null}
        <p aria-live="polite" className={`text-sm ${message?.kind === "error" ? "text-red-800" : "text-emerald-800"}`}>{message?.text}</p>
      </div>
    </section>
  );
}
