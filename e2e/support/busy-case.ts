import { expect, type Page } from "@playwright/test";
import { busyCaseFacts } from "../../lib/demo/busy-case";

/** A fresh case with 25 applicable suggestions (the demo's busy case), through the API; opens it. */
export async function openBusyCase(page: Page, name: string): Promise<string> {
  const facts = busyCaseFacts(new Date());
  const created = await page.request.post("/api/v1/cases", {
    headers: { Origin: new URL(page.url()).origin },
    data: { ...facts, customer: { ...facts.customer, name } },
  });
  expect(created.status()).toBe(201);
  const { id, suggestions } = (await created.json()) as { id: string; suggestions: unknown[] };
  expect(suggestions.length).toBeGreaterThanOrEqual(15);
  await page.goto(`/cases/${id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return id;
}

/** Presses Tab until the element matching `selector` has focus (keyboard only, like a person). */
export async function tabTo(page: Page, selector: string, limit = 250): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
