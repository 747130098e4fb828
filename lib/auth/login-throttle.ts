import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { appDatabaseUrl } from "@/lib/db/client";

// Failed sign-ins are counted per account and per IP in PostgreSQL (table login_throttle, created
// by the migrations), so limits hold across restarts and processes.
export const LOGIN_LIMITS = {
  perAccount: { points: Number(process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 5), duration: 15 * 60, blockDuration: 15 * 60 },
  perIp: { points: Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 50), duration: 60 * 60, blockDuration: 60 * 60 },
};

interface LoginThrottle {
  /** Seconds until the next attempt is allowed, or 0 when not blocked. */
  isBlocked(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  reset(email: string, ip: string): Promise<void>;
}

const globalForThrottle = globalThis as unknown as { photoSyncLoginThrottle?: Promise<LoginThrottle> };

export function loginThrottle(): Promise<LoginThrottle> {
  globalForThrottle.photoSyncLoginThrottle ??= createLoginThrottle();
  return globalForThrottle.photoSyncLoginThrottle;
}

async function createLoginThrottle(): Promise<LoginThrottle> {
  const pool = new pg.Pool({ connectionString: appDatabaseUrl(), max: 2, connectionTimeoutMillis: 3_000 });
  // An idle connection dropped by a database restart must not end the process (unhandled "error").
  pool.on("error", () => undefined);
  const common = { storeClient: pool, storeType: "pool" as const, tableName: "login_throttle", tableCreated: true, clearExpiredByTimeout: false };
  const byAccount = new RateLimiterPostgres({ ...common, keyPrefix: "acct", ...LOGIN_LIMITS.perAccount });
  const byIp = new RateLimiterPostgres({ ...common, keyPrefix: "ip", ...LOGIN_LIMITS.perIp });

  const blockedFor = async (limiter: RateLimiterPostgres, key: string, max: number) => {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= max ? Math.ceil(res.msBeforeNext / 1000) : 0;
  };
  const consume = async (limiter: RateLimiterPostgres, key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error; // over the limit: already blocked, nothing more to do
    }
  };

  return {
    async isBlocked(email, ip) {
      const [account, address] = await Promise.all([
        blockedFor(byAccount, email, LOGIN_LIMITS.perAccount.points),
        blockedFor(byIp, ip, LOGIN_LIMITS.perIp.points),
      ]);
      return Math.max(account, address);
    },
    async recordFailure(email, ip) {
      await Promise.all([consume(byAccount, email), consume(byIp, ip)]);
    },
    async reset(email) {
      await byAccount.delete(email);
    },
  };
}
