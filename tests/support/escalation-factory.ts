import type { CaseView } from "@/lib/cases/case-view";
import { workThroughSuggestedSteps } from "@/lib/demo/work-through-steps";
import type { TenantContext } from "@/lib/tenancy/context";
import { createTestCase } from "@/tests/support/case-factory";

/** A case that is ready to escalate: realistic intake facts, every suggested step tried without success. */
export async function createReadyCase(ctx: TenantContext, overrides: Parameters<typeof createTestCase>[1] = {}): Promise<CaseView> {
  const created = await createTestCase(ctx, overrides);
  const view = await workThroughSuggestedSteps(ctx, created.id);
  if (!view.escalation.ready) throw new Error(`createReadyCase: still not ready: ${view.escalation.missing.join("; ")}`);
  return view;
}
