// Vitest globalSetup for the integration project: one throwaway PostgreSQL per test run
// (free port, temp dir deleted on teardown), migrated with prisma/migrations.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser connection: bypasses RLS. For setup/assertions only. */
    adminDatabaseUrl: string;
    /** Application role connection (subject to RLS); equals adminDatabaseUrl until lib/db/bootstrap.ts exists. */
    appDatabaseUrl: string;
  }
}

interface BootstrapModule {
  prepareTestDatabase?: (adminUrl: string) => Promise<string | { appUrl: string }>;
  ensureAppRole?: (adminUrl: string, password: string) => Promise<string>;
}

export default async function setup({ provide }: TestProject) {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ persistent: false });
  try {
    const { applied } = await applyMigrations(server.adminUrl);
    // With no migrations yet there is no app role to bootstrap.
    const appUrl = applied.length > 0 ? await prepareAppDatabase(server.adminUrl) : server.adminUrl;
    if (applied.length === 0) console.warn("[global-setup] prisma/migrations is empty: appDatabaseUrl is the superuser URL");
    provide("adminDatabaseUrl", server.adminUrl);
    provide("appDatabaseUrl", appUrl);
    console.log(
      `[global-setup] PostgreSQL on port ${server.port}, ${applied.length} migration(s), ready in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return async () => {
    await server.stop();
  };
}

async function prepareAppDatabase(adminUrl: string): Promise<string> {
  const bootstrapFile = fileURLToPath(new URL("../../lib/db/bootstrap.ts", import.meta.url));
  if (!existsSync(bootstrapFile)) {
    console.warn("[global-setup] lib/db/bootstrap.ts not found: appDatabaseUrl is the superuser URL (RLS bypassed)");
    return adminUrl;
  }
  const bootstrap = (await import(/* @vite-ignore */ bootstrapFile)) as BootstrapModule;
  if (bootstrap.prepareTestDatabase) {
    const prepared = await bootstrap.prepareTestDatabase(adminUrl);
    return typeof prepared === "string" ? prepared : prepared.appUrl;
  }
  if (bootstrap.ensureAppRole) return bootstrap.ensureAppRole(adminUrl, randomBytes(18).toString("base64url"));
  throw new Error("lib/db/bootstrap.ts exports neither prepareTestDatabase nor ensureAppRole");
}
