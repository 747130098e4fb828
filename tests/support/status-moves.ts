import type { CaseStatus } from "@/lib/cases/schemas/case-schemas";
import { loadCaseRecord } from "@/lib/cases/case-record";
import { lockCase } from "@/lib/cases/lock-case";
import { saveCase } from "@/lib/cases/save-case";
import { statusChange } from "@/lib/cases/status-transitions";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/**
 * Moves a case to any status through the shared save path (as the escalation review does), at a
 * given moment: for building histories with escalations and returns in tests.
 */
export async function moveStatus(ctx: TenantContext, caseId: string, to: CaseStatus, now: Date): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    if (!(await lockCase(tx, ctx.tenantId, caseId))) throw new Error(`No case ${caseId}`);
    const record = (await loadCaseRecord(tx, ctx.tenantId, caseId))!;
    const change = statusChange(caseId, record.row.status, to, now);
    await saveCase(tx, ctx, { record, now, data: change.data, events: [change.event] });
  });
}
