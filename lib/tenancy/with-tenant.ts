import type { Prisma } from "@/lib/db/generated/client";
import { appPrisma, POOL_QUEUE_WAIT_MS, type AppPrismaClient } from "@/lib/db/client";
import { isUuid } from "@/lib/util/uuid";

// The one way code reaches tenant data (docs/decisions/0001-tenant-isolation.md).
// Each unit of work is one transaction whose first statement sets app.tenant_id with
// is_local = true, so the setting dies with the transaction and can never leak to the
// next user of a pooled connection. Row-level security reads it; an unset tenant sees nothing.

export type TenantTx = Prisma.TransactionClient;

export interface UnitOfWorkOptions {
  /** Override the client (tests pass one bound to their own database). */
  client?: AppPrismaClient;
  /** Serializable for work that must not interleave (rare; read committed is the default). */
  isolationLevel?: Prisma.TransactionIsolationLevel;
  timeoutMs?: number;
}

export async function withTenant<T>(
  tenantId: string,
  work: (tx: TenantTx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  if (!isUuid(tenantId)) throw new Error(`withTenant: "${tenantId}" is not a tenant id`);
  return runScoped([["app.tenant_id", tenantId]], work, options);
}

// Pre-tenant lookups (sign-in, sessions, API token, customer link, invitation, housekeeping): the RLS
// policies let a transaction see only the rows matching the lookup values it sets. See
// prisma/migrations/20261121124000_row_level_security and 20261122010018_hardening.
export type LookupKey = "api_token_hash" | "customer_link_hash" | "invitation_hash" | "user_id" | "user_email" | "session_id" | "housekeeping";

export async function withLookup<T>(
  key: LookupKey,
  value: string,
  work: (tx: TenantTx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  return withLookups({ [key]: value }, work, options);
}

/** Several lookup values in one transaction (a session check needs the user and the session). */
export async function withLookups<T>(
  values: Partial<Record<LookupKey, string>>,
  work: (tx: TenantTx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  const settings = Object.entries(values).map(([key, value]): [string, string] => {
    if (!value) throw new Error(`withLookup: an empty ${key} matches nothing`);
    return [`app.lookup_${key}`, value];
  });
  return runScoped(settings, work, options);
}

async function runScoped<T>(
  settings: Array<[string, string]>,
  work: (tx: TenantTx) => Promise<T>,
  { client = appPrisma(), isolationLevel, timeoutMs = 10_000 }: UnitOfWorkOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await client.$transaction(
        async (tx) => {
          for (const [name, value] of settings) {
            await tx.$queryRaw`SELECT set_config(${name}, ${value}, true)`;
          }
          return work(tx);
        },
        // Starting the transaction includes queueing for a pooled connection: the pool's own queue
        // timeout (a "busy" answer) comes first, Prisma's maxWait only backs it up.
        { isolationLevel, timeout: timeoutMs, maxWait: POOL_QUEUE_WAIT_MS + 2_000 },
      );
    } catch (error) {
      if (attempt >= WRITE_CONFLICT_ATTEMPTS || !isWriteConflict(error)) throw error;
      // PostgreSQL rolled the whole unit of work back, so running it again is safe (units of work
      // only touch the database). A random pause, longer each time, lets the other transactions
      // finish first. If every attempt conflicts, the caller gets a 503 "busy" (lib/db/errors.ts).
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 50 * 2 ** (attempt - 1)));
    }
  }
}

// Concurrent writes in one tenant meet on the metrics aggregates' rows (trigger-kept counters), and
// under load two of them can deadlock; PostgreSQL then aborts one (40P01, or 40001 under
// serializable), which Prisma reports as P2034 — or, from a raw query, as P2010 with the driver
// adapter's "TransactionWriteConflict". Retried, it succeeds (bench:load, decision 0084). Three
// attempts were not always enough with 50 clients editing one tenant's cases (2 of 46 edits in one
// bench:load run): five, with the pause doubling (≤ 10–810 ms in all).
const WRITE_CONFLICT_ATTEMPTS = 5;

function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2034" || meta?.driverAdapterError?.cause?.kind === "TransactionWriteConflict";
}
