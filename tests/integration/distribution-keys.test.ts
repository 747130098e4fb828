import { adminDatabaseUrl } from "../support/integration-env";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// SPEC §6: the schema can be distributed by tenant (Citus) when one machine is outgrown. Citus
// needs, for every table distributed by "tenantId": a NOT NULL tenantId; the distribution column in
// every primary key and unique index (a shard cannot check uniqueness across shards); and foreign
// keys between distributed tables that join on it. Keys that *lead* with tenantId also keep each
// tenant's rows together in every index. Read from the catalog, so a table added later is checked
// too. docs/decisions/0082-scale-out-citus-and-several-app-instances.md has the plan.

/** Tables without tenantId that become Citus reference tables (copied to every node): tenant tables may refer to them. */
const REFERENCE_TABLES = new Set(["User"]);
/** Distributed by its own id (the tenant id), colocated with every tenant table: referred to by tenantId only. */
const TENANT_ROOT = "Tenant";

/**
 * Unique indexes that are global on purpose today: pre-tenant lookups by the hash of a secret.
 * Decision 0082 moves them to (tenantId, tokenHash) with the tenant carried by the token before a
 * Citus move; lib/auth changes for that wait for issue 11's request-wrapper work (phase 2 of issue 14).
 */
// The invitation link (issue 9) is the same kind: the invitee has no tenant until the hash finds it.
const GLOBAL_SECRET_LOOKUPS = new Set(["ApiToken_tokenHash_key", "CustomerLink_tokenHash_key", "Invitation_tokenHash_key"]);

const HOW_TO_FIX =
  'Put "tenantId" first: @@id([tenantId, id]), @@unique([tenantId, …]), and relations with fields: [tenantId, …], references: [tenantId, …] ' +
  "(see docs/decisions/0082-scale-out-citus-and-several-app-instances.md).";

let admin: pg.Client;
let tenantTables: string[];

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  const { rows } = await admin.query<{ table: string }>(`
    SELECT c.relname AS table FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'tenantId' AND NOT a.attisdropped
    ORDER BY 1`);
  tenantTables = rows.map((row) => row.table);
});

afterAll(async () => {
  await admin.end();
});

/** Key columns of every constraint or index of the public schema, in key order. */
async function keys(kind: "primary" | "unique" | "foreign") {
  const sql = {
    primary: `SELECT cl.relname AS table, co.conname AS name, array_agg(a.attname::text ORDER BY k.ord) AS columns, NULL::text AS target, NULL::text[] AS "targetColumns"
      FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
      CROSS JOIN LATERAL unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum
      WHERE co.contype = 'p' AND co.connamespace = 'public'::regnamespace GROUP BY 1, 2`,
    unique: `SELECT cl.relname AS table, ic.relname AS name, array_agg(a.attname::text ORDER BY k.ord) AS columns, NULL::text AS target, NULL::text[] AS "targetColumns"
      FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, ord)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisunique AND cl.relnamespace = 'public'::regnamespace GROUP BY 1, 2`,
    foreign: `SELECT cl.relname AS table, co.conname AS name,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum) AS columns,
        ref.relname AS target,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum) AS "targetColumns"
      FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class ref ON ref.oid = co.confrelid
      WHERE co.contype = 'f' AND co.connamespace = 'public'::regnamespace`,
  }[kind];
  const { rows } = await admin.query<{ table: string; name: string; columns: (string | null)[]; target: string | null; targetColumns: string[] | null }>(sql);
  return rows;
}

describe("every tenant table can be distributed by tenantId (catalog)", () => {
  it("finds the tenant tables, and none of them allows a NULL tenantId", async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(["Case", "CaseEvent", "CaseSearchToken", "Customer", "Device", "Membership"]));
    const { rows } = await admin.query(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relname = ANY($1::text[]) AND c.relnamespace = 'public'::regnamespace AND a.attname = 'tenantId' AND NOT a.attnotnull`,
      [tenantTables],
    );
    expect(rows.map((row) => `${row.table}.tenantId is nullable: a row must always belong to a tenant`)).toEqual([]);
  });

  it("every primary key and unique index of a tenant table leads with tenantId", async () => {
    const keyed = [...(await keys("primary")), ...(await keys("unique"))].filter((key) => tenantTables.includes(key.table));
    expect(keyed.filter((key) => key.table === "Case").length).toBeGreaterThanOrEqual(2);
    const wrong = keyed
      .filter((key) => key.columns[0] !== "tenantId" && !GLOBAL_SECRET_LOOKUPS.has(key.name))
      .map((key) => `${key.table}: ${key.name} (${key.columns.map((c) => c ?? "<expression>").join(", ")}) does not lead with tenantId. ${HOW_TO_FIX}`);
    expect(wrong).toEqual([]);
  });

  it("foreign keys between tenant tables join on tenantId first; other targets are only reference tables", async () => {
    const foreign = (await keys("foreign")).filter((key) => tenantTables.includes(key.table));
    expect(foreign.length).toBeGreaterThanOrEqual(15);
    const wrong = foreign.flatMap((key) => {
      const label = `${key.table}: ${key.name} (${key.columns.join(", ")}) → ${key.target}(${key.targetColumns!.join(", ")})`;
      if (tenantTables.includes(key.target!)) {
        return key.columns[0] === "tenantId" && key.targetColumns![0] === "tenantId" ? [] : [`${label} does not join on tenantId first. ${HOW_TO_FIX}`];
      }
      if (key.target === TENANT_ROOT) {
        return key.columns.join() === "tenantId" ? [] : [`${label}: a tenant table refers to its Tenant through its own tenantId column only.`];
      }
      return REFERENCE_TABLES.has(key.target!) ? [] : [`${label} points at ${key.target}, which is neither a tenant table, ${TENANT_ROOT}, nor a reference table (${[...REFERENCE_TABLES].join(", ")}).`];
    });
    expect(wrong).toEqual([]);
  });

  it("reference tables refer to no tenant table (Citus cannot enforce a key from a reference table into a distributed one)", async () => {
    const wrong = (await keys("foreign"))
      .filter((key) => REFERENCE_TABLES.has(key.table) && (tenantTables.includes(key.target!) || key.target === TENANT_ROOT))
      .map((key) => `${key.table}: ${key.name} points into the tenant table ${key.target}`);
    expect(wrong).toEqual([]);
  });

  it("the global secret-hash lookups allowed above still exist (drop them from the list once they lead with tenantId)", async () => {
    const names = (await keys("unique")).map((key) => key.name);
    for (const name of GLOBAL_SECRET_LOOKUPS) expect(names).toContain(name);
  });
});
