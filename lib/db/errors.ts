// Recognises database faults in their many shapes (pg, the Prisma adapter, Prisma's own codes), so
// callers answer 503 and retry later instead of crashing or showing the error's text:
//   - "unreachable": the server is down, restarting, or not answering in time;
//   - "refused": it answers but refuses the application's role (wrong password, missing grant);
//   - "busy": the database is up but this server is overloaded (decision 0084): pg-pool's queue wait
//     ("timeout exceeded when trying to connect": every connection was busy for POOL_QUEUE_WAIT_MS),
//     Prisma's maxWait behind it, a unit of work that outlived its transaction timeout, or one that
//     PostgreSQL kept aborting for deadlocks with other writers (withTenant retries it first).
// All recover without a restart: every pool connection is made fresh when the next one is needed.
// (pg's own connect timeout, "timeout expired", is a connection that could not be made: unreachable.)
export type DatabaseFault = "unreachable" | "refused" | "busy";

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "57P01", "57P02", "57P03", "57014", "08000", "08001", "08003", "08004", "08006", "53300", "P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNREACHABLE_TEXT = /ECONNREFUSED|ECONNRESET|Connection terminated|^timeout expired$|Query read timeout|Can't reach database|connection (?:is )?closed|the database system is (?:starting up|shutting down)|terminating connection|statement timeout|canceling statement due to statement timeout|Transaction already closed|DatabaseNotReachable|ConnectionClosed|SocketTimeout/i;
// 28P01 wrong password, 28000 role may not log in, 42501 missing privilege, 3D000 no such database.
const REFUSED_CODES = new Set(["28P01", "28000", "42501", "3D000", "P1000", "P1003", "P1010"]);
const REFUSED_TEXT = /password authentication failed|permission denied for|role "[^"]*" is not permitted to log in|AuthenticationFailed/i;

const BUSY_TEXT = /timeout exceeded when trying to connect|Unable to start a transaction in the given time|on an expired transaction|write conflict or a deadlock|TransactionWriteConflict/i;

export function databaseFault(error: unknown): DatabaseFault | null {
  if (isBusy(error)) return "busy";
  return outageOf(error);
}

function isBusy(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const candidate = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  // P2034: Prisma's "write conflict or deadlock"; the pg adapter reports 40001 / 40P01 as TransactionWriteConflict.
  if (candidate.code === "P2034" || candidate.kind === "TransactionWriteConflict") return true;
  if (typeof candidate.message === "string" && BUSY_TEXT.test(candidate.message)) return true;
  return isBusy(candidate.meta?.driverAdapterError, depth + 1) || isBusy(candidate.cause, depth + 1);
}

function outageOf(error: unknown, depth = 0): DatabaseFault | null {
  if (!error || typeof error !== "object" || depth > 6) return null;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; errors?: unknown; originalCode?: unknown };
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code !== "string") continue;
    if (REFUSED_CODES.has(code)) return "refused";
    if (UNREACHABLE_CODES.has(code)) return "unreachable";
  }
  if (typeof candidate.kind === "string") {
    if (/AuthenticationFailed|DatabaseAccessDenied/.test(candidate.kind)) return "refused";
    if (/NotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(candidate.kind)) return "unreachable";
  }
  if (typeof candidate.message === "string") {
    if (REFUSED_TEXT.test(candidate.message)) return "refused";
    if (UNREACHABLE_TEXT.test(candidate.message)) return "unreachable";
  }
  if (Array.isArray(candidate.errors)) {
    for (const inner of candidate.errors) {
      const fault = outageOf(inner, depth + 1);
      if (fault) return fault;
    }
  }
  return outageOf(candidate.cause, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFault(error) !== null;
}

/** What a person or client is told; never the error's own text (host, port, SQL stay in the log). */
export const DATABASE_FAULT_MESSAGES: Record<DatabaseFault, string> = {
  unreachable: "The database is unreachable right now. Nothing was lost; try again in a moment.",
  busy: "The server is busy right now. Nothing was changed; try again in a moment.",
  refused: "The database refused the application's credentials or permissions. Nothing was saved; an operator needs to fix the database access, then it works again without a restart.",
};
