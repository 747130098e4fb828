import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Keyset paging both ways: Previous returns exactly the page seen before.

test("Previous returns exactly the prior page", async ({ page }) => {
  await signIn(page, "agent");
  await page.goto("/cases?view=all&sort=number&dir=asc");
  const ids = () => page.locator("tr[data-case-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-case-id")));
  const first = await ids();
  expect(first.length).toBe(25);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const second = await ids();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  await expectNoSeriousA11yViolations(page, "/cases page 2");

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect.poll(ids).toEqual(first);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(ids).toEqual(second);
});
