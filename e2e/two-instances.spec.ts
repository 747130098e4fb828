import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../lib/db/setup/embedded-postgres";
import { runTsx } from "./support/run-cli";

// Two product instances behind one (imaginary) load balancer, on one database: whatever a person
// or an integration does on one must hold on the other. They share only what decision 0082 says
// they share — the database and NEXTAUTH_SECRET; each has its own local data folder.
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

let root: string;
let database: EmbeddedPostgresHandle | null = null;
const instances: { name: string; url: string; process: ChildProcess }[] = [];
let admin: { email: string; password: string };
let apiToken: string;

test.beforeAll(async () => {
  test.setTimeout(420_000); // two product starts and a tenant:create on a busy machine
  root = mkdtempSync(path.join(os.tmpdir(), "pst-two-"));
  chmodSync(root, 0o711); // PostgreSQL runs as `postgres` and must reach its data folder
  database = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), persistent: true });
  const shared = { DATABASE_URL: database.adminUrl, APP_DATABASE_PASSWORD: randomBytes(18).toString("base64url"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  const created = runTsx("scripts/tenant-create.ts", ["--name", "Two Instances Desk"], { ...shared, PST_DATA_DIR: path.join(root, "cli") });
  expect(created.status, created.stderr).toBe(0);
  ({ admin, apiToken } = JSON.parse(created.stdout));
  // Both at once: Playwright's web server has already built the sources, so neither start builds.
  await Promise.all(
    ["a", "b"].map(async (name) => {
      const port = await findFreePort();
      const url = `http://localhost:${port}`;
      const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
        env: { ...process.env, ...shared, PORT: String(port), NEXTAUTH_URL: url, PST_DATA_DIR: path.join(root, `instance-${name}`) },
        stdio: "ignore",
      });
      instances.push({ name, url, process: child });
      await expect
        .poll(async () => fetch(`${url}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 300_000, intervals: [1_000] })
        .toBe(200);
    }),
  );
  instances.sort((x, y) => x.name.localeCompare(y.name));
});

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill("SIGTERM");
  await Promise.all(instances.map((instance) => new Promise((resolve) => (instance.process.exitCode !== null ? resolve(null) : instance.process.on("exit", resolve)))));
  await database?.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

const [a, b] = [() => instances[0]!.url, () => instances[1]!.url];

async function submitSignIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a session started on one instance is honoured by the other", async ({ page }) => {
  await submitSignIn(page, a(), admin.email, admin.password);
  await expect(page.getByRole("heading", { level: 1, name: "Tenant administration" })).toBeVisible();
  // Same browser, same cookie (cookies are per host, not per port), the other instance.
  await page.goto(`${b()}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Tenant administration" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("failed sign-ins count across instances: the limit is reached whichever instance took them", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  for (const [attempt, instance] of [a, b, a, b, a].entries()) {
    await submitSignIn(page, instance(), admin.email, `wrong-${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  // The sixth attempt, even with the right password, is refused on both.
  for (const instance of [b, a]) {
    await submitSignIn(page, instance(), admin.email, admin.password);
    await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-ins");
  }
});

test("an idempotent create sent to both instances creates one case", async ({ request }) => {
  const key = randomUUID();
  const body = {
    customer: { name: "Twice Sent", email: "twice-sent@example.com" },
    devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15", osVersion: "17.5" }],
  };
  const headers = { authorization: `Bearer ${apiToken}`, "idempotency-key": key };
  const first = await request.post(`${a()}/api/v1/cases`, { headers, data: body });
  expect(first.status()).toBe(201);
  const retried = await request.post(`${b()}/api/v1/cases`, { headers, data: body });
  expect(retried.status()).toBe(201);
  expect(retried.headers()["idempotent-replayed"]).toBe("true");
  expect((await retried.json()).id).toBe((await first.json()).id);

  const changed = await request.post(`${b()}/api/v1/cases`, { headers, data: { ...body, customer: { ...body.customer, name: "Someone Else" } } });
  expect(changed.status()).toBe(409);
  const list = await request.get(`${a()}/api/v1/cases?q=twice`, { headers: { authorization: `Bearer ${apiToken}` } });
  expect((await list.json()).items).toHaveLength(1);
});
