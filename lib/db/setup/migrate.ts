// `prisma migrate deploy`, offline: applies prisma/migrations with Prisma's WASM schema engine,
// recording them in `_prisma_migrations` exactly as the CLI does.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { parsePostgresUrl, withSchemaEngine, type PgConnectionFields, type SchemaEngine } from "./schema-engine";

export const DEFAULT_MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
const MIGRATION_DIR_PATTERN = /^\d{14}_[A-Za-z0-9_]+$/;
// Our own lock, distinct from the engine's pg_advisory_lock(72707369) which it takes on its own connection.
const MIGRATION_LOCK_KEY = 5_108_737_431n;
const LOCK_WAIT_SECONDS = 300;

const emptyFilters = { externalTables: [], externalEnums: [] };

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (msg: string) => void;
}

export async function applyMigrations(
  adminUrl: string,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrationsDir = path.resolve(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const migrationsList = await readMigrationsList(migrationsDir);
  const conn = parsePostgresUrl(adminUrl);
  if (migrationsList.migrationDirectories.length === 0) {
    log(`No migrations in ${migrationsDir}`);
    return { applied: [] };
  }
  return withMigrationLock(conn, log, () =>
    withSchemaEngine(conn, async (session) => {
      const { appliedMigrationNames } = await session.run("applyMigrations", (engine) =>
        engine.applyMigrations({ migrationsList, filters: emptyFilters }),
      );
      for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
      if (appliedMigrationNames.length === 0) log("Database is up to date; no migrations to apply");
      return { applied: appliedMigrationNames };
    }),
  );
}

type MigrationsList = Parameters<SchemaEngine["applyMigrations"]>[0]["migrationsList"];

/** Reads `<dir>/<timestamp>_<name>/migration.sql` + `migration_lock.toml` the way the Prisma CLI does. */
async function readMigrationsList(migrationsDir: string): Promise<MigrationsList> {
  const lockfileContent = await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = existsSync(migrationsDir) ? await fs.readdir(migrationsDir, { withFileTypes: true }) : [];
  const names = entries
    .filter((e) => e.isDirectory() && MIGRATION_DIR_PATTERN.test(e.name))
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = await fs
        .readFile(file, "utf8")
        .then((value) => ({ tag: "ok" as const, value }))
        .catch((e: Error) => ({ tag: "error" as const, value: `Cannot read ${file}: ${e.message}` }));
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Serialises concurrent migrators (e.g. two app instances starting at once) on one database. */
async function withMigrationLock<T>(conn: PgConnectionFields, log: (msg: string) => void, fn: () => Promise<T>) {
  const client = new pg.Client({ ...conn, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect().catch((e: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${conn.host}:${conn.port} (database ${conn.database}): ${e.message}`);
  });
  try {
    const key = MIGRATION_LOCK_KEY.toString();
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (!rows[0]?.locked) {
      log("Another process is migrating this database; waiting for it to finish");
      await client.query(`SET lock_timeout = '${LOCK_WAIT_SECONDS}s'`);
      await client.query("SELECT pg_advisory_lock($1::bigint)", [key]).catch((e: { code?: string }) => {
        if (e.code === "55P03") {
          throw new Error(`Timed out after ${LOCK_WAIT_SECONDS} s waiting for another process's migration to finish`);
        }
        throw e;
      });
    }
    return await fn();
  } finally {
    await client.end().catch(() => {}); // closing the session releases the advisory lock
  }
}
