import { loadCaseView, type CaseView } from "@/lib/cases/view/case-view";
import { loadRuleSettings } from "@/lib/rules/tenant-settings";
import type { RuleSettings } from "@/lib/rules/settings";
import { withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";
import { linkGone, type CustomerContext } from "@/lib/customer/customer-context";
import { customerViewOf } from "@/lib/customer/customer-view";
import type { CustomerCaseView } from "@/lib/customer/customer-view-schema";
import { customerLinkExpiresAt } from "@/lib/cases/customer-link-lifetime";

/** The customer's view of their case, in one tenant transaction; an expired link is "gone" (410). */
export async function getCustomerCase(ctx: CustomerContext, options: { now?: Date } = {}): Promise<CustomerCaseView> {
  const now = options.now ?? new Date();
  return withTenant(ctx.tenantId, (tx) => loadCustomerView(tx, ctx, now));
}

/** Loads and shapes the view inside the caller's transaction, checking the link's lifetime first. */
export async function loadCustomerView(
  tx: TenantTx,
  ctx: CustomerContext,
  now: Date,
  known: { settings?: RuleSettings; view?: CaseView } = {},
): Promise<CustomerCaseView> {
  const settings = known.settings ?? (await loadRuleSettings(tx, ctx.tenantId));
  const view = known.view ?? (await loadCaseView(tx, ctx.tenantId, ctx.actor.caseId, now, settings));
  if (!view) throw linkGone();
  const linkExpiresAt = assertLinkLive(ctx, settings, view.resolvedAt ? new Date(view.resolvedAt) : null, now);
  const tenant = await tx.tenant.findUnique({ where: { id: ctx.tenantId }, select: { name: true } });
  return customerViewOf(view, { supportName: tenant?.name ?? "Support", linkExpiresAt });
}

/** When the link stops working; throws "gone" when that moment has passed. */
export function assertLinkLive(ctx: CustomerContext, settings: RuleSettings, resolvedAt: Date | null, now: Date): Date {
  const expiresAt = customerLinkExpiresAt(ctx.link, settings.thresholds.customerLinkDays, resolvedAt);
  if (now.getTime() >= expiresAt.getTime()) throw linkGone();
  return expiresAt;
}
