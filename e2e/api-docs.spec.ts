import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// The API reference at /api/docs: public, rendered from the served document, nothing from other hosts.

type Document = { tags: { name: string }[]; paths: Record<string, Record<string, { summary: string }>> };

const sidebar = (page: Page) => page.getByRole("complementary", { name: /^Sidebar/ });
/** Scalar names a sidebar entry by its summary and method. */
const operationLink = (page: Page, summary: string, method: string) =>
  sidebar(page).getByRole("link", { name: `${summary} HTTP Method: ${method.toUpperCase()}`, exact: true });

async function openReference(page: Page) {
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Photo Sync Triage API", level: 1 })).toBeVisible({ timeout: 30_000 });
}

test("lists every operation of the served document, without signing in", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
  const operations = Object.values(document.paths).flatMap((item) => Object.entries(item).map(([method, operation]) => ({ method, summary: operation.summary })));
  expect(operations.length).toBeGreaterThanOrEqual(10);
  await openReference(page);
  // Tags after the first start collapsed.
  for (const { name } of document.tags) {
    const opener = sidebar(page).getByRole("button", { name: `Open Group - ${name}`, exact: true });
    if ((await opener.count()) > 0) await opener.click();
  }
  for (const { method, summary } of operations) await expect(operationLink(page, summary, method), summary).toBeVisible();
});

test("has no serious accessibility violations", async ({ page }) => {
  test.setTimeout(180_000); // axe over Scalar's large DOM is slow on a busy machine
  await openReference(page);
  await expectNoSeriousA11yViolations(page, "/api/docs");
  await operationLink(page, "Create a case from intake facts", "post").click();
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
  await expect(operationLink(page, "Read a case", "get")).toBeVisible();
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
  expect(loaded.filter((url) => !url.startsWith(baseURL!))).toEqual([]);
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

test("staff find it in the navigation", async ({ page }) => {
  await signIn(page, "agent");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole("heading", { name: "Photo Sync Triage API", level: 1 })).toBeVisible({ timeout: 30_000 });
});
