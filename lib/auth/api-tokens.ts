import type { Role } from "@/lib/tenancy/roles";
import { ApiTokenCache } from "@/lib/auth/api-token-cache";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { withLookup, withTenant, type TenantTx } from "@/lib/tenancy/with-tenant";

// Tenant API tokens: `pst_<random>`; only the hash is stored and the secret is shown once.
const TOKEN_PREFIX = "pst";
const LAST_USED_PRECISION_MS = 60_000;

export interface IssuedApiToken {
  id: string;
  name: string;
  role: Role;
  token: string;
  prefix: string;
  expiresAt: Date | null;
}

export async function issueApiToken(
  tx: TenantTx,
  tenantId: string,
  input: { name: string; role: Role; createdById: string | null; createdByTokenId?: string | null; expiresAt?: Date | null; now?: Date },
): Promise<IssuedApiToken> {
  const token = newSecret(TOKEN_PREFIX);
  const prefix = token.slice(0, 10);
  const row = await tx.apiToken.create({
    data: {
      tenantId,
      name: input.name,
      role: input.role,
      tokenHash: hashSecret(token),
      prefix,
      createdById: input.createdById,
      createdByTokenId: input.createdByTokenId ?? null,
      expiresAt: input.expiresAt ?? null,
      ...(input.now ? { createdAt: input.now } : {}),
    },
  });
  return { id: row.id, name: row.name, role: row.role, token, prefix, expiresAt: row.expiresAt };
}

export interface ApiTokenIdentity {
  tenantId: string;
  tokenId: string;
  name: string;
  role: Role;
}

// One per server process (kept on globalThis so a reloaded module in development shares it).
const globalForTokens = globalThis as unknown as { photoSyncApiTokenCache?: ApiTokenCache<ApiTokenIdentity> };
const tokenCache = (globalForTokens.photoSyncApiTokenCache ??= new ApiTokenCache<ApiTokenIdentity>());

/**
 * Resolves a bearer token to its tenant and role, or null when it is unknown, revoked or expired.
 * A valid token is remembered for up to 5 s (lib/auth/api-token-cache.ts): a revocation made on
 * another app instance takes effect within that time, one made here at once (forgetApiToken).
 */
export async function authenticateApiToken(token: string): Promise<ApiTokenIdentity | null> {
  if (!token.startsWith(`${TOKEN_PREFIX}_`) || token.length > 200) return null;
  const tokenHash = hashSecret(token);
  const remembered = tokenCache.get(tokenHash, Date.now());
  if (remembered) return remembered;
  const found = await withLookup("api_token_hash", tokenHash, (tx) =>
    tx.apiToken.findUnique({ where: { tokenHash }, select: { tenantId: true, id: true, name: true, role: true, revokedAt: true, expiresAt: true, lastUsedAt: true } }),
  );
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now)) return null;
  // "Last used" is for people reviewing tokens: minute precision is enough, and it keeps a write
  // off every API request. Best effort: a failed update must not fail the request it authenticates.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    void withTenant(found.tenantId, (tx) =>
      tx.apiToken.update({ where: { tenantId_id: { tenantId: found.tenantId, id: found.id } }, data: { lastUsedAt: now } }),
    ).catch(() => undefined);
  }
  const identity = { tenantId: found.tenantId, tokenId: found.id, name: found.name, role: found.role };
  tokenCache.remember(tokenHash, identity, now.getTime(), found.expiresAt);
  return identity;
}

/** Makes this instance refuse a revoked token from its next request on (others within 5 s). */
export function forgetApiToken(tokenId: string): void {
  tokenCache.forget(tokenId);
}
