"use server";

import { createCase } from "@/lib/cases/create-case";
import { requireStaffAction } from "@/app/_server/staff";
import { runAction, type ActionResult } from "@/app/(staff)/cases/action-result";

/** Intake: the facts JSON as the form shaped it; the service validates it (field errors come back). */
export async function createCaseAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction("createCase", async () => {
    const staff = await requireStaffAction("case:write");
    const result = await createCase(staff, raw);
    return { id: result.case.id };
  });
}
