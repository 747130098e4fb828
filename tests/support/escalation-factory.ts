import type { CaseView } from "@/lib/cases/view/case-view";
import { workThroughSuggestedSteps } from "@/lib/demo/work-through-steps";
import type { TenantContext } from "@/lib/tenancy/context";
import { createTestCase, deviceBody } from "@/tests/support/case-factory";

// Few rules apply to one healthy iPhone on Wi-Fi with a stuck queue, so it gets ready in a few steps.
const QUICK_TO_READY: Parameters<typeof createTestCase>[1] = {
  devices: [deviceBody({ pluggedIn: true, cellularDataForPhotos: true, finderSync: false, dateTimeAutomatic: true, osVersion: "18.1" })],
  symptoms: [],
  library: { itemCount: 4_000, sizeGb: 30, hasLargeFiles: false },
};

/** A case that is ready to escalate: every suggested step tried without success (intake facts overridable). */
export async function createReadyCase(ctx: TenantContext, overrides: Parameters<typeof createTestCase>[1] = {}): Promise<CaseView> {
  const created = await createTestCase(ctx, { ...QUICK_TO_READY, ...overrides });
  const view = await workThroughSuggestedSteps(ctx, created.id);
  if (!view.escalation.ready) throw new Error(`createReadyCase: still not ready: ${view.escalation.missing.join("; ")}`);
  return view;
}
