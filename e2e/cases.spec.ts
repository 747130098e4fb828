import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

// An agent's day with one case: intake → suggestions → steps → fact edit; then the list finds it.


/** The fields of device N (1-based) on the facts form. */
const device = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Device ${n}\\.`) });

async function suggestionIds(page: Page): Promise<string[]> {
  return page.getByTestId("suggestions").locator("li[data-rule-id]").evaluateAll((items) => items.map((item) => item.getAttribute("data-rule-id") ?? ""));
}

// Unique per run, so the text search finds exactly this case.
const uniqueNames = () => {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { unique, customer: `Robin Case-${unique}`, macModel: `MacBook Air M2 ${unique}` };
};
const caseIds = (page: Page) => page.locator("tr[data-case-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-case-id")));

test("agent creates a case, works it and edits its facts", async ({ page }) => {
  const { unique, customer, macModel } = uniqueNames();
  await signIn(page, "agent");

  // --- Intake: empty submit shows field errors linked to their inputs ---
  await page.goto("/cases/new");
  await expect(page.getByRole("heading", { name: "New case" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/cases/new");
  await page.getByRole("button", { name: "Save case and see suggestions" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "The case was not saved" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Customer name is required/ })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(device(page, 1).getByLabel("Platform")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "/cases/new with errors");

  // --- Intake: an iPhone and a Mac with iCloud Photos off ---
  await page.getByLabel("Name").fill(customer);
  await page.getByLabel("Email (optional)").fill(`robin.${unique}@example.com`);
  const iphone = device(page, 1);
  await iphone.getByLabel("Platform").selectOption("iphone");
  await iphone.getByLabel("Model").fill("iPhone 15 Pro");
  await iphone.getByLabel("OS version").fill("17.5.1");
  await iphone.getByLabel("iCloud Photos turned on?").selectOption({ label: "Yes" });
  await iphone.getByLabel("Network").selectOption("wifi");
  await page.getByRole("button", { name: "Add a device" }).click();
  const mac = device(page, 2);
  await mac.getByLabel("Platform").selectOption("mac");
  await mac.getByLabel("Model").fill(macModel);
  await mac.getByLabel("OS version").fill("14.5");
  await mac.getByLabel("iCloud Photos turned on?").selectOption({ label: "No" });
  await page.getByLabel("Library size (GB)").fill("120");
  await page.getByRole("button", { name: "Add a status message" }).click();
  const status = page.getByRole("group", { name: "Status message 1" });
  await status.getByLabel("Seen on").selectOption({ label: "1. iPhone 15 Pro (iPhone)" });
  await status.getByLabel("Message").selectOption("waiting_to_upload");
  await status.getByLabel("Exact text (optional)").fill("Waiting to Upload 1,204 Items");
  await page.getByLabel("Items stuck on Waiting to Upload").check();
  await page.getByRole("button", { name: "Save case and see suggestions" }).click();

  // --- The case page: suggestions at once ---
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: customer })).toBeVisible();
  const first = (await suggestionIds(page)).slice(0, 5);
  expect(first).toContain("enable-icloud-photos");
  const enable = page.locator('[data-testid="suggestions"] li[data-rule-id="enable-icloud-photos"]');
  await expect(enable.getByText(/Why: .*icloud photos is off on the mac/i)).toBeVisible();
  await expect(enable.getByRole("heading", { name: "Mac" })).toBeVisible(); // instructions for the devices present
  await expect(page.getByRole("heading", { name: "Escalation to Apple" })).toBeVisible();
  await expect(page.getByText("Waiting to Upload 1,204 Items")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "case page");

  // --- Record two steps ---
  const others = (await suggestionIds(page)).filter((id) => id !== "enable-icloud-photos");
  const [firstRule, secondRule] = others;
  await recordStep(page, firstRule!, "Didn't help", "Tried it with the customer on the phone");
  await recordStep(page, secondRule!, "Not applicable", "Customer has no such setting");
  const steps = page.getByRole("table").filter({ has: page.getByText("Steps tried, newest first") });
  await expect(steps.locator("tbody tr")).toHaveCount(2);
  await expect(steps.getByRole("cell", { name: "Alex Agent" })).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Already tried" })).toBeVisible();
  expect(await suggestionIds(page)).not.toContain(firstRule);

  // --- Edit a fact: the Mac now has iCloud Photos on → that suggestion goes away ---
  await page.getByRole("button", { name: "Edit facts" }).click();
  await device(page, 2).getByLabel("iCloud Photos turned on?").selectOption({ label: "Yes" });
  await page.getByRole("button", { name: "Save facts" }).click();
  await expect(page.getByText("Facts saved.")).toBeVisible();
  await expect.poll(() => suggestionIds(page)).not.toContain("enable-icloud-photos");
  await expect(page.getByText(/edited the facts: devices/)).toBeVisible();
});

/** An unassigned open case with an iPhone and a Mac, created through the API; its page URL. */
async function createListCase(page: Page, customer: string, macModel: string): Promise<string> {
  const created = await page.request.post("/api/v1/cases", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      customer: { name: customer, email: null },
      devices: [
        { key: "iphone", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5.1", icloudPhotosEnabled: true },
        { key: "mac", platform: "mac", model: macModel, osVersion: "14.5", icloudPhotosEnabled: false },
      ],
    },
  });
  expect(created.status()).toBe(201);
  return `/cases/${((await created.json()) as { id: string }).id}`;
}

test("the list finds a case by filter and text, and a shared URL gives the same view", async ({ page, browser }) => {
  const { customer, macModel } = uniqueNames();
  await signIn(page, "agent");
  await createListCase(page, customer, macModel);

  // --- The list: by filter, by text, and a shared URL gives the same view ---
  await page.goto("/cases");
  await expectNoSeriousA11yViolations(page, "/cases");
  const filters = page.getByRole("search", { name: "Filter cases" });
  await filters.getByRole("group", { name: "Platform" }).getByLabel("Mac").check();
  await filters.getByRole("group", { name: "Status" }).getByLabel("Open").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/platform=mac/);
  await expect(page).toHaveURL(/status=open/);
  const row = page.getByRole("row").filter({ hasText: customer });
  await expect(row).toBeVisible();

  await filters.getByLabel("Search").fill(macModel);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === macModel);
  await expect(page.getByRole("row").filter({ hasText: customer })).toBeVisible();
  await expect(page.locator("tr[data-case-id]")).toHaveCount(1);

  await filters.getByLabel("Search").fill(customer);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === customer);
  await expect(page.locator("tr[data-case-id]")).toHaveCount(1);

  // Sort by case number ascending and hide a column, then share the URL.
  await page.getByRole("button", { name: /^Case/ }).click();
  await expect(page).toHaveURL(/sort=number/);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByLabel("Assignee").uncheck();
  await expect(page).toHaveURL(/hide=assignee/);
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
  const sharedUrl = page.url();
  const headers = await page.getByRole("columnheader").allTextContents();
  const rows = await caseIds(page);
  await expectNoSeriousA11yViolations(page, "/cases filtered");

  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague, "supervisor");
  await colleague.goto(sharedUrl);
  await expect(colleague.locator("tr[data-case-id]")).toHaveCount(rows.length);
  expect(await colleague.getByRole("columnheader").allTextContents()).toEqual(headers);
  expect(await caseIds(colleague)).toEqual(rows);
  await expect(colleague.getByLabel("Search")).toHaveValue(customer);
  await expect(colleague.getByRole("group", { name: "Platform" }).getByLabel("Mac")).toBeChecked();
  await other.close();
});

test("bulk assign, then the case is under Assigned to me", async ({ page }) => {
  const { customer, macModel } = uniqueNames();
  await signIn(page, "agent");
  const caseUrl = await createListCase(page, customer, macModel);
  await page.goto(`/cases?q=${encodeURIComponent(customer)}`);
  await expect(page.locator("tr[data-case-id]")).toHaveCount(1);
  await page.locator("tr[data-case-id]").first().getByRole("checkbox").check();
  await page.getByLabel("Assign to").selectOption({ label: "Alex Agent" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByText("1 case updated.")).toBeVisible();
  await page.getByRole("link", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.getByRole("row").filter({ hasText: customer })).toBeVisible();

  await page.goto(caseUrl);
  await expect(page.getByText("Assigned to Alex Agent")).toBeVisible();
});

test("a stale facts edit shows a conflict, keeps what was typed, and re-applies on the latest", async ({ page }) => {
  await signIn(page, "agent");
  const created = await page.request.post("/api/v1/cases", {
    headers: { Origin: new URL(page.url()).origin },
    data: { customer: { name: `Conflict ${Date.now()}` }, devices: [{ key: "phone", platform: "iphone", model: "iPhone 13" }] },
  });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { id: string; version: number };
  await page.goto(`/cases/${body.id}`);
  await page.getByRole("button", { name: "Edit facts" }).click();
  await page.getByLabel("Library size (GB)").fill("77");

  // Someone else edits meanwhile.
  const patched = await page.request.patch(`/api/v1/cases/${body.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { version: body.version, facts: { icloudStorage: { totalGb: 200, freeGb: 5 } } },
  });
  expect(patched.status()).toBe(200);

  await page.getByRole("button", { name: "Save facts" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed by someone else" })).toBeVisible();
  await expect(page.getByLabel("Library size (GB)")).toHaveValue("77");
  await expectNoSeriousA11yViolations(page, "case page with a conflict");
  await page.getByRole("button", { name: "Reload latest" }).click();
  await expect(page.getByText(/Changed by the other edit: iCloud storage/)).toBeVisible();
  await expect(page.getByLabel("Library size (GB)")).toHaveValue("77");
  await page.getByRole("button", { name: "Save my edits on the latest version" }).click();
  await expect(page.getByText("Facts saved.")).toBeVisible();
  await expect(page.getByText("77 GB")).toBeVisible();
});

async function recordStep(page: Page, ruleId: string, outcome: string, note: string) {
  const item = page.locator(`[data-testid="suggestions"] li[data-rule-id="${ruleId}"]`);
  await item.getByRole("button", { name: /^Record a result/ }).click();
  const form = item.getByRole("form");
  await form.getByLabel(outcome).check();
  await form.getByRole("textbox", { name: /Note|Reason/ }).fill(note);
  await form.getByRole("button", { name: "Record step" }).click();
  await expect(page.getByText(new RegExp(`^Recorded: .* — ${outcome}\\.$`))).toBeVisible();
}
