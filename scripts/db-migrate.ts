// npm run db:migrate [-- --migrations-dir <dir>]
// Applies prisma/migrations to DATABASE_URL, or to the local embedded PostgreSQL (.data/postgres).
import { parseArgs } from "node:util";
import { resolveAdminDatabase } from "@/lib/db/setup/admin-database";
import { applyMigrations } from "@/lib/db/setup/migrate";

process.env.CHECKPOINT_DISABLE = "1";

async function main() {
  const { values } = parseArgs({ options: { "migrations-dir": { type: "string" }, "data-dir": { type: "string" } } });
  const log = (msg: string) => console.log(msg);
  const started = performance.now();
  const db = await resolveAdminDatabase({ dataDir: values["data-dir"], log });
  try {
    const { applied } = await applyMigrations(db.adminUrl, { migrationsDir: values["migrations-dir"], log });
    console.log(`Done: ${applied.length} migration(s) applied in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.release();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
