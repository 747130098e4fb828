import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { baseURL } from "../playwright.config";

// The customer's side: an agent hands over the link (copy or QR), the customer opens it on an
// iPhone, reports back by touch, and the agent sees it. Serial: each test builds on the link.
test.describe.configure({ mode: "serial" });

// Playwright's iPhone profile (viewport, touch, mobile user agent) driven by our Chromium.
const { defaultBrowserType: _webkit, ...iPhone } = devices["iPhone 15"];
const phone = (browser: Browser, options: { javaScriptEnabled?: boolean } = {}) => browser.newContext({ ...iPhone, ...options });

let agent: BrowserContext;
let agentPage: Page;
let caseId: string;
let caseNumber: string;
let customerUrl: string;

test.beforeAll(async ({ browser }) => {
  agent = await browser.newContext();
  agentPage = await agent.newPage();
  await signIn(agentPage, "agent");
  // An iPhone-only case, so the page must show nothing for a Mac, an iPad or a PC.
  const created = await agentPage.request.post("/api/v1/cases", {
    headers: { Origin: baseURL },
    data: {
      customer: { name: `Phone Customer ${Date.now().toString(36)}`, email: null },
      status: "waiting_on_customer",
      devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5.1", network: "wifi", pluggedIn: false }],
      statusMessages: [{ deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 312 Items", observedAt: new Date().toISOString() }],
      symptoms: ["stuck_waiting_to_upload"],
    },
  });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { id: string; displayNumber: string };
  caseId = body.id;
  caseNumber = body.displayNumber;
});

test.afterAll(async () => {
  await agent.close();
});

test("the agent creates the customer link: shown once, with a copy button and a QR code", async () => {
  await agentPage.goto(`/cases/${caseId}`);
  const panel = agentPage.getByRole("region", { name: "Customer link" });
  await expect(panel).toContainText("No link yet");
  await panel.getByRole("button", { name: "Create customer link" }).click();
  const field = panel.getByLabel(/New link/);
  await expect(field).toHaveValue(new RegExp(`^${baseURL}/c/c_[A-Za-z0-9_-]{43}$`));
  customerUrl = await field.inputValue();
  await expect(panel.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(panel.getByRole("img", { name: "QR code of the customer link" })).toBeVisible();
  await expectNoSeriousA11yViolations(agentPage, "case page with a new customer link");
});

test("on an iPhone the customer sees their case in plain words, only their iPhone's steps", async ({ browser }, testInfo) => {
  const context = await phone(browser);
  const page = await context.newPage();
  const response = await page.goto(customerUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { level: 1, name: `Your case ${caseNumber}` })).toBeVisible();
  await expect(page.getByText("Waiting for you")).toBeVisible();
  const next = page.getByRole("region", { name: "What to try next" });
  expect(await next.getByRole("heading", { level: 3 }).count()).toBeLessThanOrEqual(3);
  await expect(next).not.toContainText(/On your (Mac|iPad|Windows PC)/);
  await expect(page.getByRole("region", { name: "The messages you saw" })).toContainText("Your photos are in line to be uploaded.");
  await expect(page.getByRole("region", { name: "Good to know" })).toContainText("Please don't delete photos");
  // Readable without zooming: no sideways scrolling, tap targets at least 44px high.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const button = await next.getByRole("button", { name: /^Didn't help/ }).first().boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(44);
  const shot = testInfo.outputPath("customer-page-iphone.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("customer page on an iPhone", { path: shot, contentType: "image/png" });
  await expectNoSeriousA11yViolations(page, "customer page");
  await context.close();
});

test("the customer reports 'Didn't help' with a note by touch, and is thanked", async ({ browser }) => {
  const context = await phone(browser);
  const page = await context.newPage();
  await page.goto(customerUrl);
  const step = page.getByRole("region", { name: "What to try next" }).getByRole("article").first();
  const title = (await step.getByRole("heading", { level: 3 }).innerText()).replace(/^\d+\.\s*/, "");
  await step.getByLabel("Add a note for your agent (optional)").fill("Tried it on the bus, still stuck at 312");
  await step.getByRole("button", { name: /^Didn't help/ }).tap();
  await expect(page.getByRole("status")).toContainText(`We've let your support agent know that “${title}” didn't help.`);
  const tried = page.getByRole("region", { name: "What has been tried" });
  await expect(tried).toContainText(title);
  await expect(tried).toContainText("Your note: Tried it on the bus, still stuck at 312");
  await context.close();
});

test("the agent sees the report on the case, on the timeline and under the 'Customer replied' filter", async () => {
  await agentPage.goto(`/cases/${caseId}`);
  await expect(agentPage.getByText("Customer replied", { exact: true }).first()).toBeVisible();
  await expect(agentPage.getByRole("region", { name: "Steps tried" })).toContainText("Tried it on the bus, still stuck at 312");
  await expect(agentPage.getByRole("region", { name: "Timeline" })).toContainText("Customer reported through their link");
  await expect(agentPage.getByRole("region", { name: "Timeline" })).toContainText("from Waiting on customer to Open");
  await agentPage.goto("/cases");
  await agentPage.getByLabel("Customer replied").selectOption({ label: "Customer replied" });
  await agentPage.getByRole("button", { name: "Apply filters" }).click();
  await expect(agentPage).toHaveURL(/customerReplied=true/);
  await expect(agentPage.getByRole("link", { name: caseNumber, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(agentPage, "case list filtered by customer replied");
});

test("reading and reporting work without JavaScript", async ({ browser }) => {
  const context = await phone(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(customerUrl);
  const step = page.getByRole("region", { name: "What to try next" }).getByRole("article").first();
  await step.getByRole("button", { name: /^It worked/ }).tap();
  await expect(page.getByRole("status")).toContainText("They will confirm with you before closing your case.");
  await expect(page.getByText("We're working on it")).toBeVisible();
  await context.close();
});

test("an unknown link shows the 404 page", async ({ browser }) => {
  const context = await phone(browser);
  const page = await context.newPage();
  const response = await page.goto(`/c/c_${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We can't find this page" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "customer 404 page");
  await context.close();
});

test("replacing the link asks for confirmation; the old link then shows the 410 page", async ({ browser }) => {
  await agentPage.goto(`/cases/${caseId}`);
  const panel = agentPage.getByRole("region", { name: "Customer link" });
  await panel.getByRole("button", { name: "Replace customer link" }).click();
  const question = panel.getByRole("alertdialog", { name: /Replace the link\?/ });
  await expect(question).toBeVisible();
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await panel.getByRole("button", { name: "Replace customer link" }).click();
  await panel.getByRole("button", { name: "Yes, replace the link" }).click();
  await expect(panel.getByLabel(/New link/)).not.toHaveValue(customerUrl);

  const context = await phone(browser);
  const page = await context.newPage();
  const response = await page.goto(customerUrl);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(caseNumber);
  await expectNoSeriousA11yViolations(page, "customer 410 page");
  await context.close();
});
