"use server";

import { redirect } from "next/navigation";
import { displayCaseNumber } from "@/lib/cases/case-number";
import { runEscalationAction } from "@/lib/escalation/escalation-action";
import { requireStaffAction } from "@/app/_server/staff";
import { runAction } from "@/app/(staff)/cases/action-result";
import type { EscalationFormState } from "@/app/(staff)/escalations/form-state";

// The escalation forms (submit on the case page; approve / return on the review). They post plain
// form data, so they work before JavaScript loads; the service validates and authorises again.

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

const optional = (value: string) => (value.trim() === "" ? null : value);

export async function submitEscalationAction(_previous: EscalationFormState, form: FormData): Promise<EscalationFormState> {
  const caseId = field(form, "caseId");
  const values = { note: field(form, "note"), override: field(form, "override") };
  const result = await runAction("submitEscalation", async () => {
    const staff = await requireStaffAction("case:submit_escalation");
    const body = { action: "submit", version: Number(field(form, "version")), note: optional(values.note), override: optional(values.override) };
    return { case: await runEscalationAction(staff, caseId, body) };
  });
  if (!result.ok) return { error: result.error, values };
  redirect(`/cases/${result.case.id}`);
}

export async function reviewEscalationAction(_previous: EscalationFormState, form: FormData): Promise<EscalationFormState> {
  const caseId = field(form, "caseId");
  const action = field(form, "action");
  const values = { appleCaseNumber: field(form, "appleCaseNumber"), reason: field(form, "reason") };
  const result = await runAction("reviewEscalation", async () => {
    const staff = await requireStaffAction("escalation:review");
    const version = Number(field(form, "version"));
    const body = action === "approve" ? { action, version, appleCaseNumber: values.appleCaseNumber } : { action, version, reason: values.reason };
    return { case: await runEscalationAction(staff, caseId, body) };
  });
  if (!result.ok) return { error: result.error, values };
  const decided = action === "approve" ? "approved" : "returned";
  redirect(`/escalations?${decided}=${encodeURIComponent(displayCaseNumber(result.case.number))}`);
}
