"use server";

import { redirect } from "next/navigation";
import { problemFor } from "@/lib/http/problem";
import { listQueryFromSearchParams } from "@/lib/cases/list/list-query-params";
import { queueHref } from "@/lib/cases/list/case-queues";
import { createSavedView, deleteSavedView, updateSavedView } from "@/lib/saved-views/manage-views";
import { requireStaffAction } from "@/app/_server/staff";

// Saved views from the list page. Each form posts the list's current URL query (`search`); the
// service validates it with the list's own schema. Success redirects to the view, so the forms work
// without JavaScript too (useActionState keeps the errors when they don't).

export type ViewFormState = { message: string | null; fields: Record<string, string> };

const FAILED: ViewFormState = { message: null, fields: {} };

function fromSearch(form: FormData) {
  const search = new URLSearchParams(String(form.get("search") ?? ""));
  const hide = (search.get("hide") ?? "").split(",").filter(Boolean);
  return { query: listQueryFromSearchParams(search), hiddenColumns: hide };
}

async function attempt(name: string, work: () => Promise<string>): Promise<ViewFormState> {
  let destination: string;
  try {
    destination = await work();
  } catch (error) {
    const body = problemFor(error, `server action ${name}`).body.error;
    return { ...FAILED, message: body.message, fields: Object.fromEntries((body.fields ?? []).map((field) => [field.path, field.message])) };
  }
  redirect(destination);
}

/** Save the current filters, sort and columns as a new view (personal, or the team's). */
export async function saveViewAction(_previous: ViewFormState, form: FormData): Promise<ViewFormState> {
  return attempt("saveView", async () => {
    const staff = await requireStaffAction("case:read");
    const view = await createSavedView(staff, { name: form.get("name"), shared: form.get("shared") === "on", ...fromSearch(form) });
    return view.href;
  });
}

/** Re-save a view with the current filters, sort and columns. */
export async function resaveViewAction(_previous: ViewFormState, form: FormData): Promise<ViewFormState> {
  return attempt("resaveView", async () => {
    const staff = await requireStaffAction("case:read");
    const view = await updateSavedView(staff, String(form.get("viewId") ?? ""), fromSearch(form));
    return view.href;
  });
}

export async function renameViewAction(_previous: ViewFormState, form: FormData): Promise<ViewFormState> {
  return attempt("renameView", async () => {
    const staff = await requireStaffAction("case:read");
    const view = await updateSavedView(staff, String(form.get("viewId") ?? ""), { name: form.get("name") });
    return view.href;
  });
}

export async function deleteViewAction(_previous: ViewFormState, form: FormData): Promise<ViewFormState> {
  return attempt("deleteView", async () => {
    const staff = await requireStaffAction("case:read");
    await deleteSavedView(staff, String(form.get("viewId") ?? ""));
    return queueHref("my-open");
  });
}
