import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema } from "@/lib/db/setup/create-migration";
import { applyMigrations } from "@/lib/db/setup/migrate";

const migrationsDir = path.resolve("prisma/migrations");
const migrationNames = existsSync(migrationsDir)
  ? readdirSync(migrationsDir).filter((n) => /^\d{14}_/.test(n) && existsSync(path.join(migrationsDir, n, "migration.sql"))).sort()
  : [];
if (migrationNames.length === 0) console.warn(`[migrations.test] ${migrationsDir} has no migrations: skipping its tests`);

const adminUrl = inject("adminDatabaseUrl");
const createdDatabases: string[] = [];

/** A fresh empty database in the test cluster, so each test starts from nothing. */
async function freshDatabase(): Promise<string> {
  const name = `migrations_test_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  createdDatabases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of createdDatabases) {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
});

describe.skipIf(migrationNames.length === 0)("prisma/migrations", () => {
  it("is idempotent: a second run applies nothing", async () => {
    const url = await freshDatabase();
    expect((await applyMigrations(url)).applied).toEqual(migrationNames);
    expect((await applyMigrations(url)).applied).toEqual([]);
    // The database prepared by the global setup is already up to date too.
    expect((await applyMigrations(adminUrl)).applied).toEqual([]);
  });

  it("records every migration in _prisma_migrations with its checksum, like prisma migrate deploy", async () => {
    const rows = await withClient(adminUrl, async (c) => {
      const result = await c.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      return result.rows;
    });
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const sql = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("serialises concurrent migrators: each migration is applied exactly once", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(migrationNames);
    const count = await withClient(url, (c) => c.query("SELECT count(*)::int AS n FROM _prisma_migrations"));
    expect(count.rows[0].n).toBe(migrationNames.length);
  });

  it("matches prisma/schema.prisma (no migration missing, hand-written SQL not seen as drift)", async () => {
    expect(await diffMigrationsToSchema()).toBeNull();
  });
});

// Guards the adapter fixes in lib/db/setup/schema-engine-adapter.ts with a self-contained history.
describe("hand-written SQL in migrations", () => {
  it("applies dollar-quoted bodies and reports failures by migration name", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pst-migrations-"));
    try {
      await writeMigration(dir, "20200101000000_init", `CREATE TABLE "Thing" ("id" INTEGER NOT NULL, CONSTRAINT "Thing_pkey" PRIMARY KEY ("id"));`);
      await writeMigration(
        dir,
        "20200101000001_functions",
        `CREATE FUNCTION semi() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'a;b'; END; $$;
         ALTER TABLE "Thing" ENABLE ROW LEVEL SECURITY;
         CREATE POLICY thing_all ON "Thing" USING (semi() = 'a;b');`,
      );
      const url = await freshDatabase();
      expect((await applyMigrations(url, { migrationsDir: dir })).applied).toHaveLength(2);
      const value = await withClient(url, (c) => c.query("SELECT semi() AS v"));
      expect(value.rows[0].v).toBe("a;b");

      await writeMigration(dir, "20200101000002_broken", `ALTER TABLE "Thing" ADD COLUMN "x" no_such_type;`);
      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
        /Migration 20200101000002_broken failed: .*no_such_type/,
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

async function writeMigration(dir: string, name: string, sql: string) {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql + "\n");
}
