import "@/tests/support/integration-env";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createLimiter } from "@/lib/rate-limit/limiter";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { issueTestToken } from "@/tests/support/tokens";

// Guessing can't be sped up by asking in parallel, and limits hold across app instances: budgets
// are taken in PostgreSQL before the password is checked. (60 guesses from "60 addresses" with
// X-Forwarded-For against the running product: e2e/throttling.spec.ts.)

let tenant: ProvisionedTenant;

beforeAll(async () => {
  tenant = await provisionTenant({ name: "Throttle Desk" });
});
afterAll(closeAdminPool);

describe("sign-in throttling", () => {
  it("50 concurrent wrong passwords for one account: at most 5 are checked, the rest are throttled", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, index) => signInWithPassword({ email: tenant.admin.email, password: `wrong-${index}` }, `198.51.100.${index}`)),
    );
    const checked = attempts.filter((attempt) => !(attempt.ok === false && attempt.reason === "throttled"));
    console.log(`[throttle] 50 concurrent wrong passwords: ${checked.length} checked, ${50 - checked.length} throttled`);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(attempts.every((attempt) => !attempt.ok)).toBe(true);
    // Now even the right password waits out the block.
    expect(await signInWithPassword({ email: tenant.admin.email, password: tenant.admin.password }, "198.51.100.200")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("a successful sign-in gives the account its budget back", async () => {
    const other = await provisionTenant({ name: "Throttle Refund" });
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await signInWithPassword({ email: other.admin.email, password: "wrong" }, "203.0.113.7")).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await signInWithPassword({ email: other.admin.email, password: other.admin.password }, "203.0.113.7")).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await signInWithPassword({ email: other.admin.email, password: "wrong" }, "203.0.113.7")).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await signInWithPassword({ email: other.admin.email, password: "wrong" }, "203.0.113.7")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("throttles one address across many accounts", async () => {
    const results = [];
    for (let index = 0; index < 60; index++) results.push(await signInWithPassword({ email: `nobody-${index}@spray.example`, password: "guess" }, "192.0.2.99"));
    expect(results.slice(0, 50).every((result) => result.ok === false && result.reason === "invalid")).toBe(true);
    expect(results.slice(50).every((result) => result.ok === false && result.reason === "throttled")).toBe(true);
  });
});

describe("API rate limits", () => {
  it("an API token gets 429 with Retry-After beyond its budget", async () => {
    process.env.API_TOKEN_REQUESTS_PER_MINUTE = "5";
    try {
      const token = await issueTestToken(tenant.tenantId, "agent");
      const statuses = [];
      for (let index = 0; index < 7; index++) statuses.push(await call(meRoute, "GET", "/api/v1/me", { token }));
      expect(statuses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = statuses[5]!;
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.body.error.code).toBe("rate_limited");
      // Another token has its own budget.
      expect((await call(meRoute, "GET", "/api/v1/me", { token: await issueTestToken(tenant.tenantId, "agent") })).status).toBe(200);
    } finally {
      process.env.API_TOKEN_REQUESTS_PER_MINUTE = "1000000";
    }
  });

  it("requests without valid credentials count per address: guessing tokens gets 429", async () => {
    process.env.ANONYMOUS_REQUESTS_PER_MINUTE = "3";
    try {
      const from = (address: string) => ({ [process.env.PST_CLIENT_IP_HEADER!]: address });
      const guesses = [];
      for (let index = 0; index < 5; index++) guesses.push((await call(meRoute, "GET", "/api/v1/me", { token: `pst_guess${index}`, headers: from("198.18.0.1") })).status);
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
      expect((await call(meRoute, "GET", "/api/v1/me", { headers: from("198.18.0.2") })).status).toBe(401);
    } finally {
      process.env.ANONYMOUS_REQUESTS_PER_MINUTE = "1000000";
    }
  });

  it("two app instances (two connection pools) share one budget", async () => {
    const rule = { name: `shared-${Date.now()}`, points: 4, durationSeconds: 60 };
    const pools = [new pg.Pool({ connectionString: process.env.APP_DATABASE_URL, max: 2 }), new pg.Pool({ connectionString: process.env.APP_DATABASE_URL, max: 2 })];
    try {
      const [one, two] = pools.map((pool) => createLimiter(rule, pool)) as [ReturnType<typeof createLimiter>, ReturnType<typeof createLimiter>];
      const decisions = [await one.consume("key"), await two.consume("key"), await one.consume("key"), await two.consume("key"), await one.consume("key"), await two.consume("key")];
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, false, false]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
