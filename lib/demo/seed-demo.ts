import { createCase } from "@/lib/cases/create-case";
import type { CaseView } from "@/lib/cases/view/case-view";
import { recordStep } from "@/lib/cases/record-step";
import { findUserForSignIn } from "@/lib/auth/users";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT } from "@/lib/demo/demo-accounts";
import { seedDemoApiToken } from "@/lib/demo/demo-api-token";
import { demoCases } from "@/lib/demo/demo-cases";
import { seedAdminDemo } from "@/lib/demo/seed-admin-demo";
import { seedDemoCustomerLinks } from "@/lib/demo/demo-customer-links";
import { seedDemoHistory } from "@/lib/demo/demo-history";
import { seedDemoDesk } from "@/lib/demo/demo-desk";
import { seedDemoEscalations } from "@/lib/demo/demo-escalations";
import { seedLongHistoryCase } from "@/lib/demo/demo-long-history";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";

export type DemoSeedResult = { status: "exists" } | { status: "created"; customerLinkPath: string | null };

/** Creates the demo tenant with its three accounts and a few dozen cases, unless it exists. */
export async function seedDemoTenant(options: { caseCount?: number; now?: Date } = {}): Promise<DemoSeedResult> {
  if (await findUserForSignIn(DEMO_ACCOUNTS[0]!.email)) return { status: "exists" };
  const now = options.now ?? new Date();
  const { tenantId, userIds } = await createTenantWithMembers({
    ...DEMO_TENANT,
    members: DEMO_ACCOUNTS.map((account) => ({ ...account, password: DEMO_PASSWORD })),
  });
  const [agentId, supervisorId, adminId] = userIds;
  await seedAdminDemo({ tenantId, actor: { kind: "user", userId: adminId!, role: "admin", label: DEMO_ACCOUNTS[2]!.name } }, now);
  await seedDemoApiToken(tenantId, adminId!);
  await seedDemoHistory({ tenantId, agentId: agentId!, supervisorId: supervisorId!, now });
  const ctx: TenantContext = { tenantId, actor: { kind: "user", userId: agentId!, role: "agent", label: DEMO_ACCOUNTS[0]!.name } };
  const cases: CaseView[] = [];
  for (const demo of demoCases(options.caseCount ?? 36, now)) {
    const assigneeId = demo.assignTo === "agent" ? agentId! : demo.assignTo === "supervisor" ? supervisorId! : null;
    const created = await createCase(ctx, { ...demo.facts, assigneeId, status: demo.status }, { now });
    cases.push(created.case);
    for (const step of demo.steps) {
      const triedAt = new Date(now.getTime() - step.hoursAgo * 3_600_000).toISOString();
      await recordStep(ctx, created.case.id, { ruleId: step.ruleId, outcome: step.outcome, note: step.note ?? null, triedAt }, { now });
    }
  }
  await seedLongHistoryCase({ tenantId, actor: { kind: "api_token", tokenId: tenantId, role: "agent", label: "API token “Nightly sync”" } }, now);
  await seedDemoDesk({ tenantId, agentId: agentId!, supervisorId: supervisorId!, now });
  await seedDemoEscalations(tenantId, { agentId: agentId!, supervisorId: supervisorId! }, now);
  const customerLinkPath = await seedDemoCustomerLinks(ctx, cases, now);
  return { status: "created", customerLinkPath };
}
