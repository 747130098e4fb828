import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { openBusyCase, tabTo } from "./support/busy-case";

// The case page leads with the next steps: at most three in full above the fold on a laptop, the
// rest compact; expanding and recording work from the keyboard alone, and focus follows.

test.use({ viewport: { width: 1366, height: 768 } });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a case with 15+ suggestions shows at most 3 in full above the fold at 1366×768", async ({ page }) => {
  await signIn(page, "agent");
  await openBusyCase(page, `Focus Fold ${unique()}`);
  const steps = page.getByTestId("suggestions").locator("li[data-rule-id]");
  expect(await steps.count()).toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId("suggestions").locator('li[data-step="full"]')).toHaveCount(3);

  const expandedAboveFold = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="suggestions"] li[data-step="full"]')].filter((card) => card.getBoundingClientRect().top < window.innerHeight).length,
  );
  expect(expandedAboveFold).toBeGreaterThanOrEqual(1);
  expect(expandedAboveFold).toBeLessThanOrEqual(3);
  // The first step is the one a fact explains by itself, and says so.
  await expect(steps.first().getByText("Explains the problem")).toBeVisible();
  await expect(page.getByRole("list", { name: "Later steps" }).locator('li[data-step="compact"]')).toHaveCount(await steps.count() - 3);
  await expectNoSeriousA11yViolations(page, "case page with 15+ suggestions");
});

test("a later step expands and gets a result from the keyboard alone; focus moves to the new next step", async ({ page }) => {
  await signIn(page, "agent");
  const caseId = await openBusyCase(page, `Focus Keys ${unique()}`);
  const fifth = page.getByRole("list", { name: "Later steps" }).locator("li[data-rule-id]").nth(1);
  const ruleId = (await fifth.getAttribute("data-rule-id"))!;

  await tabTo(page, `li[data-rule-id="${ruleId}"] a`); // its "Show details" link
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?open=${ruleId}$`));
  const card = page.locator(`li[data-step="full"][data-rule-id="${ruleId}"]`);
  await expect(card).toBeVisible();
  await expect(page.locator(`#step-${ruleId}-title`)).toBeFocused();
  await expectNoSeriousA11yViolations(page, "case page with a later step expanded");

  await page.keyboard.press("r");
  const form = card.getByRole("form");
  await expect(form.getByRole("radio", { name: "It worked" })).toBeFocused();
  await page.keyboard.press("ArrowRight"); // → "Didn't help"
  await expect(form.getByRole("radio", { name: "Didn't help" })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Tried by keyboard");
  await tabTo(page, `li[data-rule-id="${ruleId}"] form button[type="submit"]`);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: /^Recorded: .* — Didn't help\.$/ })).toBeVisible();
  const lead = (await page.getByTestId("suggestions").locator("li[data-rule-id]").first().getAttribute("data-rule-id"))!;
  await expect(page.locator(`#step-${lead}-title`)).toBeFocused();
  // Tried steps stay in sight with their outcome.
  const tried = page.locator(`li[data-step="tried"][data-rule-id="${ruleId}"]`);
  await expect(tried).toContainText("Didn't help");
  await expect(page.getByTestId("suggestions").locator(`li[data-rule-id="${ruleId}"]`)).toHaveCount(0);
});

test("a shared link opens with the same steps expanded, and 'show all' expands every step", async ({ page }) => {
  await signIn(page, "agent");
  const caseId = await openBusyCase(page, `Focus Link ${unique()}`);
  const later = page.getByRole("list", { name: "Later steps" }).locator("li[data-rule-id]");
  const [a, b] = [await later.nth(0).getAttribute("data-rule-id"), await later.nth(5).getAttribute("data-rule-id")];
  await page.goto(`/cases/${caseId}?open=${a},${b}`);
  await expect(page.getByTestId("suggestions").locator('li[data-step="full"]')).toHaveCount(5);
  await expect(page.locator(`li[data-step="full"][data-rule-id="${b}"]`)).toBeVisible();

  await page.getByRole("link", { name: /^Show all \d+ in full$/ }).click();
  await expect(page).toHaveURL(/steps=all/);
  await expect(page.getByTestId("suggestions").locator('li[data-step="compact"]')).toHaveCount(0);
  await page.locator(`li[data-rule-id="${a}"]`).getByRole("link", { name: /^Show less/ }).click();
  await expect(page.locator(`li[data-step="compact"][data-rule-id="${a}"]`)).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`open=[^&]*${a}`));
});
