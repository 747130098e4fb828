// npm run db:migration:create -- --name add_something [--schema prisma/schema.prisma] [--migrations-dir prisma/migrations]
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes the
// database built by the existing migrations to the current schema. Review it before committing;
// add hand-written SQL (RLS policies, grants, functions) to it as needed.
import path from "node:path";
import { parseArgs } from "node:util";
import { createMigration } from "@/lib/db/setup/create-migration";

process.env.CHECKPOINT_DISABLE = "1";

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string", short: "n" },
      schema: { type: "string" },
      "migrations-dir": { type: "string" },
    },
  });
  if (!values.name) throw new Error("missing --name (e.g. npm run db:migration:create -- --name add_case_notes)");
  const result = await createMigration({
    name: values.name,
    schemaPath: values.schema,
    migrationsDir: values["migrations-dir"],
    log: (msg) => console.log(msg),
  });
  if (!result.migrationFile) {
    console.log("No changes: the schema matches the existing migrations. Nothing written.");
    return;
  }
  const shown = path.relative(process.cwd(), result.migrationFile);
  console.log(`Wrote ${shown.startsWith("..") ? result.migrationFile : shown}:\n\n${result.sql}`);
  if (/\bDROP\b/i.test(result.sql ?? "")) {
    console.warn("WARNING: this migration drops something. Check it does not lose data.");
  }
}

main().catch((error: unknown) => {
  console.error(`db:migration:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
