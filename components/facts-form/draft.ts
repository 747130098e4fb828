import type { AppleSystemStatus, CaseFacts, CaseFactsInput, Network, Platform, StatusMessage, StorageMode, Symptom } from "@/lib/facts/schema";
import { PLATFORM_LABELS } from "@/lib/facts/labels";

// The facts form's editable state. Every input keeps the text the agent typed ("" = unknown), and
// only `draftToFacts` turns it into the facts JSON the services validate, so a value that does not
// parse reaches the schema as typed and comes back as a field error instead of silently vanishing.

/** A yes / no / unknown answer; "" is unknown. */
export type TriState = "" | "yes" | "no";

export interface DeviceDraft {
  key: string;
  platform: Platform | "";
  model: string;
  osVersion: string;
  icloudForWindowsVersion: string;
  icloudPhotosEnabled: TriState;
  storageMode: StorageMode | "";
  freeStorageGb: string;
  lowPowerMode: TriState;
  pluggedIn: TriState;
  network: Network | "";
  vpn: TriState;
  cellularDataForPhotos: TriState;
  finderSync: TriState;
  dateTimeAutomatic: TriState;
}

export interface StatusDraft {
  /** Stable React key; not sent. */
  uid: string;
  deviceKey: string;
  message: StatusMessage | "";
  text: string;
  /** datetime-local value (the agent's local time). */
  observedAt: string;
  /** The stored instant this was loaded from, kept exactly while the minute shown is unchanged. */
  observedAtLoaded: string | null;
  screenshotId: string | null;
  screenshotName: string | null;
}

export interface FactsDraft {
  customerName: string;
  customerEmail: string;
  problemSince: string;
  /** The stored instant (seconds included), kept exactly while the minute shown is unchanged. */
  problemSinceLoaded: string | null;
  appleIdConsistent: TriState;
  appleSystemStatus: AppleSystemStatus;
  libraryItemCount: string;
  librarySizeGb: string;
  libraryHasLargeFiles: TriState;
  icloudTotalGb: string;
  icloudFreeGb: string;
  devices: DeviceDraft[];
  statusMessages: StatusDraft[];
  symptoms: Symptom[];
}

let uidCounter = 0;
const nextUid = () => `s${Date.now().toString(36)}${(uidCounter++).toString(36)}`;

export function emptyDevice(key: string, platform: Platform | "" = ""): DeviceDraft {
  return {
    key,
    platform,
    model: "",
    osVersion: "",
    icloudForWindowsVersion: "",
    icloudPhotosEnabled: "",
    storageMode: "",
    freeStorageGb: "",
    lowPowerMode: "",
    pluggedIn: "",
    network: "",
    vpn: "",
    cellularDataForPhotos: "",
    finderSync: "",
    dateTimeAutomatic: "",
  };
}

export function emptyStatus(deviceKey: string, now = new Date()): StatusDraft {
  return { uid: nextUid(), deviceKey, message: "", text: "", observedAt: toLocalInput(now.toISOString()), observedAtLoaded: null, screenshotId: null, screenshotName: null };
}

export function emptyDraft(): FactsDraft {
  return {
    customerName: "",
    customerEmail: "",
    problemSince: "",
    problemSinceLoaded: null,
    appleIdConsistent: "",
    appleSystemStatus: "unknown",
    libraryItemCount: "",
    librarySizeGb: "",
    libraryHasLargeFiles: "",
    icloudTotalGb: "",
    icloudFreeGb: "",
    devices: [emptyDevice("device-1")],
    statusMessages: [],
    symptoms: [],
  };
}

/** A key no device of the draft uses yet ("device-3"). */
export function nextDeviceKey(devices: readonly DeviceDraft[]): string {
  const used = new Set(devices.map((device) => device.key));
  let n = devices.length + 1;
  while (used.has(`device-${n}`)) n += 1;
  return `device-${n}`;
}

/** Cellular data and Finder sync only exist on an iPhone or iPad. */
export const isMobile = (device: { platform: Platform | "" }) => device.platform === "iphone" || device.platform === "ipad";

export function deviceLabel(device: DeviceDraft, index: number): string {
  const platform = device.platform ? PLATFORM_LABELS[device.platform] : "Device";
  const model = device.model.trim();
  return `${index + 1}. ${model ? model : platform}${model && device.platform ? ` (${platform})` : ""}`;
}

// --- draft ⇄ facts ---

const tri = (value: TriState): boolean | null => (value === "yes" ? true : value === "no" ? false : null);
const fromBool = (value: boolean | null): TriState => (value === true ? "yes" : value === false ? "no" : "");
const text = (value: string): string | null => (value.trim() === "" ? null : value.trim());
/** Blank is unknown; a non-number is passed on as typed so the schema names the field. */
const num = (value: string): number | string | null => {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const parsed = Number(trimmed.replace(",", "."));
  return Number.isFinite(parsed) ? parsed : trimmed;
};
const fromNum = (value: number | null): string => (value === null ? "" : String(value));

/** datetime-local text → ISO instant; a value that doesn't parse is passed on as typed. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** ISO instant → datetime-local text in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// datetime-local shows minutes only: an untouched input must not truncate the stored seconds
// (that would be a phantom edit on the timeline).
function keepLoaded(local: string, loaded: string | null): string | null {
  return loaded !== null && toLocalInput(loaded) === local ? loaded : fromLocalInput(local);
}

export function draftToFacts(draft: FactsDraft): CaseFactsInput {
  // Values are deliberately loose (see num/fromLocalInput): the services validate, this only shapes.
  return {
    customer: { name: draft.customerName, email: text(draft.customerEmail) },
    problemSince: keepLoaded(draft.problemSince, draft.problemSinceLoaded),
    appleIdConsistent: tri(draft.appleIdConsistent),
    appleSystemStatus: draft.appleSystemStatus,
    library: {
      itemCount: num(draft.libraryItemCount) as number | null,
      sizeGb: num(draft.librarySizeGb) as number | null,
      hasLargeFiles: tri(draft.libraryHasLargeFiles),
    },
    icloudStorage: { totalGb: num(draft.icloudTotalGb) as number | null, freeGb: num(draft.icloudFreeGb) as number | null },
    devices: draft.devices.map((device) => ({
      key: device.key,
      platform: device.platform as Platform,
      model: text(device.model),
      osVersion: text(device.osVersion),
      icloudForWindowsVersion: device.platform === "windows" ? text(device.icloudForWindowsVersion) : null,
      icloudPhotosEnabled: tri(device.icloudPhotosEnabled),
      storageMode: device.storageMode === "" ? null : device.storageMode,
      freeStorageGb: num(device.freeStorageGb) as number | null,
      lowPowerMode: tri(device.lowPowerMode),
      pluggedIn: tri(device.pluggedIn),
      network: device.network === "" ? null : device.network,
      vpn: tri(device.vpn),
      cellularDataForPhotos: isMobile(device) ? tri(device.cellularDataForPhotos) : null,
      finderSync: isMobile(device) ? tri(device.finderSync) : null,
      dateTimeAutomatic: tri(device.dateTimeAutomatic),
    })),
    statusMessages: draft.statusMessages.map((status) => ({
      deviceKey: status.deviceKey,
      message: status.message as StatusMessage,
      text: text(status.text),
      observedAt: keepLoaded(status.observedAt, status.observedAtLoaded) as string,
      screenshotId: status.screenshotId,
    })),
    symptoms: draft.symptoms,
  };
}

export function factsToDraft(facts: CaseFacts): FactsDraft {
  return {
    customerName: facts.customer.name,
    customerEmail: facts.customer.email ?? "",
    problemSince: toLocalInput(facts.problemSince),
    problemSinceLoaded: facts.problemSince,
    appleIdConsistent: fromBool(facts.appleIdConsistent),
    appleSystemStatus: facts.appleSystemStatus,
    libraryItemCount: fromNum(facts.library.itemCount),
    librarySizeGb: fromNum(facts.library.sizeGb),
    libraryHasLargeFiles: fromBool(facts.library.hasLargeFiles),
    icloudTotalGb: fromNum(facts.icloudStorage.totalGb),
    icloudFreeGb: fromNum(facts.icloudStorage.freeGb),
    devices: facts.devices.map((device) => ({
      key: device.key,
      platform: device.platform,
      model: device.model ?? "",
      osVersion: device.osVersion ?? "",
      icloudForWindowsVersion: device.icloudForWindowsVersion ?? "",
      icloudPhotosEnabled: fromBool(device.icloudPhotosEnabled),
      storageMode: device.storageMode ?? "",
      freeStorageGb: fromNum(device.freeStorageGb),
      lowPowerMode: fromBool(device.lowPowerMode),
      pluggedIn: fromBool(device.pluggedIn),
      network: device.network ?? "",
      vpn: fromBool(device.vpn),
      cellularDataForPhotos: fromBool(device.cellularDataForPhotos),
      finderSync: fromBool(device.finderSync),
      dateTimeAutomatic: fromBool(device.dateTimeAutomatic),
    })),
    statusMessages: facts.statusMessages.map((status) => ({
      uid: nextUid(),
      deviceKey: status.deviceKey,
      message: status.message,
      text: status.text ?? "",
      observedAt: toLocalInput(status.observedAt),
      observedAtLoaded: status.observedAt,
      screenshotId: status.screenshotId,
      screenshotName: status.screenshotId ? "Screenshot attached" : null,
    })),
    symptoms: [...facts.symptoms],
  };
}
