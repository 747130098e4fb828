import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { appDatabaseUrl } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Request limits shared by every instance of the product: counters live in PostgreSQL (table
// rate_limit, created by the migrations) through rate-limiter-flexible, as the sign-in throttle
// does. Every limit in the product is a RateLimit below and is checked with consumeRateLimit().

export interface RateLimit {
  /** Prefix of the stored key; unique per limit. */
  name: string;
  /** Requests allowed per window. */
  points: number;
  windowSeconds: number;
}

const globalForLimits = globalThis as unknown as { photoSyncRateLimits?: { pool: pg.Pool; limiters: Map<string, RateLimiterPostgres> } };

function limiterFor(limit: RateLimit): RateLimiterPostgres {
  const store = (globalForLimits.photoSyncRateLimits ??= { pool: createPool(), limiters: new Map() });
  let limiter = store.limiters.get(limit.name);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: store.pool,
      storeType: "pool",
      tableName: "rate_limit",
      tableCreated: true,
      // One instance sweeps rows that expired over an hour ago every five minutes (timer unref'd).
      clearExpiredByTimeout: true,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
      // Once over the limit, this process answers from memory until the window ends: a flood
      // costs no further database writes.
      inMemoryBlockOnConsumed: limit.points + 1,
    });
    store.limiters.set(limit.name, limiter);
  }
  return limiter;
}

function createPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: appDatabaseUrl(), max: 3, connectionTimeoutMillis: 3_000, statement_timeout: 5_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by a database restart emits "error" on the pool; unhandled, that
  // would end the process. The next request reconnects (or answers 503 while the database is away).
  pool.on("error", () => undefined);
  return pool;
}

/**
 * Counts one request against `limit` for `key`. Over the limit it throws AppError "rate_limited"
 * (429) carrying `retryAfterSeconds` for the Retry-After header.
 */
export async function consumeRateLimit(limit: RateLimit, key: string): Promise<void> {
  try {
    await limiterFor(limit).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}

/** The Retry-After value of a rate-limited error, or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "rate_limited") return null;
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : null;
}
