import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against
// the product started exactly as `npm start` starts it, on its own embedded PostgreSQL and port.
const PORT = Number(process.env.E2E_PORT ?? 3123);
export const baseURL = `http://localhost:${PORT}`;
export const E2E_PID_FILE = ".data/e2e/server.pid";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // No retries (Playwright's default): a flaky test is a bug to fix, not to hide.
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
    timeout: 600_000, // a cold start builds (minutes on a shared 2-core machine) and seeds the demo with 90 days of history
    reuseExistingServer: !process.env.CI,
    // PST_PID_FILE: the HTTP server's process id, for tests that watch its memory (e2e/request-limits.spec.ts).
    env: { PORT: String(PORT), PST_DATA_DIR: ".data/e2e", E2E_FRESH: "1", PST_PID_FILE: E2E_PID_FILE },
    stdout: "pipe",
    stderr: "pipe",
  },
});
