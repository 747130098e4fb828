import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { CASE_QUEUE_IDS, CASE_QUEUES, queueHref } from "@/lib/cases/list/case-queues";
import { listCases } from "@/lib/cases/list/list-cases";
import { listQueryFromSearchParams } from "@/lib/cases/list/list-query-params";
import { updateCase } from "@/lib/cases/update-case";
import { landingSummary } from "@/lib/cases/list/landing-summary";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import type { TenantContext } from "@/lib/tenancy/context";
import { closeAdminPool } from "@/tests/support/admin-db";
import { createTestCase } from "@/tests/support/case-factory";

// Every landing figure is the row count of the list its link opens: both come from one filter.

let agent: TenantContext;

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  const { tenantId, userIds } = await createTenantWithMembers({
    name: "Figures",
    slug: `figures-${suffix}`,
    members: [{ email: `agent.${suffix}@figures.example`, name: "Figure Agent", role: "agent", password: "long-enough-password" }],
  });
  agent = { tenantId, actor: { kind: "user", userId: userIds[0]!, role: "agent", label: "Figure Agent" } };
  const hours = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  // A spread of statuses and assignees, including the shapes where the old figures and links disagreed:
  // waiting-on-customer cases (counted as open, missing from ?status=open) and a resolved case of mine.
  for (let index = 0; index < 14; index++) {
    const created = await createTestCase(agent, {
      problemSince: hours(5 + index * 7),
      assigneeId: index % 3 === 0 ? null : userIds[0]!,
      status: index % 4 === 1 ? "waiting_on_customer" : "open",
    });
    if (index % 5 === 4) await updateCase(agent, created.id, { version: created.version, status: "resolved" });
  }
});
afterAll(closeAdminPool);

async function rowsBehind(href: string): Promise<number> {
  const params = new URL(href, "http://desk").searchParams;
  let total = 0;
  let cursor: string | null = null;
  do {
    const query = listQueryFromSearchParams(params);
    const page = await listCases(agent, { ...query, limit: 5, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

describe("landing figures", () => {
  it("equal the number of rows of the list each one links to", async () => {
    const summary = await landingSummary(agent, CASE_QUEUE_IDS);
    let nonZero = 0;
    for (const id of CASE_QUEUE_IDS) {
      const figure = summary.queues[id];
      expect(figure, id).toBe(await rowsBehind(queueHref(id)));
      if ((figure ?? 0) > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThanOrEqual(4);
    expect(summary.queues["team-open"]).toBeGreaterThan(summary.queues["waiting-on-customer"]!);
  });

  it("link to the list with the queue's own filter and name the view", () => {
    const url = new URL(queueHref("my-open"), "http://desk");
    expect(url.pathname).toBe("/cases");
    expect(url.searchParams.get("view")).toBe("my-open");
    expect(listQueryFromSearchParams(url.searchParams)).toMatchObject({ assignee: "me", status: CASE_QUEUES["my-open"].query.status });
  });
});
