import type { z } from "zod";
import type { Platform } from "@/lib/facts/schema";

// Devices may come without a key, and status messages may name their device by position
// (SPEC §5). `checkDeviceReferences` reports every bad reference (it runs even when other fields
// failed, so a client sees all its mistakes at once); `nameDevices` then gives every device a key
// (iphone-1, mac-1, … for unnamed ones) and every status message a `deviceKey`, so the rest of
// the product only ever sees keys.

interface DeviceIn {
  key?: string;
  platform: Platform;
}
interface StatusIn {
  deviceKey?: string;
  deviceIndex?: number;
}
type Named<D> = Omit<D, "key"> & { key: string };
type Resolved<S> = Omit<S, "deviceKey" | "deviceIndex"> & { deviceKey: string };

/** The key of each device: its own, or `<platform>-<n>` with the first n no other device uses. */
function deviceKeysOf(devices: readonly unknown[]): (string | undefined)[] {
  const entries = devices.map((device) => (device && typeof device === "object" ? (device as Partial<DeviceIn>) : {}));
  const taken = new Set(entries.map((device) => device.key).filter((key): key is string => typeof key === "string"));
  const counters = new Map<string, number>();
  return entries.map((device) => {
    if (typeof device.key === "string") return device.key;
    if (typeof device.platform !== "string") return undefined;
    let n = counters.get(device.platform) ?? 0;
    let key: string;
    do key = `${device.platform}-${++n}`;
    while (taken.has(key));
    counters.set(device.platform, n);
    taken.add(key);
    return key;
  });
}

/** Duplicate keys and status messages naming no device, a device that isn't there, or two different ones. */
export function checkDeviceReferences(input: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  // Runs even when the input is not an object at all (its own error is already reported).
  if (!input || typeof input !== "object") return;
  const facts = input as { devices?: unknown; statusMessages?: unknown };
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message, input: facts });
  if (!Array.isArray(facts.devices)) return;
  const keys = deviceKeysOf(facts.devices);
  const seen = new Set<string>();
  facts.devices.forEach((device, index) => {
    const own = (device as Partial<DeviceIn> | null)?.key;
    if (typeof own !== "string") return;
    if (seen.has(own)) issue(["devices", index, "key"], `Device key "${own}" is used twice; each device needs its own key`);
    seen.add(own);
  });
  if (!Array.isArray(facts.statusMessages)) return;
  const known = new Set(keys.filter((key): key is string => key !== undefined));
  facts.statusMessages.forEach((raw, index) => {
    if (!raw || typeof raw !== "object") return;
    const { deviceKey, deviceIndex } = raw as StatusIn;
    const validIndex = Number.isInteger(deviceIndex) && (deviceIndex as number) >= 0;
    const byIndex = validIndex ? keys[deviceIndex as number] : undefined;
    if (validIndex && (deviceIndex as number) >= keys.length) {
      issue(["statusMessages", index, "deviceIndex"], `There is no device at index ${deviceIndex} (devices has ${keys.length}; 0 is the first)`);
    } else if (deviceKey === undefined && deviceIndex === undefined) {
      issue(["statusMessages", index, "deviceKey"], "Name the device the message was seen on: deviceKey, or deviceIndex (its position in devices)");
    } else if (typeof deviceKey === "string" && deviceKey.trim() !== "" && !known.has(deviceKey.trim())) {
      issue(["statusMessages", index, "deviceKey"], `Status message refers to device "${deviceKey.trim()}", which is not in this case`);
    } else if (typeof deviceKey === "string" && byIndex !== undefined && deviceKey.trim() !== byIndex) {
      issue(["statusMessages", index, "deviceIndex"], `deviceIndex ${deviceIndex} is device "${byIndex}", but deviceKey says "${deviceKey.trim()}": send one of them`);
    }
  });
}

/** Runs on valid facts only (after checkDeviceReferences found nothing wrong). */
export function nameDevices<T extends { devices: DeviceIn[]; statusMessages: StatusIn[] }>(
  facts: T,
): Omit<T, "devices" | "statusMessages"> & { devices: Named<T["devices"][number]>[]; statusMessages: Resolved<T["statusMessages"][number]>[] } {
  type D = T["devices"][number];
  type S = T["statusMessages"][number];
  const keys = deviceKeysOf(facts.devices);
  const devices = facts.devices.map((device, index) => ({ ...device, key: keys[index]! }) as Named<D>);
  const statusMessages = facts.statusMessages.map((status) => {
    const { deviceIndex, deviceKey, ...rest } = status as S;
    return { ...rest, deviceKey: deviceKey ?? keys[deviceIndex!]! } as Resolved<S>;
  });
  return { ...facts, devices, statusMessages };
}
