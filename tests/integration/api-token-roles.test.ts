import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { API_TOKEN_CACHE_TTL_MS } from "@/lib/auth/api-token-cache";
import { forgetApiToken } from "@/lib/auth/api-tokens";
import { hashSecret } from "@/lib/auth/secrets";
import { adminPool, closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

let tenant: ProvisionedTenant;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Token Roles" });
});
afterAll(closeAdminPool);

const me = (token: string) => call(meRoute, "GET", "/api/v1/me", { token });

describe("API tokens carry their own role", () => {
  it.each(["agent", "supervisor", "admin"] as const)("a %s token acts as a %s", async (role) => {
    const res = await me(await issueTestToken(tenant.tenantId, role));
    expect(res.status).toBe(200);
    expect(res.body.actor).toMatchObject({ kind: "api_token", role });
  });

  it("an expired token is refused with 401, a token expiring later works", async () => {
    const expired = await issueTestToken(tenant.tenantId, "agent", { expiresAt: new Date(Date.now() - 1_000) });
    const later = await issueTestToken(tenant.tenantId, "agent", { expiresAt: new Date(Date.now() + 3_600_000) });
    const refused = await me(expired);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    expect((await me(later)).status).toBe(200);
  });

  it("a token revoked on another instance is refused within 5 seconds (the token check's cache)", async () => {
    const token = await issueTestToken(tenant.tenantId, "supervisor");
    expect((await me(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      await adminPool().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [hashSecret(token)]);
      // Remembered for a few seconds: the revocation is not seen yet…
      vi.advanceTimersByTime(API_TOKEN_CACHE_TTL_MS - 1_000);
      expect((await me(token)).status).toBe(200);
      // …and is once the memory is older than 5 s.
      vi.advanceTimersByTime(1_001);
      expect((await me(token)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a token revoked on this instance is refused at once", async () => {
    const token = await issueTestToken(tenant.tenantId, "supervisor");
    expect((await me(token)).status).toBe(200);
    const { rows } = await adminPool().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1 RETURNING id`, [hashSecret(token)]);
    forgetApiToken(rows[0].id);
    expect((await me(token)).status).toBe(401);
  });

  it("a remembered token still stops at its own expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const token = await issueTestToken(tenant.tenantId, "agent", { expiresAt: new Date(Date.now() + 2_000) });
      expect((await me(token)).status).toBe(200);
      vi.advanceTimersByTime(2_001);
      expect((await me(token)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
