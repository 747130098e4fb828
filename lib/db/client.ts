import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

// Two different waits (decision 0084). Connecting to PostgreSQL should take milliseconds: after
// 3 s the database is down or unreachable, a 503. Waiting in the pool's queue for a connection that
// other requests hold is load, not an outage: it may take longer, and when it does time out the
// request is told the server is busy (lib/db/errors.ts tells the two apart by pg-pool's messages).
// pg-pool has one setting for both, so the connect timeout rides on the connection class.
const CONNECT_TIMEOUT_MS = 3_000;
/** How long a request may queue for a free pooled connection; withTenant's maxWait follows it. */
export const POOL_QUEUE_WAIT_MS = 10_000;
// Measured under 50 clients on 2 cores (decision 0084): 10 connections answered with no error and a
// lower p95 than 20, which ran more transactions at once on a CPU-bound database — each then held
// its connection and locks longer. Waiting in the queue costs nothing; running slowly does.
const DEFAULT_POOL_SIZE = 10;

class AppConnection extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export function createAppPrismaClient(url: string, options: { max?: number; queueWaitMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE),
    Client: AppConnection,
    connectionTimeoutMillis: options.queueWaitMs ?? POOL_QUEUE_WAIT_MS,
    statement_timeout: 15_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export function appPrisma(): PrismaClient {
  globalForPrisma.photoSyncPrisma ??= createAppPrismaClient(appDatabaseUrl());
  return globalForPrisma.photoSyncPrisma;
}
