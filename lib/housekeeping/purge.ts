import { withLookup } from "@/lib/tenancy/with-tenant";

// What the product throws away by itself, across tenants, once a day old: idempotency keys (a
// retried create is long over), screenshots uploaded but never attached to a case, expired
// sessions, and spent rate-limit counters. Row-level security lets the app role see and delete
// only rows these rules call garbage (the 'housekeeping' lookup policies), and an advisory lock
// makes one app instance at a time do it.

const RETENTION_MS = 24 * 60 * 60 * 1000;
// Any fixed number unique to this job; pg_try_advisory_xact_lock releases it at commit.
const HOUSEKEEPING_LOCK = 7_305_011_011;

export type HousekeepingResult =
  | { ran: false }
  | { ran: true; idempotencyKeys: number; attachments: number; sessions: number; rateLimitCounters: number };

export async function runHousekeeping(now = new Date()): Promise<HousekeepingResult> {
  const cutoff = new Date(now.getTime() - RETENTION_MS);
  return withLookup(
    "housekeeping",
    "purge",
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${HOUSEKEEPING_LOCK}::bigint) AS locked`;
      if (!lock?.locked) return { ran: false } as const;
      const idempotencyKeys = await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } });
      const attachments = await tx.attachment.deleteMany({ where: { caseId: null, createdAt: { lt: cutoff } } });
      const sessions = await tx.staffSession.deleteMany({ where: { expiresAt: { lt: cutoff } } });
      const rateLimitCounters = await tx.$executeRaw`DELETE FROM "rate_limit" WHERE "expire" < ${now.getTime()}::bigint`;
      return { ran: true, idempotencyKeys: idempotencyKeys.count, attachments: attachments.count, sessions: sessions.count, rateLimitCounters } as const;
    },
    { timeoutMs: 60_000 },
  );
}
