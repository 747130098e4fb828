import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against
// the product started exactly as `npm start` starts it, on its own embedded PostgreSQL and port.
const PORT = Number(process.env.E2E_PORT ?? 3123);
export const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 480_000, // a cold start seeds the demo (with 90 days of history) and builds
    reuseExistingServer: !process.env.CI,
    env: { PORT: String(PORT), PST_DATA_DIR: ".data/e2e", E2E_FRESH: "1" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
