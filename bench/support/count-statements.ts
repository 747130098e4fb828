import pg from "pg";

// Counts the statements (round trips) one call sends to PostgreSQL, by wrapping pg.Client#query —
// every path of the app's data access (Prisma's pg adapter, raw pg) ends there. BEGIN and COMMIT
// count too: each is a round trip.

export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return count;
}
