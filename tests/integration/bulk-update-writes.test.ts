import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUpdateCases } from "@/lib/cases/bulk-update";
import { updateCase } from "@/lib/cases/update-case";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { adminPool, closeAdminPool, userIdByEmail } from "@/tests/support/admin-db";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

// A bulk change writes each changed case in one UPDATE per kind of change (status, assignee, both;
// decision 0085) and its events in one INSERT. What lands must be what the change means, case by
// case: each changed case once (version + 1, updatedAt the change's moment), its new columns, one
// status history row per status move, its events in order; an unchanged case untouched.

let tenantId: string;
let adminId: string;

beforeAll(async () => {
  const tenant = await provisionTenant({ name: "Bulk Writes" });
  tenantId = tenant.tenantId;
  adminId = await userIdByEmail(tenant.admin.email);
});
afterAll(closeAdminPool);

async function stored(ids: string[]) {
  const { rows } = await adminPool().query(
    `SELECT c.id, c.status, c."assigneeId", c.version, c."updatedAt", c."customerRepliedAt",
       (SELECT count(*)::int FROM "CaseStatusChange" s WHERE s."tenantId" = c."tenantId" AND s."caseId" = c.id) AS "statusChanges",
       (SELECT json_agg(json_build_object('type', e.type, 'data', e.data, 'actorKind', e."actorKind", 'actorLabel', e."actorLabel", 'at', e."createdAt") ORDER BY e."createdAt", e.id)
          FROM "CaseEvent" e WHERE e."tenantId" = c."tenantId" AND e."caseId" = c.id AND e.type <> 'case.created') AS events
     FROM "Case" c WHERE c."tenantId" = $1 AND c.id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id as string, row]));
}

describe("a bulk change of status and assignee over cases needing each, both or neither", () => {
  it("writes each case once with exactly its changes and events", async () => {
    const ctx = apiContext(tenantId);
    const both = await createTestCase(ctx);
    const statusOnly = await createTestCase(ctx, { assigneeId: adminId });
    const assigneeOnly = (await createTestCase(ctx)).id;
    await updateCase(ctx, assigneeOnly, { version: 1, status: "waiting_on_customer" });
    const neither = (await createTestCase(ctx, { assigneeId: adminId })).id;
    await updateCase(ctx, neither, { version: 1, status: "waiting_on_customer" });
    const ids = [both.id, statusOnly.id, assigneeOnly, neither];
    const before = await stored(ids);
    const now = new Date(Date.now() + 60_000);

    const result = await bulkUpdateCases(ctx, { ids, status: "waiting_on_customer", assigneeId: adminId }, { now });

    expect(result).toEqual({ matched: 4, updated: 3, skipped: [], notFound: 0 });
    const after = await stored(ids);
    const moved = () => ({ type: "status.changed", data: { from: "open", to: "waiting_on_customer", bulk: true }, actorKind: "api_token", actorLabel: ctx.actor.label });
    const assigned = (from: string | null) => ({ type: "assignee.changed", data: { from, to: adminId, bulk: true }, actorKind: "api_token", actorLabel: ctx.actor.label });
    const expectations: [string, { events: object[]; statusChange: number }][] = [
      [both.id, { events: [moved(), assigned(null)], statusChange: 1 }],
      [statusOnly.id, { events: [moved()], statusChange: 1 }],
      [assigneeOnly, { events: [assigned(null)], statusChange: 0 }],
    ];
    for (const [id, expected] of expectations) {
      const row = after.get(id)!;
      expect(row).toMatchObject({ status: "waiting_on_customer", assigneeId: adminId, version: before.get(id)!.version + 1, updatedAt: now });
      expect(row.statusChanges).toBe(before.get(id)!.statusChanges + expected.statusChange);
      const newEvents = (row.events as { at: string }[]).slice((before.get(id)!.events ?? []).length);
      expect(newEvents.map(({ at: _at, ...event }) => event)).toEqual(expected.events);
      expect(newEvents.every((event) => new Date(event.at).getTime() - now.getTime() < 10)).toBe(true);
    }
    // Both events of the case that needed both keep the order they were made in.
    const bothEvents = (after.get(both.id)!.events as { type: string; at: string }[]).slice(-2);
    expect(new Date(bothEvents[0]!.at) < new Date(bothEvents[1]!.at)).toBe(true);
    expect(after.get(neither)).toEqual(before.get(neither));
  });
});
