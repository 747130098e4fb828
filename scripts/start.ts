// `npm start`: prepares the database (embedded PostgreSQL unless DATABASE_URL is set), applies
// migrations, builds the app if the sources changed, seeds the demo tenant on the first embedded
// start, and serves on http://localhost:3000 (PORT to change).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolveAdminDatabase } from "@/lib/db/setup/admin-database";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { appPrisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { loadLocalSecrets } from "@/lib/db/setup/local-secrets";
import { buildIfNeeded } from "./start/build-if-needed";
import { ensureDemoTenant } from "./start/demo-tenant";

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

  const database = await resolveAdminDatabase();
  const shutdownDatabase = once(() => database.release());
  try {
    const { applied } = await applyMigrations(database.adminUrl, { log: (m) => console.log(`[migrate] ${m}`) });
    console.log(`[migrate] ${applied.length ? `applied ${applied.join(", ")}` : "schema is up to date"}`);

    const secrets = loadLocalSecrets();
    process.env.APP_DATABASE_URL ||= await ensureAppRole(database.adminUrl, secrets.appDatabasePassword);
    process.env.NEXTAUTH_SECRET = secrets.nextAuthSecret;
    process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

    if (database.embedded && process.env.PST_DEMO !== "0") {
      await ensureDemoTenant();
      await appPrisma().$disconnect();
    }
    await buildIfNeeded();
  } catch (error) {
    await shutdownDatabase();
    throw error;
  }

  // Our HTTP server in front of Next.js (client address, security headers, body limits): scripts/serve.ts.
  const next = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    stdio: "inherit",
    env: { ...process.env, PORT: String(port), NODE_ENV: "production" },
  });
  console.log(`Photo Sync Triage is starting on http://localhost:${port}`);
  const stop = async (signal: NodeJS.Signals) => {
    next.kill(signal);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  next.on("exit", async (code) => {
    await shutdownDatabase();
    process.exit(code ?? 0);
  });
}

function once(fn: () => Promise<void>) {
  let done: Promise<void> | undefined;
  return () => (done ??= fn().catch((error) => console.error("Stopping the database failed:", error)));
}

main().catch((error) => {
  console.error(`\nCould not start Photo Sync Triage: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
