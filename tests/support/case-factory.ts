import type { CaseFactsInput, DeviceInput } from "@/lib/facts/schema";
import { createCase } from "@/lib/cases/create-case";
import type { CaseView } from "@/lib/cases/view/case-view";
import type { Role } from "@/lib/tenancy/roles";
import type { TenantContext } from "@/lib/tenancy/context";

// Request bodies and cases for the API tests: realistic intake facts with a little variety.

let counter = 0;
// Test files share one database and each counts from 1: the email carries a per-file tag so two
// files' cases never share an email (tests look cases up by email across tenants). Letters only: a
// search word like "3" (from "PST-3") must not prefix-match the tag of every factory case.
const FILE_TAG = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

export function deviceBody(overrides: Partial<DeviceInput> = {}): DeviceInput {
  return {
    key: "iphone-1",
    platform: "iphone",
    model: "iPhone 15 Pro",
    osVersion: "17.5.1",
    icloudPhotosEnabled: true,
    storageMode: "optimize",
    freeStorageGb: 12,
    lowPowerMode: false,
    pluggedIn: false,
    network: "wifi",
    vpn: false,
    ...overrides,
  };
}

export function caseBody(overrides: Partial<CaseFactsInput> & { assigneeId?: string | null; status?: string } = {}) {
  counter += 1;
  return {
    customer: { name: `Casey Customer ${counter}`, email: `casey${counter}.${FILE_TAG}@example.com` },
    problemSince: new Date(Date.now() - 30 * 3_600_000).toISOString(),
    appleIdConsistent: true,
    appleSystemStatus: "ok",
    library: { itemCount: 12_000, sizeGb: 85, hasLargeFiles: true },
    icloudStorage: { totalGb: 200, freeGb: 40 },
    devices: [deviceBody(), deviceBody({ key: "mac-1", platform: "mac", model: "MacBook Air M2", osVersion: "14.5", pluggedIn: true })],
    statusMessages: [
      { deviceKey: "iphone-1", message: "waiting_to_upload", text: "Waiting to Upload 312 Items", observedAt: new Date(Date.now() - 3_600_000).toISOString() },
    ],
    symptoms: ["stuck_waiting_to_upload"],
    ...overrides,
  };
}

/** A case created through the service (not the API), for tests about other endpoints. */
export async function createTestCase(ctx: TenantContext, overrides: Parameters<typeof caseBody>[0] = {}): Promise<CaseView> {
  return (await createCase(ctx, caseBody(overrides))).case;
}

/** A service-level caller acting as an API token of `role` (agent unless told). */
export function apiContext<R extends Role = "agent">(tenantId: string, role: R = "agent" as R): TenantContext & { actor: { kind: "api_token"; tokenId: string; role: R; label: string } } {
  return { tenantId, actor: { kind: "api_token", tokenId: "00000000-0000-7000-8000-000000000000", role, label: `Test ${role} token` } };
}
