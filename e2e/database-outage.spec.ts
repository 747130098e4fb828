import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../lib/db/setup/embedded-postgres";
import { runTsx } from "./support/run-cli";

// A product instance of its own on a PostgreSQL this test can stop and start again, to show the
// 503 page during an outage and recovery without a restart.
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let root: string;
let database: EmbeddedPostgresHandle | null = null;
let dbPort: number;
let product: ChildProcess | null = null;
let baseURL: string;
let admin: { email: string; password: string };

async function startDatabase() {
  database = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: dbPort, persistent: true });
  return database;
}

test.beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "pst-outage-"));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(root, 0o711);
  dbPort = await findFreePort();
  const { adminUrl } = await startDatabase();
  const appPort = await findFreePort();
  baseURL = `http://localhost:${appPort}`;
  const env = { DATABASE_URL: adminUrl, APP_DATABASE_PASSWORD: "outage-test-password-123", PST_DATA_DIR: path.join(root, "data") };
  const created = runTsx("scripts/tenant-create.ts", ["--name", "Outage Desk"], env);
  expect(created.status, created.stderr).toBe(0);
  admin = JSON.parse(created.stdout).admin;
  product = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { ...process.env, ...env, PORT: String(appPort), NEXTAUTH_URL: baseURL },
    stdio: "ignore",
  });
  await expect
    .poll(async () => fetch(`${baseURL}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 180_000, intervals: [1_000] })
    .toBe(200);
});

test.afterAll(async () => {
  product?.kill("SIGTERM");
  await database?.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

test("a stopped database gives a clear 503 page, and the product recovers when it returns", async ({ page }) => {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tenant administration" })).toBeVisible();

  await database!.stop();
  database = null;

  const during = await page.goto(`${baseURL}/`);
  expect(during?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "We can’t reach the database right now" })).toBeVisible();
  const api = await page.request.get(`${baseURL}/api/health`);
  expect(api.status()).toBe(503);
  // Nothing of the error reaches the browser: no host, port or SQL.
  for (const text of [await page.content(), await api.text()]) {
    for (const detail of ["127.0.0.1", String(dbPort), "ECONNREFUSED", "SELECT", "postgres"]) expect(text).not.toContain(detail);
  }

  await startDatabase();
  // The 503 page checks again every 5 s and returns to where the person was.
  await expect(page.getByRole("heading", { level: 1, name: "Tenant administration" })).toBeVisible({ timeout: 30_000 });
  expect((await page.request.get(`${baseURL}/api/health`)).status()).toBe(200);
});
