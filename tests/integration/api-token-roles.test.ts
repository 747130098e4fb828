import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/tenancy/provision";
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

  it("a revoked token is refused at once", async () => {
    const token = await issueTestToken(tenant.tenantId, "supervisor");
    expect((await me(token)).status).toBe(200);
    await adminPool().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [hashSecret(token)]);
    expect((await me(token)).status).toBe(401);
  });
});
