"use server";

import { bulkUpdateCases } from "@/lib/cases/bulk-update";
import type { BulkUpdateResult } from "@/lib/cases/schemas/case-response-schemas";
import { requireStaffAction } from "@/app/_server/staff";
import { runAction, type ActionResult } from "@/app/(staff)/cases/action-result";

/** Bulk assign or bulk status change of the selected cases (what each part needs is the service's rule). */
export async function bulkUpdateAction(input: { ids: string[]; assigneeId?: string | null; status?: string }): Promise<ActionResult<{ result: BulkUpdateResult }>> {
  return runAction("bulkUpdate", async () => {
    const staff = await requireStaffAction("case:write");
    return { result: await bulkUpdateCases(staff, input) };
  });
}
