import { notFound } from "@/lib/errors/app-error";
import { loadCaseView, type CaseView } from "@/lib/cases/view/case-view";
import { isUuid } from "@/lib/util/uuid";
import type { TenantContext } from "@/lib/tenancy/context";
import { withTenant } from "@/lib/tenancy/with-tenant";

/** The case with suggestions, steps, escalation readiness and timeline. Another tenant's id is "not found". */
export async function getCase(ctx: TenantContext, unverifiedCaseId: string, now = new Date()): Promise<CaseView> {
  if (!isUuid(unverifiedCaseId)) throw notFound("Case");
  const view = await withTenant(ctx.tenantId, (tx) => loadCaseView(tx, ctx.tenantId, unverifiedCaseId, now));
  if (!view) throw notFound("Case");
  return view;
}
