import { withTenant } from "@/lib/tenancy/with-tenant";
import type { TenantContext } from "@/lib/tenancy/context";

// The figures each role's landing page opens with, in one transaction.
export interface LandingSummary {
  openCases: number;
  myOpenCases: number;
  waitingOnCustomer: number;
  inEscalationReview: number;
  readyToEscalate: number;
  activeMembers: number;
  activeApiTokens: number;
}

export async function landingSummary(ctx: TenantContext, userId: string, now = new Date()): Promise<LandingSummary> {
  const { tenantId } = ctx;
  return withTenant(tenantId, async (tx) => {
    const active = { tenantId, status: { in: ["open", "waiting_on_customer"] as ("open" | "waiting_on_customer")[] } };
    const [openCases, myOpenCases, waitingOnCustomer, inEscalationReview, readyToEscalate, activeMembers, activeApiTokens] =
      await Promise.all([
        tx.case.count({ where: active }),
        tx.case.count({ where: { ...active, assigneeId: userId } }),
        tx.case.count({ where: { tenantId, status: "waiting_on_customer" } }),
        tx.case.count({ where: { tenantId, status: "escalation_review" } }),
        tx.case.count({ where: { ...active, escalationReadyAt: { lte: now } } }),
        tx.membership.count({ where: { tenantId, deactivatedAt: null } }),
        tx.apiToken.count({ where: { tenantId, revokedAt: null } }),
      ]);
    return { openCases, myOpenCases, waitingOnCustomer, inEscalationReview, readyToEscalate, activeMembers, activeApiTokens };
  });
}
