import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { getStepsPage } from "@/lib/cases/case-history";
import { getCase } from "@/lib/cases/get-case";
import { recordStep } from "@/lib/cases/record-step";
import { updateCase } from "@/lib/cases/update-case";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

// The case view names who recorded each of its latest steps from the step's timeline event. It takes
// them from the latest events it already read, and reads the others (decision 0085): either way the
// names must be those the steps endpoint, which always reads them, gives.

let tenantId: string;

beforeAll(async () => {
  tenantId = (await provisionTenant({ name: "Step Actors" })).tenantId;
});

const asIntegration = (label: string) => {
  const ctx = apiContext(tenantId);
  return { ...ctx, actor: { ...ctx.actor, label } };
};

async function stepsByName(caseId: string) {
  const view = await getCase(apiContext(tenantId), caseId);
  const page = await getStepsPage(apiContext(tenantId), caseId, {});
  return { fromView: view.steps.map((step) => [step.ruleId, step.by]), fromEndpoint: [...page.items].reverse().map((step) => [step.ruleId, step.by]) };
}

describe("who recorded the case view's steps", () => {
  it("is each step's own recorder when their events are among the latest events", async () => {
    const created = await createTestCase(apiContext(tenantId));
    const [first, second] = created.suggestions;
    await recordStep(asIntegration("CRM sync"), created.id, { ruleId: first!.ruleId, outcome: "no_change" });
    await recordStep(asIntegration("Helpdesk bot"), created.id, { ruleId: second!.ruleId, outcome: "no_change" });
    const { fromView, fromEndpoint } = await stepsByName(created.id);
    expect(fromView).toEqual([
      [first!.ruleId, { kind: "api_token", name: "CRM sync" }],
      [second!.ruleId, { kind: "api_token", name: "Helpdesk bot" }],
    ]);
    expect(fromView).toEqual(fromEndpoint);
  });

  it("is each step's own recorder when later events pushed theirs off the latest page", async () => {
    const ctx = apiContext(tenantId);
    const created = await createTestCase(ctx);
    const [first] = created.suggestions;
    await recordStep(asIntegration("CRM sync"), created.id, { ruleId: first!.ruleId, outcome: "no_change" });
    let version = created.version;
    for (let i = 0; i < 26; i++) {
      version = (await updateCase(ctx, created.id, { version, status: "waiting_on_customer" })).version;
      version = (await updateCase(ctx, created.id, { version, status: "open" })).version;
    }
    const view = await getCase(ctx, created.id);
    expect(view.timeline.some((event) => event.type === "step.recorded")).toBe(false);
    const { fromView, fromEndpoint } = await stepsByName(created.id);
    expect(fromView).toEqual([[first!.ruleId, { kind: "api_token", name: "CRM sync" }]]);
    expect(fromView).toEqual(fromEndpoint);
  });
});
