// A short in-process memory of API token checks (decision 0084). Every API request used to pay a
// transaction of its own (4 round trips and a pool checkout) to find its token; remembering a valid
// token for a few seconds removes that from all but the first request of each burst. The price is
// bounded staleness: a token revoked on another app instance keeps working here for at most
// API_TOKEN_CACHE_TTL_MS; revoking on this instance forgets it at once (forgetApiToken).
// Only tokens found valid are remembered: an unknown token is looked up every time, so a flood of
// guesses cannot fill the memory and a brand-new token is never refused from memory.

export const API_TOKEN_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedApiToken<Identity> {
  identity: Identity;
  /** Epoch ms after which the entry is not used: the TTL, or the token's own expiry if sooner. */
  validUntil: number;
}

export class ApiTokenCache<Identity extends { tokenId: string }> {
  private readonly entries = new Map<string, CachedApiToken<Identity>>();

  /** The identity remembered for this token hash, if it is still fresh at `now`. */
  get(tokenHash: string, now: number): Identity | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.validUntil <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.identity;
  }

  remember(tokenHash: string, identity: Identity, now: number, expiresAt: Date | null): void {
    const validUntil = Math.min(now + API_TOKEN_CACHE_TTL_MS, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    if (validUntil <= now) return;
    // Map keeps insertion order: re-inserting moves the entry last, so the first one is the oldest.
    this.entries.delete(tokenHash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { identity, validUntil });
  }

  /** Forgets a token by id (on revocation, so this instance refuses it from the next request on). */
  forget(tokenId: string): void {
    for (const [hash, entry] of this.entries) if (entry.identity.tokenId === tokenId) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
