import type { CaseFactsInput } from "@/lib/facts/schema";

// A case where much is unknown and much is wrong: the engine suggests 25 steps, three of them
// explained by a fact on its own (iCloud Photos off on the iPad, iCloud full while items wait, Low
// Power Mode on the iPhone that says Paused). Used by the demo (lib/demo/demo-desk.ts) and e2e.
// No imports beyond types, so the browser tests can load it.

const BUSY_DEMO_CUSTOMER = "Dana Whitfield";

const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

export function busyCaseFacts(now: Date): CaseFactsInput {
  return {
    customer: { name: BUSY_DEMO_CUSTOMER, email: "dana.whitfield@example.com" },
    problemSince: hoursAgo(now, 20),
    appleIdConsistent: null,
    appleSystemStatus: "unknown",
    library: { itemCount: 48_000, sizeGb: 260, hasLargeFiles: true },
    icloudStorage: { totalGb: 200, freeGb: 0.6 },
    devices: [
      { key: "iphone", platform: "iphone", model: "iPhone 15 Pro", osVersion: "17.5.1", icloudPhotosEnabled: true, lowPowerMode: true, pluggedIn: false, network: "cellular", freeStorageGb: 3.2, storageMode: "originals" },
      { key: "ipad", platform: "ipad", model: "iPad Air (M2)", osVersion: "17.4", icloudPhotosEnabled: false },
      { key: "mac", platform: "mac", model: "MacBook Pro 14-inch (M3)", osVersion: "14.5", icloudPhotosEnabled: true },
      { key: "pc", platform: "windows", model: "Surface Laptop 5", osVersion: "11.0" },
    ],
    statusMessages: [
      { deviceKey: "iphone", message: "waiting_to_upload", text: "Waiting to Upload 3,112 Items", observedAt: hoursAgo(now, 3) },
      { deviceKey: "iphone", message: "paused", text: "Upload Paused", observedAt: hoursAgo(now, 2) },
      { deviceKey: "pc", message: "other", text: "Preparing to upload…", observedAt: hoursAgo(now, 1) },
    ],
    symptoms: ["stuck_waiting_to_upload", "photo_not_on_other_device", "library_count_mismatch", "blurry_thumbnails"],
  };
}

