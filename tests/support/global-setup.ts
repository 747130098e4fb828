// Vitest globalSetup for the integration project: one throwaway PostgreSQL per test run
// (free port, temp dir deleted on teardown), migrated with prisma/migrations, and the
// application role given a password — tests connect as that role, so RLS applies to them.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { ensureAppRole } from "../../lib/db/setup/bootstrap";
import { startEmbeddedPostgres } from "../../lib/db/setup/embedded-postgres";
import { applyMigrations } from "../../lib/db/setup/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser connection: bypasses RLS. For setup and assertions only. */
    adminDatabaseUrl: string;
    /** The application role's connection (subject to RLS). */
    appDatabaseUrl: string;
  }
}

export default async function setup({ provide }: TestProject) {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    const { applied } = await applyMigrations(server.adminUrl);
    const appUrl = await ensureAppRole(server.adminUrl, randomBytes(18).toString("base64url"));
    provide("adminDatabaseUrl", server.adminUrl);
    provide("appDatabaseUrl", appUrl);
    console.log(`[global-setup] PostgreSQL on port ${server.port}, ${applied.length} migration(s), ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return async () => {
    await server.stop();
  };
}
