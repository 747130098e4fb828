import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Saved views: an agent's view survives signing out and in; a supervisor's team view appears for
// an agent, who can use it but not change it.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("an agent saves a view, signs out and in, and opens it with the same filters, sort and columns", async ({ page }) => {
  const name = `Macs by age ${unique()}`;
  await signIn(page, "agent");
  await page.goto("/cases?view=all");
  const filters = page.getByRole("search", { name: "Filter cases" });
  await filters.getByRole("group", { name: "Platform" }).getByLabel("Mac").check();
  await filters.getByRole("group", { name: "Status" }).getByLabel("Open").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/platform=mac/);
  await page.getByRole("button", { name: /^Problem age/ }).click();
  await expect(page).toHaveURL(/sort=problemSince/);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByLabel("Devices").uncheck();
  await expect(page).toHaveURL(/hide=devices/);
  const rows = await page.locator("tr[data-case-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-case-id")));
  const headers = await page.getByRole("columnheader").allTextContents();

  const save = page.getByRole("form", { name: "Save as a view" });
  await save.getByLabel("Save these filters as a view").fill(name);
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yViolations(page, "/cases with a saved view open");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "agent");
  await page.goto("/cases");
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/platform=mac/);
  await expect(page).toHaveURL(/sort=problemSince/);
  await expect(page.getByRole("search", { name: "Filter cases" }).getByRole("group", { name: "Platform" }).getByLabel("Mac")).toBeChecked();
  expect(await page.getByRole("columnheader").allTextContents()).toEqual(headers);
  expect(await page.locator("tr[data-case-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-case-id")))).toEqual(rows);
});

test("a supervisor's team view appears for an agent, who may use but not change it", async ({ page, browser }) => {
  const name = `Team windows ${unique()}`;
  await signIn(page, "supervisor");
  await page.goto("/cases?view=all&platform=windows");
  const save = page.getByRole("form", { name: "Save as a view" });
  await save.getByLabel("Save these filters as a view").fill(name);
  await save.getByLabel("Share with the team").check();
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText(`Manage “${name}”`)).toBeVisible();

  const other = await browser.newContext();
  const agent = await other.newPage();
  await signIn(agent, "agent");
  await agent.goto("/cases");
  const views = agent.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("heading", { name: "Team views" })).toBeVisible();
  await views.getByRole("link", { name }).click();
  await expect(agent).toHaveURL(/platform=windows/);
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(agent.getByText(`Manage “${name}”`)).toHaveCount(0);
  await expect(agent.getByRole("form", { name: "Save as a view" }).getByLabel("Share with the team")).toHaveCount(0);
  await expectNoSeriousA11yViolations(agent, "/cases with a team view open (agent)");
  await other.close();
});

test("a duplicate view name is refused next to the field, and nothing else changes", async ({ page }) => {
  const name = `Twice ${unique()}`;
  await signIn(page, "agent");
  await page.goto("/cases?view=all&status=open");
  const save = page.getByRole("form", { name: "Save as a view" });
  await save.getByLabel("Save these filters as a view").fill(name);
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await save.getByLabel("Save these filters as a view").fill(name);
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(save.getByText(`You already have a view named "${name}"`)).toBeVisible();
  await expect(save.getByLabel("Save these filters as a view")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("navigation", { name: "Views" }).getByRole("link", { name })).toHaveCount(1);
});
