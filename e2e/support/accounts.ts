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
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
