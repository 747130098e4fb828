import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoAccount, signIn } from "./support/accounts";

test.describe("signing in", () => {
  for (const [role, heading] of [
    ["agent", "Your desk"],
    ["supervisor", "Supervisor overview"],
    ["admin", "Tenant administration"],
  ] as const) {
    test(`the demo ${role} signs in and sees their landing page`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(`Signed in to Demo Repair Shop`)).toBeVisible();
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoAccount("agent").email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures are throttled, even for the right password", async ({ page }) => {
    // An account of its own, so the other tests' demo logins are not blocked.
    const email = "throttle-check@demo.example";
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
    }
    await page.getByLabel("Password").fill("wrong-6");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-ins");
  });

  test("signing out ends the session on the server: a copy of the old cookie no longer works", async ({ page, browser }) => {
    await signIn(page, "agent");
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const elsewhere = await browser.newContext();
    try {
      await elsewhere.addCookies(copied);
      const stolen = await elsewhere.newPage();
      await stolen.goto("/cases");
      await expect(stolen).toHaveURL(/\/sign-in/);
      expect((await stolen.request.get("/api/v1/me")).status()).toBe(401);
    } finally {
      await elsewhere.close();
    }
  });

  test("a sign-in that comes back to a foreign site's address lands on the desk instead", async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent("/\\evil.example/steal")}`);
    await page.getByLabel("Email").fill(demoAccount("agent").email);
    await page.getByLabel("Password").fill(demoAccount("agent").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();
    expect(page.url()).not.toContain("evil.example");
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "agent");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("signed out", () => {
  test("a staff page redirects to sign-in", async ({ page }) => {
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("an API route answers 401 with a JSON error", async ({ request }) => {
    const response = await request.get("/api/v1/cases");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
    const bad = await request.get("/api/v1/me", { headers: { Authorization: "Bearer pst_not-a-real-token" } });
    expect(bad.status()).toBe(401);
  });

  test("a session-cookie write from a foreign origin is refused", async ({ page }) => {
    await signIn(page, "agent");
    const response = await page.request.post("/api/v1/cases", {
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      data: {},
    });
    expect(response.status()).toBe(403);
  });
});
