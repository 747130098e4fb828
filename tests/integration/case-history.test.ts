import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCaseRoute } from "@/app/api/v1/cases/[id]/route";
import { GET as stepsRoute, POST as recordStepRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { GET as timelineRoute } from "@/app/api/v1/cases/[id]/timeline/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

// A case with 10,000 recorded steps (an integration reporting attempts) still reads as one small
// answer: the latest 50 steps and events, with a cursor that pages through all of them exactly once.
// (Timings: npm run bench:history.)

const STEPS = 10_000;
let a: ProvisionedTenant;
let caseId: string;

beforeAll(async () => {
  a = await provisionTenant({ name: "History Desk" });
  caseId = (await createTestCase(apiContext(a.tenantId))).id;
  await adminPool().query(
    `WITH steps AS (
       INSERT INTO "TriedStep" ("tenantId", "id", "caseId", "ruleId", "outcome", "note", "triedAt", "actorKind", "createdAt")
       SELECT $1, gen_random_uuid(), $2, (ARRAY['restart-device','stable-wifi','update-os'])[1 + n % 3], 'no_change', 'attempt ' || n,
              now() - interval '30 days' + n * interval '1 minute', 'api_token', now()
       FROM generate_series(1, ${STEPS}) AS n RETURNING "id", "ruleId", "triedAt")
     INSERT INTO "CaseEvent" ("tenantId", "id", "caseId", "type", "actorKind", "actorLabel", "data", "createdAt")
     SELECT $1, gen_random_uuid(), $2, 'step.recorded', 'api_token', 'API token “Robot”', jsonb_build_object('stepId', "id", 'ruleId', "ruleId", 'outcome', 'no_change'), "triedAt" FROM steps`,
    [a.tenantId, caseId],
  );
}, 120_000);
afterAll(closeAdminPool);

async function collect(route: typeof stepsRoute, path: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await call(route, "GET", path, { token: a.apiToken, params: { id: caseId }, query: { limit: "200", ...(cursor ? { cursor } : {}) } });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((item: { id: string }) => item.id));
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

describe("a case with 10,000 steps", () => {
  it("reads as the latest 50 steps and events with the totals and a cursor for more", async () => {
    const started = performance.now();
    const res = await call(getCaseRoute, "GET", `/api/v1/cases/${caseId}`, { token: a.apiToken, params: { id: caseId } });
    console.log(`[history] GET /api/v1/cases/{id} with ${STEPS} steps: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(res.body).length} bytes`);
    expect(res.status).toBe(200);
    expect(res.body.steps).toHaveLength(50);
    expect(res.body.stepsPage).toMatchObject({ total: STEPS, nextCursor: expect.any(String) });
    expect(res.body.timeline).toHaveLength(50);
    expect(res.body.timelinePage.total).toBe(STEPS + 1);
    // The latest, oldest of them first (the order the case has always answered in).
    const triedAt = res.body.steps.map((step: { triedAt: string }) => step.triedAt);
    expect(triedAt).toEqual([...triedAt].sort());
    expect(res.body.steps.at(-1).note).toBe(`attempt ${STEPS}`);
    expect(res.body.steps.at(-1).by).toEqual({ kind: "api_token", name: "API token “Robot”" });
    // Suggestions still see every step: the three rules tried are not suggested again.
    const suggested = res.body.suggestions.map((suggestion: { ruleId: string }) => suggestion.ruleId);
    for (const ruleId of ["restart-device", "stable-wifi", "update-os"]) expect(suggested).not.toContain(ruleId);
  });

  it("pages through every step and every event exactly once", async () => {
    const steps = await collect(stepsRoute, `/api/v1/cases/${caseId}/steps`);
    expect(steps.ids).toHaveLength(STEPS);
    expect(new Set(steps.ids).size).toBe(STEPS);
    expect(steps.pages).toBe(STEPS / 200);
    const events = await collect(timelineRoute, `/api/v1/cases/${caseId}/timeline`);
    expect(new Set(events.ids).size).toBe(STEPS + 1);
  });

  it("records one more step and answers with it, though it is not among the latest", async () => {
    const res = await call(recordStepRoute, "POST", `/api/v1/cases/${caseId}/steps`, {
      token: a.apiToken,
      params: { id: caseId },
      body: { ruleId: "check-date-time", outcome: "no_change", triedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() },
    });
    expect(res.status).toBe(201);
    expect(res.body.step).toMatchObject({ ruleId: "check-date-time", outcome: "no_change" });
    expect(res.body.case.stepsPage.total).toBe(STEPS + 1);
    expect(res.body.case.steps.map((step: { id: string }) => step.id)).not.toContain(res.body.step.id);
  });

  it("refuses a made-up cursor and another tenant's case", async () => {
    const bad = await call(stepsRoute, "GET", `/api/v1/cases/${caseId}/steps`, { token: a.apiToken, params: { id: caseId }, query: { cursor: "bm9wZQ" } });
    expect(bad.status).toBe(400);
    const other = await provisionTenant({ name: "History Other" });
    const foreign = await call(stepsRoute, "GET", `/api/v1/cases/${caseId}/steps`, { token: other.apiToken, params: { id: caseId } });
    expect(foreign.status).toBe(404);
  });
});
