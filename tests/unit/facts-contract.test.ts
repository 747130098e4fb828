import { describe, expect, it } from "vitest";
import { caseFactsSchema } from "@/lib/facts/schema";
import { fieldIssuesFromZod } from "@/lib/errors/validation";

// SPEC §5 as it stands: device keys are optional, a status message names its device by key or by
// position, observedAt defaults to now, a Windows PC's OS version is free text, unknown keys are
// refused by name, and numbers are bounded by what the columns hold.

const issues = (input: unknown) => {
  const result = caseFactsSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(fieldIssuesFromZod(result.error).map((issue) => [issue.path, issue.message]));
};

describe("the facts contract", () => {
  it("names unnamed devices iphone-1, mac-1, … without clashing with given keys", () => {
    const facts = caseFactsSchema.parse({
      customer: { name: "Ada" },
      devices: [{ platform: "iphone" }, { platform: "mac" }, { key: "iphone-1", platform: "ipad" }, { platform: "iphone" }],
    });
    expect(facts.devices.map((device) => device.key)).toEqual(["iphone-2", "mac-1", "iphone-1", "iphone-3"]);
  });

  it("resolves deviceIndex to the device's key, and observedAt defaults to now", () => {
    const before = Date.now();
    const facts = caseFactsSchema.parse({
      customer: { name: "Ada" },
      devices: [{ platform: "windows", osVersion: "Windows 11 23H2" }, { platform: "iphone", osVersion: "17.5.1" }],
      statusMessages: [{ deviceIndex: 1, message: "paused" }, { deviceKey: "windows-1", message: "uploading", observedAt: null }],
    });
    expect(facts.statusMessages.map((status) => status.deviceKey)).toEqual(["iphone-1", "windows-1"]);
    for (const status of facts.statusMessages) expect(Date.parse(status.observedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(facts.devices[0]!.osVersion).toBe("Windows 11 23H2");
  });

  it("names each bad reference: an index past the end, a missing device, a key and index that disagree", () => {
    expect(
      issues({
        customer: { name: "Ada" },
        devices: [{ key: "a", platform: "iphone" }],
        statusMessages: [
          { deviceIndex: 3, message: "paused" },
          { message: "paused" },
          { deviceKey: "a", deviceIndex: 0, message: "paused" },
          { deviceKey: "b", message: "paused" },
        ],
      }),
    ).toEqual({
      "statusMessages.0.deviceIndex": "There is no device at index 3 (devices has 1; 0 is the first)",
      "statusMessages.1.deviceKey": "Name the device the message was seen on: deviceKey, or deviceIndex (its position in devices)",
      "statusMessages.3.deviceKey": 'Status message refers to device "b", which is not in this case',
    });
  });

  it("keeps dotted versions for Apple platforms", () => {
    expect(issues({ customer: { name: "Ada" }, devices: [{ platform: "mac", osVersion: "Sonoma" }] })).toEqual({
      "devices.0.osVersion": "OS version must look like 17.5.1 (numbers separated by dots)",
    });
  });

  it("refuses unknown keys at every level, each by its own path", () => {
    expect(
      issues({
        customer: { name: "Ada", phone: "123" },
        devices: [{ platform: "iphone", colour: "blue" }],
        statusMessages: [{ deviceIndex: 0, message: "paused", seenBy: "me" }],
        library: { itemCount: 5, photos: 5 },
        icloudStorage: { plan: "2TB" },
        itemCount: 5,
      }),
    ).toEqual({
      "customer.phone": 'Unknown field "phone"',
      "devices.0.colour": 'Unknown field "colour"',
      "statusMessages.0.seenBy": 'Unknown field "seenBy"',
      "library.photos": 'Unknown field "photos"',
      "icloudStorage.plan": 'Unknown field "plan"',
      itemCount: 'Unknown field "itemCount"',
    });
  });

  it.each([
    [{ library: { itemCount: 3_000_000_000 } }, "library.itemCount", "Library item count is too large"],
    [{ library: { sizeGb: 1e300 } }, "library.sizeGb", "Library size can't be more than 1,000,000 GB"],
    [{ icloudStorage: { totalGb: 5e6 } }, "icloudStorage.totalGb", "Total iCloud storage can't be more than 1,000,000 GB"],
  ])("bounds numbers by what the columns hold: %j", (patch, path, message) => {
    expect(issues({ customer: { name: "Ada" }, devices: [{ platform: "iphone" }], ...patch })).toEqual({ [path]: message });
  });

  it("lower-cases and trims the customer's email in the schema", () => {
    expect(caseFactsSchema.parse({ customer: { name: "Ada", email: "  Ada@Example.COM " }, devices: [{ platform: "iphone" }] }).customer.email).toBe("ada@example.com");
  });
});
