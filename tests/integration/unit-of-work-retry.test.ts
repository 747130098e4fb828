import "@/tests/support/integration-env";
import { afterAll, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/secrets";
import { provisionTenant } from "@/lib/members/provision-tenant";
import { toProblem } from "@/lib/http/problem";
import { withTenant } from "@/lib/tenancy/with-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { issueTestToken } from "@/tests/support/tokens";

afterAll(closeAdminPool);

// Two units of work that lock the same two rows in opposite orders deadlock; PostgreSQL aborts one.
// withTenant runs the aborted one again (it was rolled back whole), so both callers succeed instead
// of one getting a 500 (seen under bench:load on the metrics aggregates' rows).
describe("a unit of work that PostgreSQL aborts for a deadlock", () => {
  it("is run again and succeeds; the other one succeeds too", async () => {
    const { tenantId } = await provisionTenant({ name: "Deadlock retry" });
    const ids: string[] = [];
    for (const name of ["first", "second"]) {
      const token = await issueTestToken(tenantId, "agent", { name });
      ids.push((await adminPool().query(`SELECT id FROM "ApiToken" WHERE "tokenHash" = $1`, [hashSecret(token)])).rows[0].id);
    }
    let runs = 0;
    const lockInOrder = (order: string[], label: string) =>
      withTenant(tenantId, async (tx) => {
        runs += 1;
        for (const id of order) {
          await tx.$executeRaw`UPDATE "ApiToken" SET name = ${label} WHERE "tenantId" = ${tenantId}::uuid AND id = ${id}::uuid`;
          await tx.$executeRaw`SELECT pg_sleep(0.3)`;
        }
        return label;
      });
    const results = await Promise.all([lockInOrder([ids[0]!, ids[1]!], "forwards"), lockInOrder([ids[1]!, ids[0]!], "backwards")]);
    expect(results).toEqual(["forwards", "backwards"]);
    expect(runs).toBe(3);
    const { rows } = await adminPool().query(`SELECT DISTINCT name FROM "ApiToken" WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows).toHaveLength(1); // whichever ran last wrote both rows: no half-applied unit of work
  }, 20_000);
});

// Under 50 clients editing one tenant, a unit of work was aborted on each of its attempts (bench:load:
// 2 edits of 46 answered 500). After the last attempt the caller is told the server is busy (503,
// nothing changed), never a 500.
describe("a unit of work that PostgreSQL aborts on every attempt", () => {
  it("is tried five times, then answers 503 'busy' and leaves nothing written", async () => {
    const { tenantId } = await provisionTenant({ name: "Deadlock every time" });
    await issueTestToken(tenantId, "agent", { name: "before" });
    let runs = 0;
    const error = await withTenant(tenantId, async (tx) => {
      runs += 1;
      await tx.$executeRaw`UPDATE "ApiToken" SET name = 'changed' WHERE "tenantId" = ${tenantId}::uuid`;
      await tx.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = 'deadlock_detected'; END $$`;
    }).catch((caught: unknown) => caught);
    expect(runs).toBe(5);
    expect(toProblem(error)).toEqual({ status: 503, body: { error: { code: "unavailable", message: expect.stringMatching(/server is busy/) } } });
    const { rows } = await adminPool().query(`SELECT count(*)::int AS changed FROM "ApiToken" WHERE "tenantId" = $1 AND name = 'changed'`, [tenantId]);
    expect(rows).toEqual([{ changed: 0 }]);
  }, 20_000);
});
