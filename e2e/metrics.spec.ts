import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Supervisors' metrics on the demo tenant's 90 days of history (SPEC §8, issue 10).

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function weeksShown(page: Page): Promise<number> {
  return page.getByTestId("escalations-table").locator("tbody tr").count();
}

test.describe("metrics", () => {
  test("the supervisor opens /metrics; a range preset and a platform change the URL and the numbers", async ({ page }) => {
    await signIn(page, "supervisor");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).click();
    await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
    await expect(page.getByTestId("metrics-scope")).toContainText(`${daysAgo(89)} to ${today()}`);
    for (const name of ["Which fixes work", "Which cases age", "How many escalate", "Time to resolve", "Why cases are not ready to escalate"]) {
      await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
    }
    const weeks90 = await weeksShown(page);
    expect(weeks90).toBeGreaterThanOrEqual(13);
    const firstRule = page.getByTestId("fix-table").locator("tbody tr").first();
    const allDevices = await firstRule.innerText();

    await page.getByRole("navigation", { name: "Date range presets" }).getByRole("link", { name: "Last 30 days" }).click();
    await expect(page).toHaveURL(new RegExp(`/metrics\\?from=${daysAgo(29)}&to=${today()}$`));
    await expect(page.getByTestId("metrics-scope")).toContainText(`${daysAgo(29)} to ${today()}`);
    expect(await weeksShown(page)).toBeLessThan(weeks90);

    await page.getByRole("combobox", { name: "Platform" }).selectOption("mac");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/platform=mac/);
    await expect(page.getByTestId("metrics-scope")).toContainText("Cases with a Mac");
    await expect(page.getByTestId("fix-table").locator("tbody tr").first()).not.toHaveText(allDevices);
    await expect(page.getByTestId("fix-table").locator("tbody td", { hasText: /^iPhone/ })).toHaveCount(0);
  });

  test("the fix table downloads as CSV with its header and rows", async ({ page }) => {
    await signIn(page, "supervisor", "/metrics");
    await page.goto("/metrics");
    const rowsShown = await page.getByTestId("fix-table").locator("tbody tr").count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV of fix effectiveness" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fix-effectiveness_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("ruleId,title,devices,platform,osMajor,attempts,resolved,noChange,worse,rate,rateLow,rateHigh,smallSample");
    expect(lines.length - 1).toBe(rowsShown);
    expect(lines[1]).toMatch(/^[a-z-]+,[^,]+,All devices,,,\d+,\d+,\d+,\d+,[\d.]+,[\d.]+,[\d.]+,(true|false)$/);
  });

  test("a suggestion on a case shows how it went on similar cases here", async ({ page }) => {
    await signIn(page, "agent");
    const list = await (await page.request.get("/api/v1/cases?status=open&platform=iphone&limit=30")).json();
    let target: { id: string; ruleId: string; rate: number; attempts: number } | null = null;
    for (const item of list.items as { id: string }[]) {
      const view = await (await page.request.get(`/api/v1/cases/${item.id}`)).json();
      const hint = view.fixHints.find((h: { ruleId: string }) => view.suggestions.some((s: { ruleId: string }) => s.ruleId === h.ruleId));
      if (hint) {
        target = { id: item.id, ruleId: hint.ruleId, rate: hint.rate, attempts: hint.attempts };
        break;
      }
    }
    expect(target, "a demo case with a hint").not.toBeNull();
    await page.goto(`/cases/${target!.id}`);
    const suggestion = page.getByTestId("suggestions").locator(`li[data-rule-id="${target!.ruleId}"]`);
    await expect(suggestion.getByTestId("fix-hint")).toContainText(`Resolved ${Math.round(target!.rate * 100)}% of ${target!.attempts} similar cases here`);
  });

  test("agents get 403 from the page and the API", async ({ page }) => {
    await signIn(page, "agent");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" })).toHaveCount(0);
    await page.goto("/metrics");
    await expect(page.getByRole("heading", { name: "You don’t have access to that page" })).toBeVisible();
    const response = await page.request.get("/api/v1/metrics/fix-effectiveness");
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });

  test("the metrics page passes axe and is usable by keyboard", async ({ page }) => {
    await signIn(page, "supervisor", "/metrics");
    await page.goto("/metrics");
    await expectNoSeriousA11yViolations(page, "/metrics");
    await page.getByRole("link", { name: /Attempts/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=attempts/);
    await page.screenshot({ path: "test-results/metrics-page.png", fullPage: true });
  });
});
