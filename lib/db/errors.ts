// Recognises "the database is not there" in its many shapes (pg, the Prisma adapter, Prisma's
// own codes), so callers can answer 503 and retry later instead of crashing. ("timeout expired" is
// pg's own connect timeout, lib/db/client.ts.)
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006", "P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_TEXT = /ECONNREFUSED|ECONNRESET|Connection terminated|^timeout expired$|timeout exceeded when trying to connect|Can't reach database|Unable to start a transaction in the given time|on an expired transaction|connection (?:is )?closed|the database system is (?:starting up|shutting down)|terminating connection|DatabaseNotReachable|ConnectionClosed/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; errors?: unknown };
  if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
  if (typeof candidate.kind === "string" && /NotReachable|ConnectionClosed|SocketTimeout/.test(candidate.kind)) return true;
  if (typeof candidate.message === "string" && UNAVAILABLE_TEXT.test(candidate.message)) return true;
  if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}

// pg-pool's queue timeout ("timeout exceeded when trying to connect": all connections were busy for
// POOL_QUEUE_WAIT_MS), Prisma's maxWait behind it, and a unit of work that outlived its transaction
// timeout (rolled back) mean the server is overloaded while the database is up. Still a 503 with
// Retry-After, but not worded as an outage (decision 0084). A connection that could not be made at
// all is pg's "timeout expired" or "Connection terminated…": unreachable.
const POOL_WAIT_TEXT = /timeout exceeded when trying to connect|Unable to start a transaction in the given time|on an expired transaction/i;

export function isPoolWaitTimeout(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof candidate.message === "string" && POOL_WAIT_TEXT.test(candidate.message)) return true;
  return isPoolWaitTimeout(candidate.cause, depth + 1);
}
