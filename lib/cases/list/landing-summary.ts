import { CASE_QUEUES, type CaseQueueId } from "@/lib/cases/list/case-queues";
import { caseListWhere } from "@/lib/cases/list/list-filter";
import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantContext } from "@/lib/tenancy/context";

// The figures each role's landing page opens with, in one transaction. Case figures are counted
// with the case list's own filter (the queue's query through caseListWhere), so each figure is the
// number of rows of the list it links to.
export interface LandingSummary {
  queues: Partial<Record<CaseQueueId, number>>;
  activeMembers: number;
  activeApiTokens: number;
}

export async function landingSummary(ctx: TenantContext, queueIds: readonly CaseQueueId[], now = new Date()): Promise<LandingSummary> {
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => {
    const queues: Partial<Record<CaseQueueId, number>> = {};
    // One connection per transaction: queries run one after another, not in parallel.
    for (const id of queueIds) {
      queues[id] = await tx.case.count({ where: { AND: caseListWhere(ctx, CASE_QUEUES[id].query, now) } });
    }
    return {
      queues,
      activeMembers: await tx.membership.count({ where: { tenantId, deactivatedAt: null, user: { disabledAt: null } } }),
      activeApiTokens: await tx.apiToken.count({ where: { tenantId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    };
  });
}
