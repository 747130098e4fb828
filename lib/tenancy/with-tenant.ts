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

// Pre-tenant lookups (sign-in, API token, customer link): the RLS policies let a transaction see
// only the rows matching the lookup value it sets. See prisma/migrations/20261121124000_row_level_security/migration.sql.
export type LookupKey = "api_token_hash" | "customer_link_hash" | "user_id";

export async function withLookup<T>(
  key: LookupKey,
  value: string,
  work: (tx: TenantTx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  if (!value) throw new Error(`withLookup: an empty ${key} matches nothing`);
  return runScoped([[`app.lookup_${key}`, value]], work, options);
}

async function runScoped<T>(
  settings: Array<[string, string]>,
  work: (tx: TenantTx) => Promise<T>,
  { client = appPrisma(), isolationLevel, timeoutMs = 10_000 }: UnitOfWorkOptions,
): Promise<T> {
  return client.$transaction(
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
}
