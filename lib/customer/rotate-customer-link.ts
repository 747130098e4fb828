import { notFound } from "@/lib/errors/app-error";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { appendEvents } from "@/lib/cases/case-events";
import type { IssuedCustomerLink } from "@/lib/cases/schemas/case-response-schemas";
import { lockCase } from "@/lib/cases/lock-case";
import { loadRuleSettings } from "@/lib/rules/tenant-settings";
import { customerLinkExpiresAt } from "@/lib/cases/customer-link-lifetime";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** Creates the customer's secret link, or rotates it: the previous link stops working in the same transaction. */
export async function rotateCustomerLink(ctx: TenantContext, unverifiedCaseId: string, options: { now?: Date } = {}): Promise<IssuedCustomerLink> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const caseId = unverifiedCaseId;
  const { tenantId } = ctx;
  const now = options.now ?? new Date();
  const token = newSecret("c");

  return withTenant(tenantId, async (tx) => {
    // Locked so two rotations at once cannot both leave a live link behind.
    if (!(await lockCase(tx, tenantId, caseId))) throw notFound("Case");
    const revoked = await tx.customerLink.updateMany({ where: { tenantId, caseId, revokedAt: null }, data: { revokedAt: now } });
    await tx.customerLink.create({ data: { tenantId, caseId, tokenHash: hashSecret(token), createdAt: now } });
    await appendEvents(tx, ctx, now, [
      { caseId, type: revoked.count > 0 ? "customer_link.rotated" : "customer_link.created", data: { revoked: revoked.count } },
    ]);
    const settings = await loadRuleSettings(tx, tenantId);
    const { resolvedAt } = await tx.case.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: caseId } }, select: { resolvedAt: true } });
    const expiresAt = customerLinkExpiresAt({ createdAt: now }, settings.thresholds.customerLinkDays, resolvedAt);
    return { path: `/c/${token}`, token, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}

/** The link as the person handing it over needs it: absolute, on the product's public address. */
export function customerLinkUrl(path: string, requestOrigin: string): string {
  return new URL(path, process.env.NEXTAUTH_URL || requestOrigin).toString();
}
