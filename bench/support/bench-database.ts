import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureAppRole } from "@/lib/db/setup/bootstrap";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle, type ServerSettings } from "@/lib/db/setup/embedded-postgres";
import { applyMigrations } from "@/lib/db/setup/migrate";
import { seedCases, type SeedReport } from "../seed-cases";

// A throwaway embedded PostgreSQL with the migrations applied, one big tenant (provisioned through
// the real service, so it has an admin and an admin API token) and the other tenants' cases around
// it, seeded set-based. Shared by bench:api and bench:load.

export interface BenchDatabase {
  server: EmbeddedPostgresHandle;
  adminUrl: string;
  appUrl: string;
  appPassword: string;
  bigTenant: { tenantId: string; adminUserId: string; adminEmail: string; adminToken: string };
  seed: SeedReport;
}

export interface BenchDatabaseOptions {
  bigTenantCases: number;
  /** Tenants in all, the big one included. */
  tenants: number;
  /** Cases spread over the other tenants. */
  otherCases: number;
  settings?: ServerSettings;
  log?: (message: string) => void;
}

export async function prepareBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const log = options.log ?? (() => {});
  const server = await startEmbeddedPostgres({ persistent: false, settings: options.settings });
  try {
    await applyMigrations(server.adminUrl);
    const appPassword = randomBytes(18).toString("base64url");
    const appUrl = await ensureAppRole(server.adminUrl, appPassword);
    // The app's client reads APP_DATABASE_URL when first used: set it before any service is imported.
    process.env.APP_DATABASE_URL = appUrl;
    const { provisionTenant } = await import("@/lib/members/provision-tenant");
    const big = await provisionTenant({ name: "Bench Big Tenant" });

    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      const adminUserId = (await admin.query(`SELECT id FROM "User" WHERE email = $1`, [big.admin.email])).rows[0].id as string;
      const others = await insertOtherTenants(admin, options.tenants - 1);
      const perOther = others.length ? Math.floor(options.otherCases / others.length) : 0;
      log(`Seeding ${options.bigTenantCases.toLocaleString("en-US")} cases in one tenant and ${(perOther * others.length).toLocaleString("en-US")} in ${others.length} others…`);
      const seed = await seedCases(server.adminUrl, [
        { tenantId: big.tenantId, cases: options.bigTenantCases, assigneeId: adminUserId },
        ...others.map((tenantId) => ({ tenantId, cases: perOther, assigneeId: null })),
      ]);
      return {
        server,
        adminUrl: server.adminUrl,
        appUrl,
        appPassword,
        bigTenant: { tenantId: big.tenantId, adminUserId, adminEmail: big.admin.email, adminToken: big.apiToken },
        seed,
      };
    } finally {
      await admin.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// The other tenants only hold cases: a Tenant row each is all the seed needs.
async function insertOtherTenants(admin: pg.Client, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await admin.query(
    `INSERT INTO "Tenant" (id, slug, name) SELECT uuidv7(), 'bench-other-' || i, 'Bench Other ' || i FROM generate_series(1, $1::int) i RETURNING id`,
    [count],
  );
  return rows.map((row) => row.id as string);
}

/** Settings for a benchmark's throwaway server: room for a million cases' indexes, no WAL for index builds. */
export const BENCH_SERVER_SETTINGS: ServerSettings = {
  shared_buffers: "512MB",
  maintenance_work_mem: "512MB",
  work_mem: "16MB",
  max_wal_size: "8GB",
  checkpoint_timeout: "30min",
  // With wal_level=minimal the seed's index builds skip the WAL.
  wal_level: "minimal",
  max_wal_senders: 0,
};
