import { expect, test, type Page } from "@playwright/test";
import { signIn, type DemoRole } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Every figure on a landing page equals the number of rows of the list it links to (all pages):
// cases in a case list; on the admin's lists, the active members and the active API tokens.
const COUNTED_ROWS = 'tr[data-case-id], tr[data-testid=member-row][data-active=true], tr[data-testid=token-row][data-status=active]';

async function rowsAcrossPages(page: Page): Promise<number> {
  let total = 0;
  for (let pages = 0; pages < 50; pages++) {
    total += await page.locator(COUNTED_ROWS).count();
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) return total;
    const url = page.url();
    await next.click();
    await expect(page).not.toHaveURL(url);
  }
  throw new Error("more than 50 pages");
}

for (const role of ["agent", "supervisor", "admin"] as const satisfies DemoRole[]) {
  test(`the ${role}'s landing figures equal the rows of the lists they open`, async ({ page }) => {
    await signIn(page, role);
    await expectNoSeriousA11yViolations(page, `landing page (${role})`);
    const figures = page.locator("a[data-testid=figure]");
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const links: { label: string; value: number; href: string }[] = [];
    for (let index = 0; index < count; index++) {
      const figure = figures.nth(index);
      links.push({
        label: (await figure.locator("span").first().textContent()) ?? "",
        value: Number((await figure.getByTestId("figure-value").textContent())?.replace(/,/g, "")),
        href: (await figure.getAttribute("href")) ?? "",
      });
    }
    let nonZero = 0;
    for (const { label, value, href } of links) {
      await page.goto(href);
      expect(await rowsAcrossPages(page), `${label} (${href})`).toBe(value);
      if (value > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
  });
}
