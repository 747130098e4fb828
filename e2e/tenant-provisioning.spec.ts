import { expect, test } from "@playwright/test";
import { runTsx } from "./support/run-cli";

// `npm run tenant:create` against the product while it runs (same embedded database).
const E2E_ENV = { PST_DATA_DIR: ".data/e2e" };

test("tenant:create prints JSON whose API token works against /api/v1", async ({ request }) => {
  const result = runTsx("scripts/tenant-create.ts", ["--name", "Acme Support", "--admin-email", "ops@acme.example"], E2E_ENV);
  expect(result.stderr).not.toContain("failed");
  expect(result.status).toBe(0);
  const created = JSON.parse(result.stdout) as {
    tenantId: string;
    slug: string;
    admin: { email: string; password: string };
    apiToken: string;
  };
  expect(created).toMatchObject({ slug: "acme-support", admin: { email: "ops@acme.example" } });
  expect(created.admin.password.length).toBeGreaterThanOrEqual(16);
  expect(created.apiToken).toMatch(/^pst_/);

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${created.apiToken}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).tenant).toMatchObject({ id: created.tenantId, name: "Acme Support" });

  // The new tenant sees none of the demo tenant's cases.
  const cases = await request.get("/api/v1/cases", { headers: { Authorization: `Bearer ${created.apiToken}` } });
  expect(cases.status()).toBe(200);
  expect((await cases.json()).items).toEqual([]);

  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
});

test("tenant:create refuses bad input with a clear message and creates nothing", async () => {
  const missing = runTsx("scripts/tenant-create.ts", [], E2E_ENV);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain("--name is required");

  const badEmail = runTsx("scripts/tenant-create.ts", ["--name", "Beta Desk", "--admin-email", "not-an-email"], E2E_ENV);
  expect(badEmail.status).toBe(2);
  expect(badEmail.stderr).toContain("--admin-email: Admin email is not a valid email address");

  const duplicate = runTsx("scripts/tenant-create.ts", ["--name", "Gamma Desk", "--admin-email", "agent@demo.example"], E2E_ENV);
  expect(duplicate.status).toBe(2);
  expect(duplicate.stderr).toContain("already exists");
});
