import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Shortcuts: `/` search, `j`/`k` through the list, Enter opens, `n` new case, `?` help; never while
// typing in a field; each says what it did through a live region.

test("/ focuses search, j and k move through the list and say where, Enter opens the case", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/cases?view=all");
  const announcer = page.getByTestId("shortcut-announcer");

  await page.keyboard.press("/");
  const search = page.getByRole("search", { name: "Filter cases" }).getByLabel("Search");
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");
  // Typing in a field never triggers shortcuts: these letters land in the field.
  await page.keyboard.type("jk/n?");
  await expect(search).toHaveValue("jk/n?");
  await expect(page).toHaveURL(/\/cases\?view=all$/);
  await search.fill("");

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const links = page.locator("a[data-case-link]");
  await page.keyboard.press("j");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await expect(announcer).toHaveText(/^Case PST-\d+, .+, 2 of \d+\. Enter opens it\.$/);
  await page.keyboard.press("k");
  await expect(links.nth(0)).toBeFocused();
  await expect(announcer).toHaveText(/, 1 of \d+\. Enter opens it\.$/);
  const href = await links.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("n opens a new case and ? shows the shortcuts", async ({ page }) => {
  await signIn(page, "agent");
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("cell", { name: "Record a result for the step in focus (the next step when none is)" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "shortcuts dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByTestId("shortcut-announcer")).toHaveText("Opening a new case");
  // On the intake form, typing "n" in a field stays in the field.
  await page.getByLabel("Name").fill("");
  await page.getByLabel("Name").type("Ann");
  await expect(page.getByLabel("Name")).toHaveValue("Ann");
  await expect(page).toHaveURL(/\/cases\/new$/);
});
