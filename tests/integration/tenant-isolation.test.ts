import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appPrisma } from "@/lib/db/client";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { withTenant } from "@/lib/tenancy/with-tenant";

// Isolation is proven against the real database, as the application's own role.
let tenantA: ProvisionedTenant;
let tenantB: ProvisionedTenant;
let caseOfB: string;
let admin: pg.Client;

async function insertCase(tenantId: string, customerName: string) {
  return withTenant(tenantId, async (tx) => {
    const customer = await tx.customer.create({ data: { tenantId, name: customerName } });
    const { caseSeq } = await tx.tenant.update({ where: { id: tenantId }, data: { caseSeq: { increment: 1 } } });
    return tx.case.create({
      data: { tenantId, number: caseSeq, customerId: customer.id, problemSince: new Date() },
    });
  });
}

beforeAll(async () => {
  process.env.APP_DATABASE_URL = inject("appDatabaseUrl");
  admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  tenantA = await provisionTenant({ name: "Isolation A" });
  tenantB = await provisionTenant({ name: "Isolation B" });
  await insertCase(tenantA.tenantId, "Customer of A");
  caseOfB = (await insertCase(tenantB.tenantId, "Customer of B")).id;
});

afterAll(async () => {
  await admin.end();
});

describe("tenant isolation (row-level security, app role)", () => {
  it("a query inside withTenant(A) never returns B's rows", async () => {
    const cases = await withTenant(tenantA.tenantId, (tx) => tx.case.findMany({ include: { customer: true } }));
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.tenantId === tenantA.tenantId)).toBe(true);
    const byId = await withTenant(tenantA.tenantId, (tx) => tx.case.findMany({ where: { id: caseOfB } }));
    expect(byId).toEqual([]);
    const tenants = await withTenant(tenantA.tenantId, (tx) => tx.tenant.findMany());
    expect(tenants.map((t) => t.id)).toEqual([tenantA.tenantId]);
  });

  it("writing B's data inside A's context fails", async () => {
    await expect(
      withTenant(tenantA.tenantId, (tx) => tx.customer.create({ data: { tenantId: tenantB.tenantId, name: "Smuggled" } })),
    ).rejects.toThrow(/row-level security|violates/i);
    const updated = await withTenant(tenantA.tenantId, (tx) =>
      tx.case.updateMany({ where: { id: caseOfB }, data: { appleCaseNumber: "hijacked" } }),
    );
    expect(updated.count).toBe(0);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "Customer" WHERE name = 'Smuggled'`);
    expect(rows[0].n).toBe(0);
    const untouched = await admin.query(`SELECT "appleCaseNumber" FROM "Case" WHERE id = $1`, [caseOfB]);
    expect(untouched.rows[0].appleCaseNumber).toBeNull();
  });

  it("with no tenant set, tenant tables show zero rows and raise no error", async () => {
    // Runs after withTenant transactions on the same pool: the setting must not have leaked.
    expect(await appPrisma().case.findMany()).toEqual([]);
    expect(await appPrisma().customer.count()).toBe(0);
    expect(await appPrisma().tenant.findMany()).toEqual([]);
    const setting = await appPrisma().$queryRaw<{ t: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS t`;
    expect(setting[0]?.t ?? "").toBe("");
  });

  it("the application's role is not superuser, not a table owner and cannot bypass RLS", async () => {
    const [role] = await appPrisma().$queryRaw<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>`
      SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toMatchObject({ rolname: "photo_sync_app", rolsuper: false, rolbypassrls: false });
    const owned = await appPrisma().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`;
    expect(owned[0]?.n).toBe(0);
  });

  it("every tenant table has RLS enabled and forced, with a policy (read from the catalog)", async () => {
    const { rows } = await admin.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (c.relname = 'Tenant' OR EXISTS (
          SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped))
      ORDER BY 1`);
    expect(rows.length).toBeGreaterThanOrEqual(13);
    const unprotected = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unprotected).toEqual([]);
  });

  it("the timeline cannot be updated or deleted by the application", async () => {
    const tenantId = tenantA.tenantId;
    const [firstCase] = await withTenant(tenantId, (tx) => tx.case.findMany({ take: 1 }));
    const event = await withTenant(tenantId, (tx) =>
      tx.caseEvent.create({ data: { tenantId, caseId: firstCase!.id, type: "test.event", actorKind: "system", actorLabel: "test" } }),
    );
    await expect(
      withTenant(tenantId, (tx) => tx.caseEvent.updateMany({ where: { id: event.id }, data: { type: "rewritten" } })),
    ).rejects.toThrow(/permission denied|append-only/i);
    await expect(withTenant(tenantId, (tx) => tx.caseEvent.deleteMany({ where: { id: event.id } }))).rejects.toThrow(
      /permission denied|append-only/i,
    );
  });
});
