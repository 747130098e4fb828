import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// The API reference at /api/docs: public, rendered from the served document, nothing from other hosts.

type Document = { paths: Record<string, Record<string, { summary: string }>> };

async function openReference(page: Page) {
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Photo Sync Triage API", level: 1 })).toBeVisible({ timeout: 30_000 });
}

test("lists every operation of the served document, without signing in", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
  const summaries = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.summary));
  expect(summaries.length).toBeGreaterThanOrEqual(10);
  await openReference(page);
  // Tags after the first start collapsed in the sidebar.
  for (const tag of ["Attachments", "Account", "Reference"]) await page.getByRole("button", { name: tag, exact: true }).click();
  for (const summary of summaries) await expect(page.getByRole("link", { name: summary, exact: true }).first(), summary).toBeVisible();
});

test("has no serious accessibility violations", async ({ page }) => {
  test.setTimeout(180_000); // axe over Scalar's large DOM is slow on a busy machine
  await openReference(page);
  await expectNoSeriousA11yViolations(page, "/api/docs");
  await page.getByRole("link", { name: "Create a case from intake facts", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Create a case from intake facts" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/api/docs (an operation)");
});

test("loads only from this server and breaks none of its Content-Security-Policy", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on("request", (sent) => {
    if (!sent.url().startsWith(baseURL!) && !sent.url().startsWith("data:")) foreign.push(sent.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const response = await page.goto("/api/docs");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { name: "Photo Sync Triage API", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Read a case", exact: true }).first()).toBeVisible();
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
  expect(loaded.filter((url) => !url.startsWith(location.origin))).toEqual([]);
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

test("staff find it in the navigation", async ({ page }) => {
  await signIn(page, "agent");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole("heading", { name: "Photo Sync Triage API", level: 1 })).toBeVisible({ timeout: 30_000 });
});
