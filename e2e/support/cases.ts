import { expect, type Page } from "@playwright/test";

// Cases made through the API as the signed-in person (the browser's session, same origin), so each
// end-to-end test starts from a case of its own instead of one a previous test left behind.

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createCaseViaApi(page: Page, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/v1/cases", { headers: { Origin: origin }, data: body });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

/** The fields of device N (1-based) on the facts form. */
export const deviceFields = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Device ${n}\\.`) });

export async function suggestionIds(page: Page): Promise<string[]> {
  return page.getByTestId("suggestions").locator("li[data-rule-id]").evaluateAll((items) => items.map((item) => item.getAttribute("data-rule-id") ?? ""));
}

/** A case with an iPhone and a Mac whose iCloud Photos is off (so enable-icloud-photos is suggested). */
export function iphoneAndMacCase(customer: string, macModel = "MacBook Air M2") {
  return {
    customer: { name: customer, email: null },
    devices: [
      { platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5.1", icloudPhotosEnabled: true, network: "wifi" },
      { platform: "mac", model: macModel, osVersion: "14.5", icloudPhotosEnabled: false },
    ],
    library: { sizeGb: 120 },
    statusMessages: [{ deviceIndex: 0, message: "waiting_to_upload", text: "Waiting to Upload 1,204 Items" }],
    symptoms: ["stuck_waiting_to_upload"],
  };
}
