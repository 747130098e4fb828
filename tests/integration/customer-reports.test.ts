import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/cases/route";
import { GET as getRoute } from "@/app/api/v1/cases/[id]/route";
import { POST as stepRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { updateCase } from "@/lib/cases/update-case";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase, deviceBody } from "@/tests/support/case-factory";
import { getJson, issueLink, openPage, postForm, postReport } from "@/tests/support/customer-link";

// The customer's reports: a tried step by the customer, on the timeline, waiting → open,
// "customer replied" for the agents until they act; one report per double tap; bad input named.

let t: ProvisionedTenant;
beforeAll(async () => {
  t = await provisionTenant({ name: "Reports shop" });
});
afterAll(closeAdminPool);

const staff = () => apiContext(t.tenantId);
const viewOf = async (id: string) => (await call(getRoute, "GET", `/api/v1/cases/${id}`, { token: t.apiToken, params: { id } })).body;
const listIds = async (query: Record<string, string>) =>
  (await call(listRoute, "GET", "/api/v1/cases", { token: t.apiToken, query })).body.items.map((item: { id: string }) => item.id);

async function waitingCaseWithLink() {
  const created = await createTestCase(staff(), { devices: [deviceBody()], status: "waiting_on_customer" });
  return { created, token: await issueLink(staff(), created.id), ruleId: created.suggestions[0]!.ruleId };
}

describe("POST /api/c/{token}/steps", () => {
  it("records a customer step, moves waiting → open, lands on the timeline and marks 'customer replied'", async () => {
    const { created, token, ruleId } = await waitingCaseWithLink();
    const res = await postReport(token, { ruleId, outcome: "no_change", note: "  Still stuck at 312 items  " });
    expect(res.status).toBe(201);
    expect(res.body.duplicate).toBe(false);
    expect(res.body.case.tried[0]).toMatchObject({ ruleId, outcome: "no_change", by: "You", note: "Still stuck at 312 items" });
    expect(res.body.case.nextSteps.map((s: { ruleId: string }) => s.ruleId)).not.toContain(ruleId);
    const view = await viewOf(created.id);
    expect(view.status).toBe("open");
    expect(view.customerRepliedAt).not.toBeNull();
    expect(view.steps.at(-1)).toMatchObject({ ruleId, outcome: "no_change", by: { kind: "customer", name: "Customer" } });
    expect(view.timeline.slice(-2).map((e: { type: string; actor: { kind: string } }) => [e.type, e.actor.kind])).toEqual([
      ["step.recorded", "customer"],
      ["status.changed", "customer"],
    ]);
    expect(await listIds({ customerReplied: "true" })).toContain(created.id);
    expect(await listIds({ customerReplied: "false" })).not.toContain(created.id);
  });

  it("'It worked' never resolves the case; the agent's next action clears 'customer replied'", async () => {
    const { created, token, ruleId } = await waitingCaseWithLink();
    expect((await postReport(token, { ruleId, outcome: "resolved" })).status).toBe(201);
    const afterReport = await viewOf(created.id);
    expect(afterReport.status).toBe("open");
    expect(afterReport.customerRepliedAt).not.toBeNull();
    // Reassigning is triage: the flag stays for whoever picks the case up.
    const reassigned = await updateCase(staff(), created.id, { version: afterReport.version, assigneeId: null });
    expect(reassigned.customerRepliedAt).not.toBeNull();
    const step = await call(stepRoute, "POST", `/api/v1/cases/${created.id}/steps`, {
      token: t.apiToken, params: { id: created.id }, body: { ruleId, outcome: "resolved", note: "Confirmed with the customer" },
    });
    expect(step.status).toBe(201);
    expect(step.body.case.customerRepliedAt).toBeNull();
    expect(await listIds({ customerReplied: "true" })).not.toContain(created.id);
  });

  it("two identical reports at once (a double tap, a retry) record one step", async () => {
    const { created, token, ruleId } = await waitingCaseWithLink();
    const before = await rowCounts();
    const [first, second] = await Promise.all([
      postReport(token, { ruleId, outcome: "no_change", note: "tapped twice" }),
      postReport(token, { ruleId, outcome: "no_change", note: "tapped twice" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.reportId).toBe(second.body.reportId);
    const after = await rowCounts();
    expect(after.TriedStep - before.TriedStep).toBe(1);
    expect(after.CaseEvent - before.CaseEvent).toBe(2); // the step and waiting → open, once
    expect((await viewOf(created.id)).steps.filter((s: { by: { kind: string } }) => s.by.kind === "customer")).toHaveLength(1);
    // A different answer is a new report.
    expect((await postReport(token, { ruleId, outcome: "resolved" })).status).toBe(201);
  });

  it("answers bad input with 400 naming the field, and writes nothing", async () => {
    const { created, token } = await waitingCaseWithLink();
    const notApplicable = "windows-restart-photo-agent"; // an iPhone-only case
    expect(created.suggestions.map((s) => s.ruleId)).not.toContain(notApplicable);
    const ruleId = created.suggestions[0]!.ruleId;
    const before = await rowCounts();
    const cases: Array<[unknown, string, string?]> = [
      [{ ruleId: "reboot-the-cloud", outcome: "no_change" }, "ruleId"],
      [{ ruleId: notApplicable, outcome: "no_change" }, "ruleId"],
      [{ ruleId, outcome: "worse" }, "outcome"],
      [{ ruleId, outcome: "no_change", note: "x".repeat(1001) }, "note"],
      [{ ruleId, outcome: "no_change", note: 42 }, "note"],
      [{ ruleId, outcome: "no_change", status: "resolved" }, "status"],
      [null, "(body)", "{not json"],
    ];
    for (const [body, path, rawBody] of cases) {
      const res = await postReport(token, body, { rawBody });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const form = await postForm(token, { ruleId, outcome: "no_change", note: "y".repeat(1001) });
    expect(form.status).toBe(400);
    expect(form.html).toContain("Note is too long");
    expect(form.html).toContain('aria-invalid="true"');
    expect(await rowCounts()).toEqual(before);
    expect((await viewOf(created.id)).status).toBe("waiting_on_customer");
  });

  it("refuses writes from another site (403) and reports on a resolved case (409), writing nothing", async () => {
    const { created, token, ruleId } = await waitingCaseWithLink();
    const before = await rowCounts();
    const foreign = await postReport(token, { ruleId, outcome: "no_change" }, { headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const foreignForm = await postForm(token, { ruleId, outcome: "no_change" }, { "sec-fetch-site": "cross-site" });
    expect(foreignForm.status).toBe(403);
    expect(foreignForm.headers.get("x-frame-options")).toBe("DENY");
    expect(await rowCounts()).toEqual(before);
    // Resolving (by hand here) moves the metrics' status history; the refused report then writes nothing.
    await adminPool().query(`UPDATE "Case" SET status = 'resolved', "resolvedAt" = now() WHERE id = $1`, [created.id]);
    const beforeResolvedReport = await rowCounts();
    const resolved = await postReport(token, { ruleId, outcome: "no_change" });
    expect(resolved.status).toBe(409);
    expect(await rowCounts()).toEqual(beforeResolvedReport);
  });
});

describe("agent notes on the customer's page", () => {
  it("stay internal unless the agent marks the note for the customer (POST /api/v1/cases/{id}/steps)", async () => {
    const { created, token } = await waitingCaseWithLink();
    const [first, second] = created.suggestions.map((s) => s.ruleId);
    const record = (ruleId: string, note: string, noteVisibleToCustomer?: boolean) =>
      call(stepRoute, "POST", `/api/v1/cases/${created.id}/steps`, { token: t.apiToken, params: { id: created.id }, body: { ruleId, outcome: "no_change", note, noteVisibleToCustomer } });
    expect((await record(first!, "Internal: long call, customer impatient")).status).toBe(201);
    const shown = await record(second!, "Try this again tonight on Wi-Fi", true);
    expect(shown.body.step).toMatchObject({ noteVisibleToCustomer: true });
    const bad = await record(second!, "x", "yes" as unknown as boolean);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["noteVisibleToCustomer"]);
    const customer = JSON.stringify((await getJson(token)).body);
    expect(customer).toContain("Try this again tonight on Wi-Fi");
    expect(customer).not.toContain("customer impatient");
  });
});

describe("POST /c/{token} (the page's form, no JavaScript)", () => {
  it("records the report and answers 303 back to the page, which thanks the customer", async () => {
    const { created, token, ruleId } = await waitingCaseWithLink();
    // Referrer-Policy: no-referrer makes browsers send "Origin: null" on the page's own form posts.
    const res = await postForm(token, { ruleId, outcome: "no_change", note: "From the form" }, { origin: "null" });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/c/${token}\\?reported=${ruleId}&outcome=no_change#reported$`));
    const page = await openPage(token, undefined, Object.fromEntries(new URL(location, "http://x").searchParams));
    expect(page.html).toContain("Thank you.");
    expect(page.html).toContain("From the form");
    expect((await viewOf(created.id)).steps.at(-1)).toMatchObject({ ruleId, note: "From the form", by: { kind: "customer" } });
    expect((await getJson(token)).body.tried[0]).toMatchObject({ ruleId, byCustomer: true });
  });
});
