import { hashSecret } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors/app-error";
import type { TenantContext } from "@/lib/tenancy/context";
import { withLookup } from "@/lib/tenancy/with-tenant";
import { isWellFormedCustomerToken } from "@/lib/customer/link-token";

// Who is asking on the customer's page: the holder of one case's secret link. The link is found
// by the SHA-256 of the token before the tenant is known (a narrow RLS lookup policy lets a
// transaction see only the row with that hash); everything after runs inside withTenant.

export interface CustomerContext extends TenantContext {
  actor: { kind: "customer"; caseId: string; label: string };
  link: { id: string; createdAt: Date };
}

export type CustomerLinkLookup =
  | { kind: "live"; ctx: CustomerContext }
  | { kind: "revoked" }
  | { kind: "unknown" };

/** Finds the link a token names. Expiry depends on tenant data, so the services check it (assertLinkLive). */
export async function lookUpCustomerLink(token: string): Promise<CustomerLinkLookup> {
  if (!isWellFormedCustomerToken(token)) return { kind: "unknown" };
  const hash = hashSecret(token);
  const link = await withLookup("customer_link_hash", hash, (tx) =>
    tx.customerLink.findUnique({
      where: { tokenHash: hash },
      select: { id: true, tenantId: true, caseId: true, createdAt: true, revokedAt: true },
    }),
  );
  if (!link) return { kind: "unknown" };
  if (link.revokedAt) return { kind: "revoked" };
  return {
    kind: "live",
    ctx: {
      tenantId: link.tenantId,
      actor: { kind: "customer", caseId: link.caseId, label: "Customer" },
      link: { id: link.id, createdAt: link.createdAt },
    },
  };
}

/** The answer for a revoked or expired link: the same for both, and it carries no case data. */
export function linkGone(): AppError {
  return new AppError("gone", "This link no longer works. Ask your support contact for a new one.");
}
