import "@/tests/support/integration-env";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/cases/route";
import { seedDemoEscalations } from "@/lib/demo/demo-escalations";
import { awaitingReviewCount, escalationQueue } from "@/lib/escalation/escalation-queue";
import { getPacket } from "@/lib/escalation/get-packet";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import { closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { apiContext } from "@/tests/support/case-factory";
import { issueTestToken } from "@/tests/support/tokens";

// The supervisors' queue over the demo's escalation stories (made through the real services):
// a case in every review state, in the queue's order, and a tenant that sees only its own.

let tenantId = "";
let otherTenantId = "";
const NOW = new Date();

beforeAll(async () => {
  const suffix = randomBytes(4).toString("hex");
  const members = (prefix: string) => [
    { email: `agent-${prefix}-${suffix}@queue.example`, name: "Alex Agent", role: "agent" as const, password: "long-enough-password" },
    { email: `sup-${prefix}-${suffix}@queue.example`, name: "Sam Supervisor", role: "supervisor" as const, password: "long-enough-password" },
  ];
  const created = await createTenantWithMembers({ name: "Queue A", slug: `queue-a-${suffix}`, members: members("a") });
  tenantId = created.tenantId;
  await seedDemoEscalations(tenantId, { agentId: created.userIds[0]!, supervisorId: created.userIds[1]! }, NOW);
  const other = await createTenantWithMembers({ name: "Queue B", slug: `queue-b-${suffix}`, members: members("b") });
  otherTenantId = other.tenantId;
}, 180_000);
afterAll(closeAdminPool);

describe("the escalation queue", () => {
  it("lists awaiting review oldest submission first, with who submitted, overrides and devices", async () => {
    const queue = await escalationQueue(apiContext(tenantId, "supervisor"), {}, NOW);
    expect(queue.awaiting.total).toBe(2);
    expect(queue.awaiting.items.map((item) => [item.customer.name, item.submittedBy, item.overridden])).toEqual([
      ["Marcus Obi", "Alex Agent", false],
      ["Sofia Marchetti", "Sam Supervisor", true],
    ]);
    expect(queue.awaiting.items[0]!.devices.map((d) => [d.model, d.osVersion])).toEqual([
      ["iPhone 15 Pro", "18.1"],
      ["MacBook Pro 14-inch (M3)", "15.1"],
    ]);
    expect(Date.parse(queue.awaiting.items[0]!.submittedAt)).toBeLessThan(Date.parse(queue.awaiting.items[1]!.submittedAt));
    expect(await awaitingReviewCount(apiContext(tenantId))).toBe(2);
  });

  it("lists ready, unsubmitted cases longest-ready first (a returned case is open and ready again)", async () => {
    const queue = await escalationQueue(apiContext(tenantId, "supervisor"), {}, NOW);
    const names = queue.ready.items.map((item) => item.customer.name);
    expect(names.sort()).toEqual(["Daniel Asante", "Hannah Lindqvist", "Priya Raman"].sort());
    const since = queue.ready.items.map((item) => Date.parse(item.readySince));
    expect(since).toEqual([...since].sort((x, y) => x - y));
  });

  it("pages each section by keyset without repeating or skipping", async () => {
    const ctx = apiContext(tenantId, "supervisor");
    const first = await escalationQueue(ctx, { limit: 1 }, NOW);
    expect(first.ready.items).toHaveLength(1);
    const second = await escalationQueue(ctx, { limit: 1, readyCursor: first.ready.nextCursor!, reviewCursor: first.awaiting.nextCursor! }, NOW);
    const third = await escalationQueue(ctx, { limit: 1, readyCursor: second.ready.nextCursor! }, NOW);
    expect([first, second, third].map((page) => page.ready.items[0]!.customer.name)).toEqual(
      (await escalationQueue(ctx, {}, NOW)).ready.items.map((item) => item.customer.name),
    );
    expect(third.ready.nextCursor).toBeNull();
    expect(second.awaiting.items[0]!.customer.name).toBe("Sofia Marchetti");
    expect(second.awaiting.nextCursor).toBeNull();
    await expect(escalationQueue(ctx, { readyCursor: "garbage" }, NOW)).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("shows the demo's returned case with its badge data and the escalated one with Apple's number", async () => {
    const token = await issueTestToken(tenantId, "agent");
    const returned = await call(listRoute, "GET", "/api/v1/cases", { token, query: { returned: "true" } });
    expect(returned.status).toBe(200);
    expect(returned.body.items.map((item: { customer: { name: string }; returned: boolean }) => [item.customer.name, item.returned])).toEqual([["Priya Raman", true]]);
    const escalated = await call(listRoute, "GET", "/api/v1/cases", { token, query: { status: "escalated" } });
    expect(escalated.body.items).toHaveLength(1);
    const packet = await getPacket(apiContext(tenantId), escalated.body.items[0].id, NOW);
    expect(packet).toMatchObject({ status: "escalated", appleCaseNumber: "102483917" });
    expect(packet.submission!.screenshots).toHaveLength(2);
  });

  it("another tenant's queue is empty", async () => {
    const queue = await escalationQueue(apiContext(otherTenantId, "supervisor"), {}, NOW);
    expect(queue.awaiting.total + queue.ready.total).toBe(0);
  });
});
