"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PLATFORMS } from "@/lib/facts/schema";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { CASE_STATUSES, type PROBLEM_AGE_BUCKETS, type ListCasesQuery } from "@/lib/cases/schemas/case-schemas";
import type { TenantMember } from "@/lib/members/tenant-members";
import { SelectField, TextField } from "@/components/ui/fields";
import { CASE_STATUS_LABELS } from "@/lib/cases/view/status-labels";
import { listHref } from "@/app/(staff)/cases/_components/list-url";

const AGE_LABELS: Record<keyof typeof PROBLEM_AGE_BUCKETS, string> = {
  under_1d: "Under a day",
  "1d_3d": "1 to 3 days",
  "3d_7d": "3 to 7 days",
  over_7d: "Over a week",
};

/** The list's filters. Applying them writes the URL; the server does the filtering. */
export function CaseFilters({ query, members }: { query: ListCasesQuery; members: TenantMember[] }) {
  const router = useRouter();
  const current = useSearchParams();
  const [q, setQ] = useState(query.q ?? "");
  const [statuses, setStatuses] = useState<string[]>(query.status);
  const [platforms, setPlatforms] = useState<string[]>(query.platform);
  const [ready, setReady] = useState(query.escalationReady === undefined ? "" : String(query.escalationReady));
  const [returned, setReturned] = useState(query.returned === undefined ? "" : String(query.returned));
  const [replied, setReplied] = useState(query.customerReplied === undefined ? "" : String(query.customerReplied));
  const [assignee, setAssignee] = useState(query.assignee ?? "");
  const [age, setAge] = useState<string>(query.problemAge ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    router.push(listHref(new URLSearchParams(current.toString()), {
      q: q.trim() || null,
      status: statuses.join(",") || null,
      platform: platforms.join(",") || null,
      escalationReady: ready || null,
      returned: returned || null,
      customerReplied: replied || null,
      assignee: assignee || null,
      problemAge: age || null,
    }));
  }

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const mine = query.assignee === "me";
  const base = new URLSearchParams(current.toString());

  return (
    <form role="search" aria-label="Filter cases" onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 md:grid-cols-4">
        <TextField id="filter-q" label="Search" type="search" className="md:col-span-2"
          hint="Customer name or email, device model, or case number" value={q} onValue={setQ} />
        <SelectField id="filter-assignee" label="Assignee" value={assignee} onValue={setAssignee}
          options={[{ value: "", label: "Anyone" }, { value: "me", label: "Assigned to me" }, { value: "unassigned", label: "Unassigned" },
            ...members.map((m) => ({ value: m.id, label: m.name }))]} />
        <SelectField id="filter-age" label="Problem age" value={age} onValue={setAge}
          options={[{ value: "", label: "Any age" }, ...Object.entries(AGE_LABELS).map(([value, label]) => ({ value, label }))]} />
        <SelectField id="filter-ready" label="Escalation" value={ready} onValue={setReady}
          options={[{ value: "", label: "Any" }, { value: "true", label: "Ready to escalate" }, { value: "false", label: "Not ready" }]} />
        <SelectField id="filter-returned" label="Returned by a supervisor" value={returned} onValue={setReturned}
          options={[{ value: "", label: "Any" }, { value: "true", label: "Returned" }, { value: "false", label: "Not returned" }]} />
        <SelectField id="filter-replied" label="Customer replied" value={replied} onValue={setReplied}
          options={[{ value: "", label: "Any" }, { value: "true", label: "Customer replied" }, { value: "false", label: "No new reply" }]} />
        <fieldset className="md:col-span-2">
          <legend className="text-sm font-medium text-slate-800">Status</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {CASE_STATUSES.map((status) => (
              <label key={status} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={statuses.includes(status)} onChange={(e) => setStatuses(toggle(statuses, status, e.target.checked))} />
                {CASE_STATUS_LABELS[status]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Platform</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {PLATFORMS.map((platform) => (
              <label key={platform} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={platforms.includes(platform)} onChange={(e) => setPlatforms(toggle(platforms, platform, e.target.checked))} />
                {PLATFORM_LABELS[platform]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">Apply filters</button>
        <Link href={listHref(base, { assignee: mine ? null : "me" })}
          className={`rounded-md border px-3 py-2 text-sm ${mine ? "border-blue-700 bg-blue-50 font-medium text-blue-900" : "border-slate-400 text-slate-800 hover:bg-slate-100"}`}>
          {mine ? <>✓ Assigned to me<span className="sr-only"> (on: select to show everyone's)</span></> : "Assigned to me"}
        </Link>
        <Link href={listHref(new URLSearchParams(), { sort: base.get("sort"), dir: base.get("dir"), hide: base.get("hide") })}
          className="text-sm text-blue-800 underline">Clear filters</Link>
      </div>
    </form>
  );
}
