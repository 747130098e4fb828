import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

// The application's only database client. It connects as photo_sync_app (no superuser, no
// owner, no BYPASSRLS), so row-level security applies to every query it makes. Code reaches
// tenant rows through lib/tenancy/with-tenant.ts, never through this client directly.

export type AppPrismaClient = PrismaClient;

// pg waits forever by default. These make a database that is down, or up but not answering (a hung
// host, a stopped process, a black-holed network), a 503 within a few seconds instead of a hang:
// the server cancels slow statements itself; the client gives up on a connection that does not
// complete its start-up, and on a query whose answer does not come even when the server cannot
// cancel it; TCP keepalive notices a peer that vanished while a connection sat idle.
const DATABASE_TIMEOUTS = {
  statement_timeout: 8_000,
  idle_in_transaction_session_timeout: 15_000,
  query_timeout: 9_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
  idleTimeoutMillis: 30_000,
} as const;

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

// pg keeps a connection whose query timed out, and the next statement on it (Prisma's ROLLBACK)
// waits behind the unanswered one for a second timeout. A connection that did not answer is
// dropped instead, so its transaction fails at once and the pool makes a fresh connection.
class AppConnection extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }

  override query(...args: unknown[]): never {
    const result = (super.query as (...inner: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === "Query read timeout") (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      });
    }
    return result as never;
  }
}

/** Pool settings for every connection the app makes as its role (Prisma, rate limits). */
export function appPoolConfig(connectionString: string, max: number, queueWaitMs = POOL_QUEUE_WAIT_MS): pg.PoolConfig {
  return { connectionString, max, ...DATABASE_TIMEOUTS, connectionTimeoutMillis: queueWaitMs, Client: AppConnection };
}

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

export function createAppPrismaClient(url: string, options: { max?: number; queueWaitMs?: number } = {}): PrismaClient {
  const max = options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE);
  const adapter = new PrismaPg(appPoolConfig(url, max, options.queueWaitMs));
  return new PrismaClient({ adapter });
}

export function appPrisma(): PrismaClient {
  globalForPrisma.photoSyncPrisma ??= createAppPrismaClient(appDatabaseUrl());
  return globalForPrisma.photoSyncPrisma;
}
