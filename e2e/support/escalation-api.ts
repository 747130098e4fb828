import { expect, type Page } from "@playwright/test";
import { makePng } from "../../tests/support/png";

// Sets up escalation scenarios through the public API with the signed-in page's session (the same
// requests a browser integration makes), so each e2e test starts from its own fresh case.

/** Session writes must say where they come from (same-origin check); the page is on the app. */
const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

export async function uploadPng(page: Page, width: number, height: number, colours?: Array<[number, number, number]>): Promise<string> {
  const response = await page.request.post("/api/v1/attachments", { headers: { ...origin(page), "Content-Type": "image/png" }, data: makePng(width, height, colours) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** A case that is ready to escalate: one iPhone on Wi-Fi for 30 h, every suggested step tried without success. */
export async function createReadyCase(page: Page, customer: string, screenshotIds: string[] = []): Promise<{ id: string; number: string; version: number }> {
  const observedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
  const texts = ["Waiting to Upload 1,204 Items", "Upload Paused: Unable to upload 12 items"];
  const created = await page.request.post("/api/v1/cases", {
    headers: origin(page),
    data: {
      customer: { name: customer, email: null },
      problemSince: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      appleIdConsistent: true,
      appleSystemStatus: "ok",
      library: { itemCount: 4_000, sizeGb: 30, hasLargeFiles: false },
      icloudStorage: { totalGb: 200, freeGb: 40 },
      devices: [{ key: "iphone-1", platform: "iphone", model: "iPhone 15 Pro", osVersion: "18.1", icloudPhotosEnabled: true, storageMode: "optimize", freeStorageGb: 12, lowPowerMode: false, pluggedIn: true, network: "wifi", vpn: false, cellularDataForPhotos: true, finderSync: false, dateTimeAutomatic: true }],
      statusMessages: (screenshotIds.length ? screenshotIds : [null]).map((screenshotId, index) => ({
        deviceKey: "iphone-1", message: index === 0 ? "waiting_to_upload" : "other", text: texts[index % 2], observedAt, screenshotId,
      })),
      symptoms: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let view = await created.json();
  for (let round = 0; round < 10 && !view.escalation.ready; round += 1) {
    for (const suggestion of view.suggestions as { ruleId: string; risk: string }[]) {
      if (suggestion.risk === "high" || suggestion.ruleId === "sign-out-icloud") continue;
      const step = await page.request.post(`/api/v1/cases/${view.id}/steps`, { headers: origin(page), data: { ruleId: suggestion.ruleId, outcome: "no_change" } });
      expect(step.status()).toBe(201);
    }
    view = await (await page.request.get(`/api/v1/cases/${view.id}`)).json();
  }
  expect(view.escalation.missing).toEqual([]);
  return { id: view.id, number: view.displayNumber, version: view.version };
}

export async function submitForReview(page: Page, caseId: string, version: number): Promise<number> {
  const response = await page.request.post(`/api/v1/cases/${caseId}/escalation`, { headers: origin(page), data: { action: "submit", version } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).version;
}
