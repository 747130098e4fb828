import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// The application's only database client. It connects as photo_sync_app (no superuser, no
// owner, no BYPASSRLS), so row-level security applies to every query it makes. Code reaches
// tenant rows through lib/tenancy/with-tenant.ts, never through this client directly.

export type AppPrismaClient = PrismaClient;

const globalForPrisma = globalThis as unknown as { photoSyncPrisma?: PrismaClient };

export function appDatabaseUrl(): string {
  const url = process.env.APP_DATABASE_URL;
  if (!url) {
    throw new Error(
      "APP_DATABASE_URL is not set. Start the product with `npm start` (it prepares the database), " +
        "or set APP_DATABASE_URL to a connection string for the photo_sync_app role.",
    );
  }
  return url;
}

export function createAppPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // pg waits forever by default: a stopped database would hang every request instead of failing fast.
    connectionTimeoutMillis: 3_000,
    statement_timeout: 15_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export function appPrisma(): PrismaClient {
  globalForPrisma.photoSyncPrisma ??= createAppPrismaClient(appDatabaseUrl());
  return globalForPrisma.photoSyncPrisma;
}
