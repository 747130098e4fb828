import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signInAs } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createCaseViaApi, createTenant, tryEverySuggestedStep, type E2eTenant } from "./support/tenant";

// Tenant administration (issue 9). Everything that changes members, tokens or the rulebook runs in
// a tenant of its own (tenant:create), so the demo tenant stays as the other specs expect it.

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A case whose packet is complete, started `hours` ago, on Wi-Fi, with one failing status. */
function caseFacts(customer: string, hours: number) {
  return {
    customer: { name: customer, email: null },
    problemSince: hoursAgo(hours),
    appleIdConsistent: true,
    appleSystemStatus: "ok",
    library: { itemCount: 9_000, sizeGb: 60, hasLargeFiles: false },
    icloudStorage: { totalGb: 200, freeGb: 80 },
    devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15", osVersion: "18.1", icloudPhotosEnabled: true, network: "wifi", pluggedIn: true }],
    statusMessages: [{ deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 40 Items", observedAt: hoursAgo(1) }],
    symptoms: ["stuck_waiting_to_upload"],
  };
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe("members", () => {
  // In order: the person added by the first test is demoted and deactivated by the second.
  test.describe.configure({ mode: "serial" });
  let tenant: E2eTenant;
  const person = { name: "Avery Agent", email: `avery.${Date.now().toString(36)}@e2e.example`, password: "avery sets a good password" };

  test.beforeAll(() => {
    tenant = createTenant("Admin Members");
  });

  test("the admin adds an agent and copies the invitation; the agent sets a password and signs in", async ({ page, browser }) => {
    await signInAs(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole("link", { name: /Active members/ }).click();
    await expect(page).toHaveURL(/\/admin\/members$/);
    await page.getByLabel("Name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Role").first().selectOption("agent");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = page.getByLabel(`Invitation link for ${person.email} (copy it now, it is shown once)`);
    await expect(link).toHaveValue(/\/invitations\/inv_/);
    const url = await link.inputValue();
    await expect(page.getByTestId("invitation-row").filter({ hasText: person.email })).toBeVisible();

    const invitee = await newPage(browser);
    await invitee.goto(url);
    await expect(invitee.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
    await expectNoSeriousA11yViolations(invitee, "/invitations/{token}");
    await invitee.getByLabel("Password", { exact: true }).fill("too short");
    await invitee.getByLabel("Password again").fill("too short");
    await invitee.getByRole("button", { name: "Set password and join" }).click();
    await expect(invitee.getByRole("alert").filter({ hasText: "Not done yet" })).toContainText("Use at least 12 characters");
    await invitee.getByLabel("Password", { exact: true }).fill(person.password);
    await invitee.getByLabel("Password again").fill(person.password);
    await invitee.getByRole("button", { name: "Set password and join" }).click();
    await expect(invitee.getByText(`You’re in: you are now a member of ${tenant.name}.`)).toBeVisible();
    await invitee.getByRole("link", { name: "Sign in" }).click();
    await signInAs(invitee, person.email, person.password);
    await expect(invitee.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();

    // The link is used up.
    await invitee.goto(url);
    await expect(invitee.getByText("This invitation was already used or withdrawn.")).toBeVisible();
  });

  test("the admin demotes, then deactivates the member: their next request is refused", async ({ page, browser }) => {
    const member = await newPage(browser);
    await signInAs(member, person.email, person.password);
    await signInAs(page, tenant.admin.email, tenant.admin.password, "/admin/members");
    const row = page.getByTestId("member-row").filter({ hasText: person.email });

    // Promote, so there is something to demote from: the person lands on the supervisors' overview.
    await row.getByRole("combobox", { name: `Role of ${person.name}` }).selectOption("supervisor");
    await row.getByRole("button", { name: `Change role of ${person.name}` }).click();
    await expect(row.getByRole("cell", { name: "Supervisor", exact: true })).toBeVisible();
    await member.reload();
    await expect(member.getByRole("heading", { level: 1, name: "Supervisor overview" })).toBeVisible();

    await row.getByRole("combobox", { name: `Role of ${person.name}` }).selectOption("agent");
    await row.getByRole("button", { name: `Change role of ${person.name}` }).click();
    await expect(row.getByRole("cell", { name: "Agent", exact: true })).toBeVisible();
    await member.reload();
    await expect(member.getByRole("heading", { level: 1, name: "Your desk" })).toBeVisible();

    await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    await expect(row.getByText("Deactivated")).toBeVisible();
    await member.goto("/cases");
    await expect(member).toHaveURL(/\/sign-in/);
    const api = await member.request.get("/api/v1/me");
    expect(api.status()).toBe(401);
  });

  test("demoting the last admin is refused with a message", async ({ page }) => {
    await signInAs(page, tenant.admin.email, tenant.admin.password, "/admin/members");
    const row = page.getByTestId("member-row").filter({ hasText: tenant.admin.email });
    await row.getByRole("combobox", { name: /^Role of / }).selectOption("supervisor");
    await row.getByRole("button", { name: /^Change role of / }).click();
    await expect(row.getByRole("alert")).toContainText("is the last active admin of this tenant");
    await page.reload();
    await expect(page.getByTestId("member-row").filter({ hasText: tenant.admin.email }).getByRole("cell", { name: "Admin", exact: true })).toBeVisible();
  });
});

test("a token is created (shown once) and revoked: its next call is a 401", async ({ page }) => {
  const tenant = createTenant("Admin Tokens");
  await signInAs(page, tenant.admin.email, tenant.admin.password);
  await page.getByRole("link", { name: /Active API tokens/ }).click();
  await page.getByLabel("Name").fill("Helpdesk sync");
  await page.getByLabel("Role").selectOption("supervisor");
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("Secret of “Helpdesk sync” (copy it now: it is shown only once)");
  await expect(field).toHaveValue(/^pst_/);
  const secret = await field.inputValue();

  const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).actor.role).toBe("supervisor");

  await page.reload();
  expect(await page.content()).not.toContain(secret);
  const row = page.getByTestId("token-row").filter({ hasText: "Helpdesk sync" });
  await expect(row).toContainText("Supervisor");
  await row.getByRole("button", { name: "Revoke Helpdesk sync" }).click();
  await expect(row).toContainText("Revoked");
  const after = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});

test.describe("rulebook settings", () => {
  let tenant: E2eTenant;
  test.beforeAll(() => {
    tenant = createTenant("Admin Rules");
  });

  test("a rule switched off is no longer suggested on a new case", async ({ page, request }) => {
    const before = await createCaseViaApi(request, tenant.apiToken, caseFacts("Before Switch", 2));
    expect(before.suggestions.map((s) => s.ruleId)).toContain("test-fresh-shot");
    await signInAs(page, tenant.admin.email, tenant.admin.password, "/admin/rules");
    await page.getByLabel("Test with a fresh photo on the problem device").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

    const created = await createCaseViaApi(request, tenant.apiToken, caseFacts("After Switch", 2));
    expect(created.suggestions.map((s) => s.ruleId)).not.toContain("test-fresh-shot");
    await page.goto(`/cases/${created.id}`);
    await expect(page.getByTestId("suggestions")).toBeVisible();
    await expect(page.locator('[data-testid="suggestions"] > li[data-rule-id="test-fresh-shot"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="suggestions"] > li').first()).toBeVisible();
  });

  test("lowering the persistence threshold makes an existing case ready at once, under Ready to escalate", async ({ page, request }) => {
    const customer = `Patient Persistence ${Date.now().toString(36)}`;
    const created = await createCaseViaApi(request, tenant.apiToken, caseFacts(customer, 10));
    const view = await tryEverySuggestedStep(request, tenant.apiToken, created.id);
    expect(view.escalation.criteria.filter((c) => !c.met).map((c) => c.id)).toEqual(["persistence"]);

    await signInAs(page, tenant.admin.email, tenant.admin.password, "/escalations");
    const ready = page.getByRole("region", { name: /Ready, not submitted/ });
    await expect(ready).toBeVisible();
    await expect(ready.getByText(customer)).toHaveCount(0);

    await page.goto("/admin/rules");
    await page.getByLabel("Escalation hours (hours)").fill("8");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toContainText(/re-evaluated; [1-9]\d* changed readiness/);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Escalations/ }).click();
    await expect(page.getByRole("region", { name: /Ready, not submitted/ }).getByText(customer)).toBeVisible();
  });

  test("a threshold out of range is refused, naming the field, and nothing is saved", async ({ page }) => {
    await signInAs(page, tenant.admin.email, tenant.admin.password, "/admin/rules");
    await page.getByLabel("Repeated failures (observations)").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "The settings were not saved" });
    await expect(summary.getByRole("link", { name: /Repeated failures: Repeated failures must be at least 1/ })).toBeVisible();
    await expect(page.getByLabel("Repeated failures (observations)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Repeated failures (observations)")).toHaveValue("0");
    await expectNoSeriousA11yViolations(page, "/admin/rules with errors");
    await page.reload();
    await expect(page.getByLabel("Repeated failures (observations)")).toHaveValue("3");
  });
});

test("a person in two tenants picks one after signing in and switches from the nav", async ({ page, browser }) => {
  const home = createTenant("Home Desk");
  const second = createTenant("Second Desk");
  // The second tenant's admin invites the first tenant's admin, who joins with their own password.
  const inviter = await newPage(browser);
  await signInAs(inviter, second.admin.email, second.admin.password, "/admin/members");
  await inviter.getByLabel("Name").fill("Visiting Admin");
  await inviter.getByLabel("Email").fill(home.admin.email);
  await inviter.getByLabel("Role").first().selectOption("supervisor");
  await inviter.getByRole("button", { name: "Create invitation link" }).click();
  const url = await inviter.getByLabel(/^Invitation link for/).inputValue();
  await page.goto(url);
  await expect(page.getByText("already has an account")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(home.admin.password);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText(`You’re in: you are now a member of ${second.name}.`)).toBeVisible();

  await signInAs(page, home.admin.email, home.admin.password);
  await expect(page.getByRole("heading", { name: "Choose an organisation" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/tenants");
  await page.getByRole("button", { name: `Switch to ${second.name}` }).click();
  await expect(page.getByText(`Signed in to ${second.name}.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Supervisor overview" })).toBeVisible();

  await page.getByRole("link", { name: "Switch organisation" }).click();
  await page.getByRole("button", { name: `Switch to ${home.name}` }).click();
  await expect(page.getByText(`Signed in to ${home.name}.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Tenant administration" })).toBeVisible();
});

test("agents and supervisors are refused the administration pages", async ({ page }) => {
  for (const role of ["agent", "supervisor"] as const) {
    await signIn(page, role);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" })).toHaveCount(0);
    for (const path of ["/admin/members", "/admin/api-tokens", "/admin/rules", "/admin/audit"]) {
      await page.goto(path);
      await expect(page, `${role} ${path}`).toHaveURL(/\/forbidden$/);
    }
    await page.getByRole("link", { name: "Back to your desk" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("every administration page of the demo tenant passes axe and shows the demo's administration", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/members");
  await expect(page.getByTestId("member-row").filter({ hasText: "riley@demo.example" })).toContainText("Deactivated");
  await expect(page.getByTestId("invitation-row").filter({ hasText: "jordan@demo.example" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/admin/members");
  await page.screenshot({ path: "test-results/admin-members.png", fullPage: true });

  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByTestId("token-row").filter({ hasText: "Legacy spreadsheet import" })).toContainText("Revoked");
  await expect(page.getByTestId("token-row").filter({ hasText: "Weekly reporting export" })).toContainText("Supervisor");
  await expectNoSeriousA11yViolations(page, "/admin/api-tokens");
  await page.screenshot({ path: "test-results/admin-api-tokens.png", fullPage: true });

  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Rulebook settings" }).click();
  await expect(page.getByLabel("Large library item count (items)")).toHaveValue("30000");
  await expect(page.getByLabel("Customer link lifetime (days)")).toHaveValue("21");
  await expect(page.locator('input[name="enabled"][value="reset-photo-analysis"]')).not.toBeChecked();
  await expectNoSeriousA11yViolations(page, "/admin/rules");
  await page.screenshot({ path: "test-results/admin-rules.png", fullPage: true });

  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "Invited a member" }).filter({ hasText: "jordan@demo.example" })).toBeVisible();
  const settingsChange = page.getByTestId("audit-row").filter({ hasText: "Changed the rulebook settings" });
  await expect(settingsChange).toContainText("thresholds.largeLibraryItems");
  await expect(settingsChange).toContainText("thresholds.customerLinkDays");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Deactivated a member" })).toContainText("Riley Former");
  await expectNoSeriousA11yViolations(page, "/admin/audit");
  await page.screenshot({ path: "test-results/admin-audit.png", fullPage: true });

  await page.getByRole("link", { name: "Password" }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The password was not changed" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/account/password with errors");
});
