import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { appDatabaseUrl, appPoolConfig } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Every rate limit of the product (sign-in, API tokens, anonymous requests, the customer's link) is
// a LimitRule in lib/rate-limit/rules.ts and counts in PostgreSQL (one table, rate_limit), so all
// app instances share the counts and a restart forgets nothing. While the database is away each
// process falls back to counting in memory (rate-limiter-flexible's insurance limiter), so limits
// still hold, per process, during an outage. (Health and the 503 page count in memory only:
// app/_server/anonymous-limit.ts.) One table matters: rate-limiter-flexible names its prepared
// statements the same for every table. Decision 0051.

export interface LimitRule {
  /** Key prefix, unique per rule ("api-token", "sign-in-account", …). */
  name: string;
  points: number;
  durationSeconds: number;
  /** Once over the limit, refuse for this long (default: the rest of the window). */
  blockSeconds?: number;
}

type LimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface Limiter {
  /** Takes `points` from the key's budget; refused when the budget is spent. Atomic across instances. */
  consume(key: string, points?: number): Promise<LimitDecision>;
  /** Gives points back (a request that turned out not to count, e.g. a successful sign-in). */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets the key's count. */
  reset(key: string): Promise<void>;
}

const shared = globalThis as unknown as { photoSyncRateLimitPool?: pg.Pool; photoSyncLimiters?: Map<string, Limiter> };

function pool(): pg.Pool {
  if (!shared.photoSyncRateLimitPool) {
    shared.photoSyncRateLimitPool = new pg.Pool(appPoolConfig(appDatabaseUrl(), 3));
    // An idle connection dropped by a database restart emits "error" on the pool; unhandled, that
    // would end the process. The next request reconnects (or counts in memory while it is away).
    shared.photoSyncRateLimitPool.on("error", () => undefined);
  }
  return shared.photoSyncRateLimitPool;
}

/** One limiter per rule (and per its numbers, so a changed setting takes effect). */
export function rateLimiter(rule: LimitRule): Limiter {
  shared.photoSyncLimiters ??= new Map();
  const id = `${rule.name}:${rule.points}:${rule.durationSeconds}:${rule.blockSeconds ?? 0}`;
  let limiter = shared.photoSyncLimiters.get(id);
  if (!limiter) {
    limiter = createLimiter(rule);
    shared.photoSyncLimiters.set(id, limiter);
  }
  return limiter;
}

/** A limiter that counts in this process only: for routes that must answer while the database is away. */
export function memoryLimiter(rule: LimitRule): Limiter {
  const memory = new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds, blockDuration: rule.blockSeconds ?? 0, keyPrefix: rule.name });
  return limiterOver(memory);
}

/** A limiter over its own connection pool: what a second app instance would be (tests use it). */
export function createLimiter(rule: LimitRule, storeClient: pg.Pool = pool()): Limiter {
  const options = { points: rule.points, duration: rule.durationSeconds, blockDuration: rule.blockSeconds ?? 0, keyPrefix: rule.name };
  const store = new RateLimiterPostgres({
    ...options,
    storeClient,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true, // created by the migrations; the app role may not create tables
    clearExpiredByTimeout: false, // housekeeping deletes expired rows (lib/housekeeping)
    // Once a key is over its limit, this process refuses it from memory until the window ends: a
    // flood costs no further database writes. (reset() clears that too.)
    inMemoryBlockOnConsumed: rule.points + 1,
    // If the database errors, this process counts in memory until it is back.
    insuranceLimiter: new RateLimiterMemory(options),
  });
  return limiterOver(store);
}

function limiterOver(store: RateLimiterPostgres | RateLimiterMemory): Limiter {
  return {
    async consume(key, points = 1) {
      try {
        const res = await store.consume(key, points);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
    async refund(key, points = 1) {
      await store.reward(key, points);
    },
    async reset(key) {
      await store.delete(key);
    },
  };
}

/** Consumes one point or throws the 429 AppError carrying `retryAfterSeconds` (the HTTP layer adds Retry-After). */
export async function enforceRateLimit(rule: LimitRule, key: string, what: string): Promise<void> {
  const decision = await rateLimiter(rule).consume(key);
  if (!decision.allowed) {
    throw new AppError("rate_limited", `Too many requests ${what}. Try again in ${decision.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}


/** The Retry-After value of a rate-limited error, or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "rate_limited") return null;
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : null;
}
