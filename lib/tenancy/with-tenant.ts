import type { Prisma } from "@/lib/db/generated/client";
import { appPrisma, type AppPrismaClient } from "@/lib/db/client";
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
  return client.$transaction(
    async (tx) => {
      for (const [name, value] of settings) {
        await tx.$queryRaw`SELECT set_config(${name}, ${value}, true)`;
      }
      return work(tx);
    },
    { isolationLevel, timeout: timeoutMs, maxWait: 5_000 },
  );
}
