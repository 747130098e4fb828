import "@/tests/support/integration-env";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/get-case";
import { recordStep } from "@/lib/cases/record-step";
import { updateCase } from "@/lib/cases/update-case";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { userIdByEmail } from "@/tests/support/admin-db";
import { apiContext, caseBody } from "@/tests/support/case-factory";

// Writes answer with the case as it now is. Create and record-a-step build that answer from the
// record they already read instead of reading the case again (decision 0083): what they return
// must be exactly what a fresh read shows.

let tenantId: string;
let assigneeId: string;

beforeAll(async () => {
  const tenant = await provisionTenant({ name: "Write Views" });
  tenantId = tenant.tenantId;
  assigneeId = await userIdByEmail(tenant.admin.email);
});

describe("the case a write returns is the case a read returns", () => {
  it("after a create (with an assignee, devices, status messages and derived columns)", async () => {
    const ctx = apiContext(tenantId);
    const { case: created } = await createCase(ctx, caseBody({ assigneeId }));
    expect(created.assignee?.id).toBe(assigneeId);
    expect(created).toEqual(await getCase(ctx, created.id, new Date(created.updatedAt)));
  });

  it("after recording steps, including the step that makes it ready to escalate or not", async () => {
    const ctx = apiContext(tenantId);
    const { case: created } = await createCase(ctx, caseBody());
    let latest = created;
    for (const suggestion of created.suggestions.slice(0, 3)) {
      latest = (await recordStep(ctx, created.id, { ruleId: suggestion.ruleId, outcome: "no_change" })).case;
      expect(latest).toEqual(await getCase(ctx, created.id, new Date(latest.updatedAt)));
    }
    expect(latest.steps).toHaveLength(Math.min(3, created.suggestions.length));
    expect(latest.timeline.filter((event) => event.type === "step.recorded")).toHaveLength(latest.steps.length);
  });

  it("after an edit that changes the assignee (re-read, since the record it read is stale)", async () => {
    const ctx = apiContext(tenantId);
    const { case: created } = await createCase(ctx, caseBody());
    const edited = await updateCase(ctx, created.id, { version: created.version, assigneeId });
    expect(edited.assignee?.id).toBe(assigneeId);
    expect(edited).toEqual(await getCase(ctx, created.id, new Date(edited.updatedAt)));
  });
});
