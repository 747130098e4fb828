"use server";

import { refresh } from "next/cache";
import { getCase } from "@/lib/cases/get-case";
import { updateCase } from "@/lib/cases/update-case";
import { recordStep } from "@/lib/cases/record-step";
import { rotateCustomerLink } from "@/lib/customer/rotate-customer-link";
import type { CaseView } from "@/lib/cases/view/case-view";
import { requireStaffAction } from "@/app/_server/staff";
import { runAction, type ActionResult } from "@/app/(staff)/cases/action-result";

// Case page actions. Ids from the client are passed to the services, which scope them by tenant.

/** Edit facts with the version the form was based on; a stale version comes back as a conflict. */
export async function updateFactsAction(unverifiedCaseId: string, version: number, facts: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction("updateFacts", async () => {
    const staff = await requireStaffAction("case:write");
    const view = await updateCase(staff, unverifiedCaseId, { version, facts });
    return { version: view.version };
  });
}

export async function changeStatusAction(unverifiedCaseId: string, version: number, status: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction("changeStatus", async () => {
    const staff = await requireStaffAction("case:write");
    const view = await updateCase(staff, unverifiedCaseId, { version, status });
    return { version: view.version };
  });
}

export async function changeAssigneeAction(unverifiedCaseId: string, version: number, assigneeId: string | null): Promise<ActionResult<{ version: number }>> {
  return runAction("changeAssignee", async () => {
    const staff = await requireStaffAction("case:assign");
    const view = await updateCase(staff, unverifiedCaseId, { version, assigneeId });
    return { version: view.version };
  });
}

/** Records a tried step; the page refreshes with the new order in the same response. */
export async function recordStepAction(unverifiedCaseId: string, step: unknown): Promise<ActionResult<{ stepId: string }>> {
  const result = await runAction("recordStep", async () => {
    const staff = await requireStaffAction("case:write");
    const recorded = await recordStep(staff, unverifiedCaseId, step);
    return { stepId: recorded.step.id };
  });
  if (result.ok) refresh();
  return result;
}

/** The latest case, for "Reload latest" after a conflict (the form keeps what was typed). */
export async function loadLatestCaseAction(unverifiedCaseId: string): Promise<ActionResult<{ case: CaseView }>> {
  return runAction("loadLatestCase", async () => {
    const staff = await requireStaffAction("case:read");
    return { case: await getCase(staff, unverifiedCaseId) };
  });
}

/** Creates or rotates the customer's link (a form action for useActionState); the secret path is returned only now. */
export async function rotateCustomerLinkAction(
  unverifiedCaseId: string,
  _previous: unknown,
  _form: FormData,
): Promise<ActionResult<{ path: string; expiresAt: string }> | null> {
  return runAction("rotateCustomerLink", async () => {
    const staff = await requireStaffAction("case:write");
    const link = await rotateCustomerLink(staff, unverifiedCaseId);
    return { path: link.path, expiresAt: link.expiresAt };
  });
}
