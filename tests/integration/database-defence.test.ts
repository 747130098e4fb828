import "@/tests/support/integration-env";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserForSignIn } from "@/lib/auth/users";
import { appPrisma } from "@/lib/db/client";
import { createTenantWithMembers } from "@/lib/members/provision-tenant";
import { withLookup, withTenant } from "@/lib/tenancy/with-tenant";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { policyProblems } from "@/tests/support/rls-catalog";

// The database defends itself even if application code forgets: people are visible only through
// sign-in, the signed-in user and their own tenant; the app role cannot delete what the code never
// deletes; and the catalog is checked for what policies allow, not only that they exist.

let a: { tenantId: string; email: string; userId: string };
let b: { tenantId: string; email: string; userId: string };

async function tenantWithOne(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}@defence.example`;
  const created = await createTenantWithMembers({ name, slug: `${name.toLowerCase()}-${Date.now()}`, members: [{ email, name: `${name} person`, role: "admin", password: "defence-password-123" }] });
  return { tenantId: created.tenantId, email, userId: created.userIds[0]! };
}

beforeAll(async () => {
  a = await tenantWithOne("DefenceA");
  b = await tenantWithOne("DefenceB");
});
afterAll(closeAdminPool);

describe("row-level security policies (catalog)", () => {
  it("every policy depends on the tenant or a lookup value", async () => {
    expect(await policyProblems(adminPool())).toEqual([]);
  });

  it("the check catches a policy that allows everything", async () => {
    const client = new pg.Client({ connectionString: (await import("@/tests/support/integration-env")).adminDatabaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`CREATE TABLE "ScratchOpen" ("tenantId" uuid, "id" uuid)`);
      await client.query(`ALTER TABLE "ScratchOpen" ENABLE ROW LEVEL SECURITY`);
      await client.query(`CREATE POLICY open_to_all ON "ScratchOpen" USING (true)`);
      await client.query(`CREATE POLICY sneaky ON "ScratchOpen" FOR SELECT USING (true OR "tenantId" = app_current_tenant())`);
      const problems = (await policyProblems(client)).filter((problem) => problem.table === "ScratchOpen");
      expect(problems.map((problem) => problem.policy)).toEqual(expect.arrayContaining(["open_to_all", "sneaky"]));
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("with no tenant and no lookup set, the app role sees no row of any protected table", async () => {
    const { rows } = await adminPool().query<{ table: string }>(`
      SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`);
    expect(rows.map((row) => row.table)).toContain("User");
    for (const { table } of rows) {
      const [visible] = await appPrisma().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(visible?.n, `the app role sees rows of ${table} with nothing set`).toBe(0);
    }
  });
});

describe("people (the User table)", () => {
  it("sign-in finds exactly the account it asks for", async () => {
    expect(await findUserForSignIn(a.email)).toMatchObject({ id: a.userId, email: a.email });
    const seen = await withLookup("user_email", a.email, (tx) => tx.user.findMany({ select: { id: true } }));
    expect(seen).toEqual([{ id: a.userId }]);
  });

  it("a tenant sees its own members and nobody else, and cannot rename another tenant's people", async () => {
    const seen = await withTenant(a.tenantId, (tx) => tx.user.findMany({ select: { id: true } }));
    expect(seen).toEqual([{ id: a.userId }]);
    const renamed = await withTenant(a.tenantId, (tx) => tx.user.updateMany({ where: { id: b.userId }, data: { name: "Hijacked" } }));
    expect(renamed.count).toBe(0);
    const { rows } = await adminPool().query(`SELECT name FROM "User" WHERE id = $1`, [b.userId]);
    expect(rows[0].name).toBe("DefenceB person");
  });

  it("no one is created outside a tenant's unit of work", async () => {
    await expect(appPrisma().user.createMany({ data: [{ email: `loose-${Date.now()}@defence.example`, name: "Loose", passwordHash: "x" }] })).rejects.toThrow(/row-level security|violates/i);
  });
});

describe("privileges", () => {
  // Deleting is for rows that are replaced as a whole or purged by housekeeping. Anything else the app
  // closes, revokes or deactivates instead. A new DELETE grant belongs here with its reason.
  const DELETES = {
    Attachment: "housekeeping purges unattached screenshots",
    CaseSearchToken: "replaced with each write of a case's searchable facts",
    Device: "a case's devices are replaced as a whole",
    IdempotencyKey: "housekeeping purges keys older than a day",
    SavedView: "a person deletes their own view; supervisors delete the team's (lib/saved-views/manage-views.ts)",
    StaffSession: "housekeeping purges expired sessions",
    StatusObservation: "a case's status messages are replaced as a whole",
    rate_limit: "counters are reset on success and purged when spent",
  };

  it("the app role may delete only where the code deletes", async () => {
    const { rows } = await adminPool().query<{ table: string }>(`
      SELECT table_name AS table FROM information_schema.role_table_grants
      WHERE grantee = 'photo_sync_app' AND privilege_type = 'DELETE' AND table_schema = 'public' ORDER BY 1`);
    expect(
      rows.map((row) => row.table),
      "A DELETE grant the code does not use: revoke it in a migration, or add it to DELETES here with the reason",
    ).toEqual(Object.keys(DELETES).sort());
  });
});
