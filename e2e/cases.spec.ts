import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createCaseViaApi, deviceFields, iphoneAndMacCase, suggestionIds, uniqueSuffix } from "./support/cases";

// An agent's day with cases, one behaviour per test; each test makes its own case.

const caseIds = (page: Page) => page.locator("tr[data-case-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-case-id")));

test.beforeEach(async ({ page }) => {
  await signIn(page, "agent");
});

test("intake: an empty form names every missing field and links each message to its input", async ({ page }) => {
  await page.goto("/cases/new");
  await expect(page.getByRole("heading", { name: "New case" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/cases/new");
  await page.getByRole("button", { name: "Save case and see suggestions" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "The case was not saved" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Customer name is required/ })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(deviceFields(page, 1).getByLabel("Platform")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page, "/cases/new with errors");
});

test("intake: an iPhone and a Mac with iCloud Photos off opens the case with its suggestions and reasons", async ({ page }) => {
  const customer = `Robin Case-${uniqueSuffix()}`;
  await page.goto("/cases/new");
  await page.getByLabel("Name").fill(customer);
  const iphone = deviceFields(page, 1);
  await iphone.getByLabel("Platform").selectOption("iphone");
  await iphone.getByLabel("Model").fill("iPhone 15 Pro");
  await iphone.getByLabel("OS version").fill("17.5.1");
  await iphone.getByLabel("iCloud Photos turned on?").selectOption({ label: "Yes" });
  await page.getByRole("button", { name: "Add a device" }).click();
  const mac = deviceFields(page, 2);
  await mac.getByLabel("Platform").selectOption("mac");
  await mac.getByLabel("Model").fill("MacBook Air M2");
  await mac.getByLabel("iCloud Photos turned on?").selectOption({ label: "No" });
  await page.getByRole("button", { name: "Add a status message" }).click();
  const status = page.getByRole("group", { name: "Status message 1" });
  await status.getByLabel("Seen on").selectOption({ label: "1. iPhone 15 Pro (iPhone)" });
  await status.getByLabel("Message").selectOption("waiting_to_upload");
  await status.getByLabel("Exact text (optional)").fill("Waiting to Upload 1,204 Items");
  await page.getByRole("button", { name: "Save case and see suggestions" }).click();

  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: customer })).toBeVisible();
  expect((await suggestionIds(page)).slice(0, 5)).toContain("enable-icloud-photos");
  const enable = page.locator('[data-testid="suggestions"] li[data-rule-id="enable-icloud-photos"]');
  await expect(enable.getByText(/Why: .*icloud photos is off on the mac/i)).toBeVisible();
  await expect(enable.getByRole("heading", { name: "Mac" })).toBeVisible();
  await expect(page.getByText("Waiting to Upload 1,204 Items")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "case page");
});

test("recording steps moves them from the suggestions to 'Steps tried'", async ({ page }) => {
  const { id } = await createCaseViaApi(page, iphoneAndMacCase(`Steps ${uniqueSuffix()}`));
  await page.goto(`/cases/${id}`);
  const [firstRule, secondRule] = (await suggestionIds(page)).filter((ruleId) => ruleId !== "enable-icloud-photos");
  await recordStep(page, firstRule!, "Didn't help", "Tried it with the customer on the phone");
  await recordStep(page, secondRule!, "Not applicable", "Customer has no such setting");
  const steps = page.getByRole("table").filter({ has: page.getByText("Steps tried, newest first") });
  await expect(steps.locator("tbody tr")).toHaveCount(2);
  await expect(steps.getByRole("cell", { name: "Alex Agent" })).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Already tried" })).toBeVisible();
  expect(await suggestionIds(page)).not.toContain(firstRule);
});

test("editing a fact re-evaluates the suggestions and lands on the timeline", async ({ page }) => {
  const { id } = await createCaseViaApi(page, iphoneAndMacCase(`Facts ${uniqueSuffix()}`));
  await page.goto(`/cases/${id}`);
  expect(await suggestionIds(page)).toContain("enable-icloud-photos");
  await page.getByRole("button", { name: "Edit facts" }).click();
  await deviceFields(page, 2).getByLabel("iCloud Photos turned on?").selectOption({ label: "Yes" });
  await page.getByRole("button", { name: "Save facts" }).click();
  await expect(page.getByText("Facts saved.")).toBeVisible();
  await expect.poll(() => suggestionIds(page)).not.toContain("enable-icloud-photos");
  await expect(page.getByText(/edited the facts: devices/)).toBeVisible();
});

test("the list finds a case by platform and status filters and by text", async ({ page }) => {
  const suffix = uniqueSuffix();
  const customer = `Filter ${suffix}`;
  const macModel = `MacBook Air ${suffix}`;
  await createCaseViaApi(page, iphoneAndMacCase(customer, macModel));
  await page.goto("/cases");
  await expectNoSeriousA11yViolations(page, "/cases");
  const filters = page.getByRole("search", { name: "Filter cases" });
  await filters.getByRole("group", { name: "Platform" }).getByLabel("Mac").check();
  await filters.getByRole("group", { name: "Status" }).getByLabel("Open").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/platform=mac/);
  await expect(page).toHaveURL(/status=open/);
  await expect(page.getByRole("row").filter({ hasText: customer })).toBeVisible();

  for (const text of [macModel, customer]) {
    await filters.getByLabel("Search").fill(text);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === text);
    await expect(page.locator("tr[data-case-id]")).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: customer })).toBeVisible();
  }
});

test("a shared list URL (filters, sort, hidden columns) shows a colleague the same view", async ({ page, browser }) => {
  const customer = `Shared ${uniqueSuffix()}`;
  await createCaseViaApi(page, iphoneAndMacCase(customer));
  await page.goto(`/cases?q=${encodeURIComponent(customer)}`);
  await page.getByRole("button", { name: /^Case/ }).click();
  await expect(page).toHaveURL(/sort=number/);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByLabel("Assignee").uncheck();
  await expect(page).toHaveURL(/hide=assignee/);
  await expect(page.getByRole("columnheader", { name: "Assignee" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/cases filtered");
  const sharedUrl = page.url();
  const headers = await page.getByRole("columnheader").allTextContents();
  const rows = await caseIds(page);

  const other = await browser.newContext();
  try {
    const colleague = await other.newPage();
    await signIn(colleague, "supervisor");
    await colleague.goto(sharedUrl);
    await expect(colleague.locator("tr[data-case-id]")).toHaveCount(rows.length);
    expect(await colleague.getByRole("columnheader").allTextContents()).toEqual(headers);
    expect(await caseIds(colleague)).toEqual(rows);
    await expect(colleague.getByLabel("Search")).toHaveValue(customer);
  } finally {
    await other.close();
  }
});

test("bulk assign from the list, then 'Assigned to me' finds the case", async ({ page }) => {
  const customer = `Bulk ${uniqueSuffix()}`;
  const { id } = await createCaseViaApi(page, iphoneAndMacCase(customer));
  await page.goto(`/cases?q=${encodeURIComponent(customer)}`);
  await page.locator("tr[data-case-id]").first().getByRole("checkbox").check();
  await page.getByLabel("Assign to").selectOption({ label: "Alex Agent" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByText("1 case updated.")).toBeVisible();
  await page.getByRole("link", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.getByRole("row").filter({ hasText: customer })).toBeVisible();
  await page.goto(`/cases/${id}`);
  await expect(page.getByText("Assigned to Alex Agent")).toBeVisible();
});

test("a stale facts edit shows a conflict, keeps what was typed, and re-applies on the latest", async ({ page }) => {
  const body = await createCaseViaApi(page, { customer: { name: `Conflict ${uniqueSuffix()}` }, devices: [{ key: "phone", platform: "iphone", model: "iPhone 13" }] });
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
