import { describe, expect, it } from "vitest";
import { API_TOKEN_CACHE_TTL_MS, ApiTokenCache } from "@/lib/auth/api-token-cache";

const identity = (tokenId: string) => ({ tokenId, tenantId: "t" });

describe("the API token check's memory", () => {
  it("answers for at most the TTL, then forgets", () => {
    const cache = new ApiTokenCache<ReturnType<typeof identity>>();
    cache.remember("h1", identity("a"), 1_000, null);
    expect(cache.get("h1", 1_000 + API_TOKEN_CACHE_TTL_MS - 1)).toEqual(identity("a"));
    expect(cache.get("h1", 1_000 + API_TOKEN_CACHE_TTL_MS)).toBeNull();
  });

  it("never outlives the token's own expiry, and does not keep an expired token", () => {
    const cache = new ApiTokenCache<ReturnType<typeof identity>>();
    cache.remember("h1", identity("a"), 1_000, new Date(2_000));
    expect(cache.get("h1", 1_999)).not.toBeNull();
    expect(cache.get("h1", 2_000)).toBeNull();
    cache.remember("h2", identity("b"), 3_000, new Date(2_000));
    expect(cache.get("h2", 3_000)).toBeNull();
  });

  it("forgets a revoked token by id at once and leaves the others", () => {
    const cache = new ApiTokenCache<ReturnType<typeof identity>>();
    cache.remember("h1", identity("a"), 0, null);
    cache.remember("h2", identity("b"), 0, null);
    cache.forget("a");
    expect(cache.get("h1", 1)).toBeNull();
    expect(cache.get("h2", 1)).toEqual(identity("b"));
  });

  it("stays bounded: beyond 10,000 tokens the oldest is dropped", () => {
    const cache = new ApiTokenCache<ReturnType<typeof identity>>();
    for (let i = 0; i <= 10_000; i += 1) cache.remember(`h${i}`, identity(`t${i}`), 0, null);
    expect(cache.get("h0", 1)).toBeNull();
    expect(cache.get("h1", 1)).not.toBeNull();
    expect(cache.get("h10000", 1)).not.toBeNull();
  });
});
