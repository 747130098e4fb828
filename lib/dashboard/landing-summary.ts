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
    // One connection per transaction: queries run one after another, not in parallel.
    return {
      openCases: await tx.case.count({ where: active }),
      myOpenCases: await tx.case.count({ where: { ...active, assigneeId: userId } }),
      waitingOnCustomer: await tx.case.count({ where: { tenantId, status: "waiting_on_customer" } }),
      inEscalationReview: await tx.case.count({ where: { tenantId, status: "escalation_review" } }),
      readyToEscalate: await tx.case.count({ where: { ...active, escalationReadyAt: { lte: now } } }),
      activeMembers: await tx.membership.count({ where: { tenantId, deactivatedAt: null, user: { disabledAt: null } } }),
      activeApiTokens: await tx.apiToken.count({ where: { tenantId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    };
  });
}
