"use client";

import { useActionState, useId } from "react";
import { useSearchParams } from "next/navigation";
import { inputClass } from "@/components/ui/fields";
import {
  deleteViewAction,
  renameViewAction,
  resaveViewAction,
  saveViewAction,
  type ViewFormState,
} from "@/app/(staff)/cases/_views/view-actions";

const INITIAL: ViewFormState = { message: null, fields: {} };

/** The list's current query, posted with each form so the server saves exactly what is shown. */
function CurrentSearch() {
  const search = useSearchParams();
  const params = new URLSearchParams(search.toString());
  params.delete("cursor");
  return <input type="hidden" name="search" value={params.toString()} />;
}

function FormError({ state }: { state: ViewFormState }) {
  const other = Object.entries(state.fields).filter(([path]) => path !== "name");
  if (!state.message || (other.length === 0 && state.fields.name)) return null;
  return <p role="alert" className="text-sm font-medium text-red-800">{other.length > 0 ? other.map(([path, message]) => `${path}: ${message}`).join(" ") : state.message}</p>;
}

/** "Save as a view": a name, and for curators the choice to share it with the team. */
export function SaveViewForm({ canShare }: { canShare: boolean }) {
  const uid = useId();
  const [state, action, pending] = useActionState(saveViewAction, INITIAL);
  const nameError = state.fields.name;
  return (
    <form action={action} aria-label="Save as a view" className="flex flex-wrap items-end gap-3">
      <CurrentSearch />
      <div>
        <label htmlFor={`${uid}-name`} className="block text-sm font-medium text-slate-800">Save these filters as a view</label>
        <input id={`${uid}-name`} name="name" required maxLength={80} placeholder="View name" className={`${inputClass} w-64`}
          aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `${uid}-name-error` : undefined} />
        {nameError ? <p id={`${uid}-name-error`} className="mt-1 text-sm font-medium text-red-800">{nameError}</p> : null}
      </div>
      {canShare ? (
        <label className="flex items-center gap-1.5 pb-2 text-sm">
          <input type="checkbox" name="shared" /> Share with the team
        </label>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md border border-blue-700 px-3 py-2 text-sm font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-60">
        {pending ? "Saving…" : "Save view"}
      </button>
      <FormError state={state} />
    </form>
  );
}

/** For a saved view its manager may change: re-save with the current filters, rename, delete. */
export function ManageViewForms({ viewId, name, modified }: { viewId: string; name: string; modified: boolean }) {
  const uid = useId();
  const [resaved, resave, resaving] = useActionState(resaveViewAction, INITIAL);
  const [renamed, rename, renaming] = useActionState(renameViewAction, INITIAL);
  const [deleted, remove, deleting] = useActionState(deleteViewAction, INITIAL);
  const button = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-60";
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Manage “{name}”</summary>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <form action={resave}>
          <CurrentSearch />
          <input type="hidden" name="viewId" value={viewId} />
          <button type="submit" disabled={resaving || !modified} className={button}>
            {modified ? "Save the current filters to this view" : "No changes to save"}
          </button>
          <FormError state={resaved} />
        </form>
        <form action={rename} className="flex items-end gap-2">
          <input type="hidden" name="viewId" value={viewId} />
          <div>
            <label htmlFor={`${uid}-rename`} className="block font-medium text-slate-800">New name</label>
            <input id={`${uid}-rename`} name="name" defaultValue={name} required maxLength={80} className={`${inputClass} w-56`}
              aria-invalid={renamed.fields.name ? true : undefined} aria-describedby={renamed.fields.name ? `${uid}-rename-error` : undefined} />
            {renamed.fields.name ? <p id={`${uid}-rename-error`} className="mt-1 font-medium text-red-800">{renamed.fields.name}</p> : null}
          </div>
          <button type="submit" disabled={renaming} className={button}>Rename</button>
          <FormError state={renamed} />
        </form>
        <form action={remove} onSubmit={(event) => { if (!window.confirm(`Delete the view “${name}”?`)) event.preventDefault(); }}>
          <input type="hidden" name="viewId" value={viewId} />
          <button type="submit" disabled={deleting} className="rounded-md border border-red-700 px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
            Delete view
          </button>
          <FormError state={deleted} />
        </form>
      </div>
    </details>
  );
}
