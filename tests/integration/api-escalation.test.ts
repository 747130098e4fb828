import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as escalationRoute } from "@/app/api/v1/cases/[id]/escalation/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext, createTestCase } from "@/tests/support/case-factory";
import { createReadyCase } from "@/tests/support/escalation-factory";
import { issueTestToken } from "@/tests/support/tokens";

// SPEC §4/§5 escalation review through POST /api/v1/cases/{id}/escalation, against real PostgreSQL.

let a: ProvisionedTenant;
let b: ProvisionedTenant;
const tokens = { agent: "", supervisor: "", otherSupervisor: "" };

beforeAll(async () => {
  a = await provisionTenant({ name: "Escalation A" });
  b = await provisionTenant({ name: "Escalation B" });
  tokens.agent = await issueTestToken(a.tenantId, "agent");
  tokens.supervisor = await issueTestToken(a.tenantId, "supervisor", { name: "Sam's token" });
  tokens.otherSupervisor = await issueTestToken(a.tenantId, "supervisor", { name: "Pat's token" });
});
afterAll(closeAdminPool);

/** How an API token signs the timeline. */
const tokenLabel = (name: string) => `API token “${name}”`;

const act = (token: string, id: string, body: unknown) => call(escalationRoute, "POST", `/api/v1/cases/${id}/escalation`, { token, body, params: { id } });
const read = (token: string, id: string) => call(getRoute, "GET", `/api/v1/cases/${id}`, { token, params: { id } });

async function submitted(): Promise<{ id: string; version: number }> {
  const ready = await createReadyCase(apiContext(a.tenantId));
  const res = await act(tokens.agent, ready.id, { action: "submit", version: ready.version, note: "Customer waited two days" });
  expect(res.status).toBe(200);
  return { id: ready.id, version: res.body.version };
}

describe("submit for review", () => {
  it("an agent submits a ready case: escalation_review, a frozen packet, a timeline event with who", async () => {
    const ready = await createReadyCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await act(tokens.agent, ready.id, { action: "submit", version: ready.version, note: "  Two days on Wi-Fi  " });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "escalation_review", version: ready.version + 1 });
    expect(res.body.review.submitted).toMatchObject({ by: tokenLabel("Test agent token"), note: "Two days on Wi-Fi", overrideReason: null });
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "status.changed",
      actor: { kind: "api_token", name: tokenLabel("Test agent token") },
      data: { from: "open", to: "escalation_review", escalation: "submitted", note: "Two days on Wi-Fi", overrideReason: null },
    });
    const after = await rowCounts();
    expect(after.EscalationPacket).toBe(before.EscalationPacket + 1);
    expect(after.CaseEvent).toBe(before.CaseEvent + 1);
  });

  it("a case that is not ready answers 409 with the readable `missing` list and writes nothing", async () => {
    const notReady = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const res = await act(tokens.agent, notReady.id, { action: "submit", version: notReady.version });
    expect(res.status).toBe(409);
    expect(res.body.error.missing).toEqual(notReady.escalation.missing);
    expect(res.body.error.missing.length).toBeGreaterThan(0);
    expect(res.body.error.missing.join(" ")).toMatch(/not tried yet/);
    expect(await rowCounts()).toEqual(before);
    expect((await read(tokens.agent, notReady.id)).body).toMatchObject({ status: "open", version: notReady.version });
  });

  it("an agent's override is refused (403); a supervisor's override submits and is on the packet", async () => {
    const notReady = await createTestCase(apiContext(a.tenantId));
    const before = await rowCounts();
    const agent = await act(tokens.agent, notReady.id, { action: "submit", version: notReady.version, override: "Customer is a VIP" });
    expect(agent.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    const res = await act(tokens.supervisor, notReady.id, { action: "submit", version: notReady.version, override: "Apple asked for it on the phone" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("escalation_review");
    expect(res.body.review.submitted.overrideReason).toBe("Apple asked for it on the phone");
    const { rows } = await adminPool().query(`SELECT "overrideReason", document FROM "EscalationPacket" WHERE "caseId" = $1`, [notReady.id]);
    expect(rows[0].overrideReason).toBe("Apple asked for it on the phone");
    expect(rows[0].document.submission.overrideReason).toBe("Apple asked for it on the phone");
    expect(rows[0].document.readiness.ready).toBe(false);
  });

  it("a case already in review can't be submitted again (409 naming who submitted it)", async () => {
    const { id, version } = await submitted();
    const res = await act(tokens.agent, id, { action: "submit", version });
    expect(res.status).toBe(409);
    expect(res.body.error.currentStatus).toBe("escalation_review");
    expect(res.body.error.message).toContain(`${tokenLabel("Test agent token")} submitted this case`);
  });
});

describe("approve and return", () => {
  it("a supervisor approves with Apple's number (trimmed): escalated, number on the case and its timeline", async () => {
    const { id, version } = await submitted();
    const res = await act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "  102938475  " });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "escalated", appleCaseNumber: "102938475", version: version + 1 });
    expect(res.body.timeline.at(-1)).toMatchObject({
      actor: { name: tokenLabel("Sam's token") },
      data: { from: "escalation_review", to: "escalated", escalation: "approved", appleCaseNumber: "102938475" },
    });
    expect(res.body.review.approved).toMatchObject({ by: tokenLabel("Sam's token"), appleCaseNumber: "102938475" });
  });

  it("a supervisor returns with a reason: open again, the reason stands until the case is submitted again", async () => {
    const { id, version } = await submitted();
    const res = await act(tokens.supervisor, id, { action: "return", version, reason: "Attach a screenshot of the Mac's status bar" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "open" });
    expect(res.body.review.returned).toMatchObject({ by: tokenLabel("Sam's token"), reason: "Attach a screenshot of the Mac's status bar" });
    const row = await adminPool().query(`SELECT "escalationReturnedAt", "escalationReturnNote" FROM "Case" WHERE id = $1`, [id]);
    expect(row.rows[0].escalationReturnNote).toBe("Attach a screenshot of the Mac's status bar");

    const again = await act(tokens.agent, id, { action: "submit", version: res.body.version });
    expect(again.status).toBe(200);
    expect(again.body.review.returned).toBeNull();
    const cleared = await adminPool().query(`SELECT "escalationReturnedAt", "escalationReturnNote" FROM "Case" WHERE id = $1`, [id]);
    expect(cleared.rows[0]).toEqual({ escalationReturnedAt: null, escalationReturnNote: null });
  });

  it("an agent gets 403 for approve and return, and nothing is written", async () => {
    const { id, version } = await submitted();
    const before = await rowCounts();
    const approve = await act(tokens.agent, id, { action: "approve", version, appleCaseNumber: "102938475" });
    const giveBack = await act(tokens.agent, id, { action: "return", version, reason: "no" });
    expect(approve.status).toBe(403);
    expect(giveBack.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect((await read(tokens.agent, id)).body).toMatchObject({ status: "escalation_review", version });
  });

  it("a stale version is a 409 with the current version, and nothing is written", async () => {
    const { id, version } = await submitted();
    const edit = await call(patchRoute, "PATCH", `/api/v1/cases/${id}`, { token: tokens.agent, body: { version, facts: { library: { itemCount: 13_000 } } }, params: { id } });
    expect(edit.status).toBe(200);
    const before = await rowCounts();
    const res = await act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "102938475" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", currentVersion: version + 1, currentStatus: "escalation_review" });
    expect(await rowCounts()).toEqual(before);
  });

  it("two supervisors at once: exactly one succeeds; the other is told who handled it", async () => {
    const { id, version } = await submitted();
    const [first, second] = await Promise.all([
      act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "AAA-111111" }),
      act(tokens.otherSupervisor, id, { action: "return", version, reason: "Needs the Mac's OS version" }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winnerName = tokenLabel(first.status === 200 ? "Sam's token" : "Pat's token");
    expect(loser.body.error.handledBy).toMatchObject({ name: winnerName });
    expect(loser.body.error.message).toContain(winnerName);
    const { rows } = await adminPool().query(
      `SELECT count(*)::int AS n FROM "CaseEvent" WHERE "caseId" = $1 AND data->>'escalation' IN ('approved', 'returned')`,
      [id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("two concurrent approvals: exactly one 200, one escalated event", async () => {
    const { id, version } = await submitted();
    const results = await Promise.all([
      act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "111111" }),
      act(tokens.otherSupervisor, id, { action: "approve", version, appleCaseNumber: "222222" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.handledBy).toMatchObject({ action: "approved", appleCaseNumber: winner.body.appleCaseNumber });
    const view = await read(tokens.agent, id);
    expect(view.body.appleCaseNumber).toBe(winner.body.appleCaseNumber);
    expect(view.body.timeline.filter((e: { data: { escalation?: string } }) => e.data.escalation === "approved")).toHaveLength(1);
  });

  it("approving a case that was already decided (current version) is a 409 saying so", async () => {
    const { id, version } = await submitted();
    const approved = await act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "ABC-123456" });
    const res = await act(tokens.otherSupervisor, id, { action: "return", version: approved.body.version, reason: "late" });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^The case is escalated to Apple, not awaiting review\. API token “Sam's token” already approved this escalation at .* \(Apple case number ABC-123456\)\.$/);
  });

  it("another tenant's case is a 404 for every action and nothing is written", async () => {
    const ofB = await createReadyCase(apiContext(b.tenantId));
    const before = await rowCounts();
    for (const body of [
      { action: "submit", version: ofB.version },
      { action: "approve", version: ofB.version, appleCaseNumber: "123456" },
      { action: "return", version: ofB.version, reason: "x" },
    ]) {
      expect((await act(tokens.supervisor, ofB.id, body)).status).toBe(404);
    }
    expect((await act(tokens.supervisor, "not-a-uuid", { action: "submit", version: 1 })).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("bad input", () => {
  // A refused request writes nothing, so every case below can use the same case in review.
  let inReview: { id: string; version: number };
  beforeAll(async () => {
    inReview = await submitted();
  });

  it.each([
    ["missing Apple number", { action: "approve", version: 2 }, "appleCaseNumber"],
    ["Apple number too short", { action: "approve", version: 2, appleCaseNumber: "12345" }, "appleCaseNumber"],
    ["Apple number with spaces inside", { action: "approve", version: 2, appleCaseNumber: "123 456 789" }, "appleCaseNumber"],
    ["Apple number too long", { action: "approve", version: 2, appleCaseNumber: "1".repeat(21) }, "appleCaseNumber"],
    ["empty reason", { action: "return", version: 2, reason: "   " }, "reason"],
    ["unknown action", { action: "escalate", version: 2 }, "action"],
    ["no action", { version: 2 }, "action"],
    ["no version", { action: "return", reason: "x" }, "version"],
    ["unknown field", { action: "approve", version: 2, appleCaseNumber: "123456", priority: "high" }, "priority"],
  ])("%s → 400 naming the field, nothing written", async (_label, body, field) => {
    const { id } = inReview;
    const before = await rowCounts();
    const res = await act(tokens.supervisor, id, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it("malformed JSON and a non-object body are 400", async () => {
    const { id } = inReview;
    const malformed = await call(escalationRoute, "POST", `/api/v1/cases/${id}/escalation`, { token: tokens.supervisor, rawBody: "{", params: { id } });
    expect(malformed.status).toBe(400);
    expect((await act(tokens.supervisor, id, ["submit"])).status).toBe(400);
  });
});

describe("after the escalation", () => {
  it("an agent resolves an escalated case (Apple fixed it) or reopens it; other moves are refused", async () => {
    const { id, version } = await submitted();
    const approved = await act(tokens.supervisor, id, { action: "approve", version, appleCaseNumber: "987654321" });
    const patch = (body: unknown) => call(patchRoute, "PATCH", `/api/v1/cases/${id}`, { token: tokens.agent, body, params: { id } });
    const waiting = await patch({ version: approved.body.version, status: "waiting_on_customer" });
    expect(waiting.status).toBe(400);
    expect(waiting.body.error.fields[0].path).toBe("status");
    const resolved = await patch({ version: approved.body.version, status: "resolved" });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", appleCaseNumber: "987654321" });

    const other = await submitted();
    const approvedToo = await act(tokens.supervisor, other.id, { action: "approve", version: other.version, appleCaseNumber: "987654322" });
    const reopened = await call(patchRoute, "PATCH", `/api/v1/cases/${other.id}`, { token: tokens.agent, body: { version: approvedToo.body.version, status: "open" }, params: { id: other.id } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.timeline.at(-1).data).toMatchObject({ from: "escalated", to: "open" });
  });

  it("a case in review can't be pulled out by a status edit", async () => {
    const { id, version } = await submitted();
    const res = await call(patchRoute, "PATCH", `/api/v1/cases/${id}`, { token: tokens.supervisor, body: { version, status: "resolved" }, params: { id } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/supervisor approves or returns it/);
  });

  it("resolving a returned case ends its returned mark", async () => {
    const { id, version } = await submitted();
    const returned = await act(tokens.supervisor, id, { action: "return", version, reason: "Customer says it works now" });
    const res = await call(patchRoute, "PATCH", `/api/v1/cases/${id}`, { token: tokens.agent, body: { version: returned.body.version, status: "resolved" }, params: { id } });
    expect(res.status).toBe(200);
    expect(res.body.review.returned).toBeNull();
  });
});
