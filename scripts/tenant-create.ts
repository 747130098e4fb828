// `npm run tenant:create -- --name "Acme Support" [--admin-email a@b.c] [--admin-name "…"]`
// Provisions a tenant with its first admin and an API token, and prints one JSON object.
// Works while the product runs: it reaches the same database (DATABASE_URL, or the running embedded server).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { resolveAdminDatabase } from "@/lib/db/setup/admin-database";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { AppError } from "@/lib/errors/app-error";
import { fieldIssuesFromZod } from "@/lib/errors/validation";
import { loadLocalSecrets } from "@/lib/db/setup/local-secrets";
import { provisionTenant } from "@/lib/members/provision-tenant";

const USAGE = 'Usage: npm run tenant:create -- --name "Acme Support" [--admin-email admin@acme.example] [--admin-name "Ada"]';

async function main(): Promise<number> {
  let values: { name?: string; "admin-email"?: string; "admin-name"?: string };
  try {
    ({ values } = parseArgs({
      options: { name: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.name) {
    console.error(`--name is required.\n${USAGE}`);
    return 2;
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
  const database = await resolveAdminDatabase();
  try {
    await applyMigrations(database.adminUrl);
    process.env.APP_DATABASE_URL ||= await ensureAppRole(database.adminUrl, loadLocalSecrets().appDatabasePassword);
    const tenant = await provisionTenant({ name: values.name, adminEmail: values["admin-email"], adminName: values["admin-name"] });
    process.stdout.write(JSON.stringify(tenant, null, 2) + "\n");
    return 0;
  } catch (error) {
    if (error instanceof ZodError) {
      for (const issue of fieldIssuesFromZod(error)) console.error(`--${kebab(issue.path)}: ${issue.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    const { appPrisma } = await import("@/lib/db/client");
    await appPrisma().$disconnect().catch(() => undefined);
    await database.release();
  }
}

function kebab(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`tenant:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
