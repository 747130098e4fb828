import "@/tests/support/integration-env";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHousekeeping } from "@/lib/housekeeping/purge";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { adminDatabaseUrl } from "@/tests/support/integration-env";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { apiContext, createTestCase } from "@/tests/support/case-factory";

// What the app throws away by itself, across tenants, once a day old — and only that — with one
// instance at a time.

let a: ProvisionedTenant;
let b: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Housekeeping A" });
  b = await provisionTenant({ name: "Housekeeping B" });
});
afterAll(closeAdminPool);

async function idempotencyKey(tenantId: string, key: string, age: string) {
  await adminPool().query(
    `INSERT INTO "IdempotencyKey" ("tenantId", "key", "requestHash", "responseStatus", "responseBody", "createdAt") VALUES ($1, $2, 'h', 201, '{}', now() - $3::interval)`,
    [tenantId, key, age],
  );
}

async function attachment(tenantId: string, caseId: string | null, age: string): Promise<string> {
  const id = randomUUID();
  await adminPool().query(
    `INSERT INTO "Attachment" ("tenantId", "id", "caseId", "contentType", "sizeBytes", "sha256", "data", "createdAt") VALUES ($1, $2, $3, 'image/png', 1, 'x', '\\x00', now() - $4::interval)`,
    [tenantId, id, caseId, age],
  );
  return id;
}

const exists = async (table: string, column: string, value: string) =>
  (await adminPool().query(`SELECT 1 FROM "${table}" WHERE "${column}" = $1`, [value])).rowCount === 1;

describe("housekeeping", () => {
  it("purges day-old idempotency keys and unattached screenshots of every tenant, and nothing else", async () => {
    const caseOfA = await createTestCase(apiContext(a.tenantId));
    await idempotencyKey(a.tenantId, "old-a", "25 hours");
    await idempotencyKey(b.tenantId, "old-b", "3 days");
    await idempotencyKey(a.tenantId, "fresh-a", "2 hours");
    const loose = await attachment(a.tenantId, null, "30 hours");
    const looseOfB = await attachment(b.tenantId, null, "2 days");
    const attached = await attachment(a.tenantId, caseOfA.id, "30 days");
    const justUploaded = await attachment(b.tenantId, null, "10 minutes");

    const result = await runHousekeeping();
    expect(result).toMatchObject({ ran: true });
    expect(result.ran && result.idempotencyKeys).toBeGreaterThanOrEqual(2);
    expect(result.ran && result.attachments).toBeGreaterThanOrEqual(2);

    expect(await exists("IdempotencyKey", "key", "old-a")).toBe(false);
    expect(await exists("IdempotencyKey", "key", "old-b")).toBe(false);
    expect(await exists("IdempotencyKey", "key", "fresh-a")).toBe(true);
    expect(await exists("Attachment", "id", loose)).toBe(false);
    expect(await exists("Attachment", "id", looseOfB)).toBe(false);
    expect(await exists("Attachment", "id", attached)).toBe(true);
    expect(await exists("Attachment", "id", justUploaded)).toBe(true);
  });

  it("purges expired sessions and spent rate-limit counters", async () => {
    const userId = (await adminPool().query(`SELECT "userId" FROM "Membership" WHERE "tenantId" = $1`, [a.tenantId])).rows[0].userId as string;
    const expired = randomUUID();
    await adminPool().query(`INSERT INTO "StaffSession" ("tenantId", "id", "userId", "createdAt", "expiresAt") VALUES ($1, $2, $3, now() - interval '3 days', now() - interval '2 days')`, [a.tenantId, expired, userId]);
    await adminPool().query(`INSERT INTO "rate_limit" ("key", "points", "expire") VALUES ('spent-counter', 3, $1)`, [Date.now() - 60_000]);
    expect(await runHousekeeping()).toMatchObject({ ran: true });
    expect(await exists("StaffSession", "id", expired)).toBe(false);
    expect(await exists("rate_limit", "key", "spent-counter")).toBe(false);
  });

  it("runs in one instance at a time: while another holds the lock, it skips", async () => {
    await idempotencyKey(a.tenantId, "old-while-locked", "2 days");
    const other = new pg.Client({ connectionString: adminDatabaseUrl });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(7305011011)"); // another instance is purging
      expect(await runHousekeeping()).toEqual({ ran: false });
      expect(await exists("IdempotencyKey", "key", "old-while-locked")).toBe(true);
    } finally {
      await other.query("COMMIT");
      await other.end();
    }
    expect(await runHousekeeping()).toMatchObject({ ran: true });
    expect(await exists("IdempotencyKey", "key", "old-while-locked")).toBe(false);
  });
});
