import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../lib/demo/demo-accounts";

export type DemoRole = "agent" | "supervisor" | "admin";

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return { ...account, password: DEMO_PASSWORD };
}

/** Signs in through the real form, as a person would, and waits for the landing page. */
export async function signIn(page: Page, role: DemoRole, next = "/") {
  const account = demoAccount(role);
  await signInAs(page, account.email, account.password, next);
}

/** The same for any account (e.g. a tenant made by tenant:create, or an invited person). */
export async function signInAs(page: Page, email: string, password: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
