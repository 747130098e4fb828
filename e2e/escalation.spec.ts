import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, type DemoRole } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createReadyCase, submitForReview, uploadPng } from "./support/escalation-api";

// Escalation to Apple (SPEC §4): submit, the supervisors' queue, approve or return, the packet.
// Each test makes its own case through the API, so tests don't depend on each other or on the demo.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  return page;
}

test("an agent submits a ready case from the case page", async ({ page }) => {
  await signIn(page, "agent");
  const customer = `Rita Ready-${unique()}`;
  const ready = await createReadyCase(page, customer);
  await page.goto(`/cases/${ready.id}`);
  const panel = page.getByRole("region", { name: "Supervisor review" });
  await panel.getByLabel("Note for the reviewer (optional)").fill("Stuck for more than a day on Wi-Fi and power");
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(panel.getByText(/Awaiting review since/)).toBeVisible();
  await expect(page.getByText("In escalation review").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText(/submitted the case for escalation review — Stuck for more than a day/)).toBeVisible();
});

test("the supervisor finds the case in the queue, opens the packet and approves it with Apple's number", async ({ page, browser }) => {
  const agent = await as(browser, "agent");
  const ready = await createReadyCase(agent, `Quinn Queue-${unique()}`);
  await submitForReview(agent, ready.id, ready.version);

  await signIn(page, "supervisor");
  // The queue is one click away in the nav, with its count (the landing figure opens the same cases as a list).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Escalations \d+ awaiting review/ }).click();
  await expect(page).toHaveURL(/\/escalations$/);
  await expectNoSeriousA11yViolations(page, "/escalations");
  const row = page.getByRole("table", { name: /awaiting review/ }).getByRole("row").filter({ hasText: ready.number });
  await expect(row.getByText("Quinn Queue")).toBeVisible();
  await row.getByRole("link", { name: `Review ${ready.number}` }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: `Review ${ready.number}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Changes since submission" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Readiness at submission" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/escalations/[id]");

  const approve = page.getByRole("form", { name: /Approve/ });
  await approve.getByLabel("Apple case number").fill("12 34");
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(approve.getByText("Apple case number must be 6 to 20 letters, digits or dashes")).toBeVisible();
  await expect(approve.getByLabel("Apple case number")).toHaveAttribute("aria-invalid", "true");

  await approve.getByLabel("Apple case number").fill("  ABC-1029384  ");
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${ready.number} approved` })).toBeVisible();

  await page.goto(`/cases/${ready.id}`);
  await expect(page.getByTestId("apple-case-number")).toHaveText("ABC-1029384");
  await expect(page.getByText("Escalated to Apple").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText("approved the escalation to Apple: Apple case number ABC-1029384")).toBeVisible();
});

test("a returned case shows the supervisor's reason on the case and a Returned badge in the agent's list", async ({ page, browser }) => {
  const customer = `Rory Return-${unique()}`;
  const agent = await as(browser, "agent");
  const ready = await createReadyCase(agent, customer);
  await submitForReview(agent, ready.id, ready.version);

  const supervisor = await as(browser, "supervisor");
  await supervisor.goto(`/escalations/${ready.id}`);
  const giveBack = supervisor.getByRole("form", { name: /Return to the agent/ });
  await giveBack.getByRole("button", { name: "Return" }).click();
  await expect(giveBack.getByText("Reason is required")).toBeVisible();
  await giveBack.getByLabel("Reason").fill("Add a screenshot of the status line in Photos");
  await giveBack.getByRole("button", { name: "Return" }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: `${ready.number} returned` })).toBeVisible();

  await signIn(page, "agent");
  await page.goto(`/cases?returned=true&q=${encodeURIComponent(customer)}`);
  const listed = page.getByRole("row").filter({ hasText: ready.number });
  await expect(listed.getByText("Returned", { exact: true })).toBeVisible();
  await listed.getByRole("link", { name: ready.number }).click();
  const notice = page.getByRole("region", { name: "Returned by a supervisor" });
  await expect(notice.getByTestId("return-reason")).toHaveText("Add a screenshot of the status line in Photos");
  await expect(notice).toContainText("Sam Supervisor");
});

test("agents see the review without Approve or Return", async ({ page, browser }) => {
  const agent = await as(browser, "agent");
  const ready = await createReadyCase(agent, `Avery Agent-${unique()}`);
  await submitForReview(agent, ready.id, ready.version);
  await signIn(page, "agent");
  await page.goto(`/escalations/${ready.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Review ${ready.number}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Return" })).toHaveCount(0);
});

/** How many image XObjects of exactly this size the PDF embeds (Chromium writes their dictionaries as text). */
function imagesOfSize(pdf: Buffer, width: number, height: number): number {
  const text = pdf.toString("latin1");
  const dictionaries = text.match(/<<[^>]*\/Subtype\s*\/Image[^>]*>>/g) ?? [];
  return dictionaries.filter((d) => new RegExp(`/Width\\s+${width}\\b`).test(d) && new RegExp(`/Height\\s+${height}\\b`).test(d)).length;
}

test("the packet prints to PDF on A4 and Letter with its screenshots and without the navigation", async ({ page }) => {
  await signIn(page, "agent");
  const first = await uploadPng(page, 123, 77, [[20, 90, 160], [250, 250, 250]]);
  const second = await uploadPng(page, 97, 141, [[180, 40, 40], [240, 220, 120]]);
  const ready = await createReadyCase(page, `Pat Print-${unique()}`, [first, second]);
  await submitForReview(page, ready.id, ready.version);

  await page.goto(`/cases/${ready.id}/packet`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(ready.number) })).toBeVisible();
  await expect(page.getByRole("img", { name: /Screenshot: Waiting to Upload/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/cases/[id]/packet");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the packet" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("packet-print.png"), fullPage: true });

  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    await test.info().attach(`packet-${format}.pdf`, { body: pdf, contentType: "application/pdf" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(imagesOfSize(pdf, 123, 77), `${format}: first screenshot embedded`).toBeGreaterThanOrEqual(1);
    expect(imagesOfSize(pdf, 97, 141), `${format}: second screenshot embedded`).toBeGreaterThanOrEqual(1);
  }

  // The check tells: with the screenshots hidden, the same page prints none of them.
  await page.addStyleTag({ content: ".pkt-status img { display: none !important; }" });
  const without = await page.pdf({ format: "A4" });
  expect(imagesOfSize(without, 123, 77) + imagesOfSize(without, 97, 141)).toBe(0);
});
