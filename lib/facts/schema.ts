import { z } from "zod";
import { checkDeviceReferences, nameDevices } from "@/lib/facts/device-keys";

// The facts of a case (SPEC §2), shared by the API, the forms and the rule engine.
// Unknown is a real value: `null` means "not known yet", and omitting a field means the same.

export const PLATFORMS = ["iphone", "ipad", "mac", "windows"] as const;
export const NETWORKS = ["wifi", "cellular", "hotspot", "captive_portal", "none"] as const;
export const STORAGE_MODES = ["optimize", "originals"] as const;
export const APPLE_SYSTEM_STATUSES = ["ok", "outage", "unknown"] as const;
export const STATUS_MESSAGES = [
  "paused",
  "waiting_to_upload",
  "updating",
  "syncing",
  "uploading",
  "other",
] as const;
export const SYMPTOMS = [
  "photo_not_on_other_device",
  "stuck_waiting_to_upload",
  "blurry_thumbnails",
  "shared_album_missing",
  "items_missing",
  "edits_not_syncing",
  "windows_thumbnails_missing",
  "slow_upload",
  "library_count_mismatch",
] as const;
export const STEP_OUTCOMES = ["resolved", "no_change", "worse", "not_applicable", "skipped"] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Network = (typeof NETWORKS)[number];
export type StorageMode = (typeof STORAGE_MODES)[number];
export type AppleSystemStatus = (typeof APPLE_SYSTEM_STATUSES)[number];
export type StatusMessage = (typeof STATUS_MESSAGES)[number];
export type Symptom = (typeof SYMPTOMS)[number];
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

// Dotted numeric versions such as "17", "17.5" or "17.5.1" (iCloud for Windows uses four parts).
const VERSION_PATTERN = /^\d{1,6}(\.\d{1,6}){0,5}$/;
const VERSION_MESSAGE = "must look like 17.5.1 (numbers separated by dots)";

/** The largest whole number an integer column holds (PostgreSQL int4). */
export const MAX_INT_COLUMN = 2_147_483_647;

// Bounds are what the columns hold: item counts are int4, sizes are stored as doubles but no
// library or disk is anywhere near a petabyte.
const MAX_GB = 1_000_000;

export const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be an ISO date and time, e.g. 2024-05-01T09:30:00Z` });

const unknownBoolean = (label: string) =>
  z.boolean({ error: `${label} must be yes, no or unknown` }).nullable().default(null);

const unknownGb = (label: string) =>
  z
    .number({ error: `${label} must be a number of gigabytes` })
    .finite(`${label} must be a finite number`)
    .min(0, `${label} can't be negative`)
    .max(MAX_GB, `${label} can't be more than ${MAX_GB.toLocaleString("en")} GB`)
    .nullable()
    .default(null);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} is too long (${max} characters at most)`)
    .nullable()
    .default(null);

const version = (label: string) => optionalText(label, 40).refine((value) => value === null || VERSION_PATTERN.test(value), `${label} ${VERSION_MESSAGE}`);

/** An email address as stored and matched everywhere: trimmed and lower-cased. */
export const emailAddress = (message: string) => z.string({ error: message }).trim().toLowerCase().pipe(z.email({ error: message }));

const deviceSchema = z
  .strictObject({
    // Optional: the server names unnamed devices iphone-1, mac-1, … (lib/facts/device-keys.ts).
    key: z
      .string({ error: "Device key must be text" })
      .trim()
      .min(1, "Device key can't be empty (leave it out and the server names the device)")
      .max(40, "Device key is too long (40 characters at most)")
      .optional(),
    platform: z.enum(PLATFORMS, { error: "Platform must be iPhone, iPad, Mac or Windows PC" }),
    model: optionalText("Model", 100),
    // Free text for a Windows PC ("Windows 11 23H2"); dotted numbers elsewhere (checked below).
    osVersion: optionalText("OS version", 40),
    icloudForWindowsVersion: version("iCloud for Windows version"),
    icloudPhotosEnabled: unknownBoolean("iCloud Photos enabled"),
    storageMode: z
      .enum(STORAGE_MODES, { error: "Storage mode must be Optimize Storage or Download and Keep Originals" })
      .nullable()
      .default(null),
    freeStorageGb: unknownGb("Free device storage"),
    lowPowerMode: unknownBoolean("Low Power Mode"),
    pluggedIn: unknownBoolean("Plugged in"),
    network: z
      .enum(NETWORKS, { error: "Network must be Wi-Fi, cellular, hotspot, captive portal or none" })
      .nullable()
      .default(null),
    vpn: unknownBoolean("VPN"),
    cellularDataForPhotos: unknownBoolean("Cellular data for Photos"),
    finderSync: unknownBoolean("Finder sync"),
    dateTimeAutomatic: unknownBoolean("Automatic date and time"),
  })
  .superRefine(
    (device, ctx) => {
      // Runs even when the platform itself is wrong: only a Windows PC has a free-text version.
      const { platform, osVersion } = (device && typeof device === "object" ? device : {}) as { platform?: unknown; osVersion?: unknown };
      if (platform !== "windows" && typeof osVersion === "string" && osVersion.trim() !== "" && !VERSION_PATTERN.test(osVersion.trim())) {
        ctx.addIssue({ code: "custom", path: ["osVersion"], message: `OS version ${VERSION_MESSAGE}` });
      }
    },
    { when: () => true },
  );

const statusMessageSchema = z.strictObject({
  // The device it was seen on: its key, or its position in `devices` (0 = the first).
  deviceKey: z.string({ error: "Status message device key must be text" }).trim().min(1, "Status message device key can't be empty").max(40).optional(),
  deviceIndex: z
    .number({ error: "deviceIndex must be a number (0 = the first device)" })
    .int("deviceIndex must be a whole number")
    .min(0, "deviceIndex can't be negative")
    .max(19, "deviceIndex must be below 20 (a case lists 20 devices at most)")
    .optional(),
  message: z.enum(STATUS_MESSAGES, {
    error: "Status message must be Paused, Waiting to Upload, Updating, Syncing, Uploading or Other",
  }),
  text: optionalText("Status message text", 500),
  // Left out (or null): seen now, when the case is saved.
  observedAt: isoDateTime("Observed at").nullish().transform((value) => value ?? new Date().toISOString()),
  screenshotId: z.string({ error: "Screenshot id must be text" }).min(1).max(200).nullable().default(null),
});

const librarySchema = z
  .strictObject({
    itemCount: z
      .number({ error: "Library item count must be a whole number" })
      .int("Library item count must be a whole number")
      .min(0, "Library item count can't be negative")
      .max(MAX_INT_COLUMN, "Library item count is too large")
      .nullable()
      .default(null),
    sizeGb: unknownGb("Library size"),
    hasLargeFiles: unknownBoolean("Large files in the library"),
  })
  .prefault({});

const icloudStorageSchema = z
  .strictObject({ totalGb: unknownGb("Total iCloud storage"), freeGb: unknownGb("Free iCloud storage") })
  .superRefine((storage, ctx) => {
    const { totalGb, freeGb } = storage;
    if (typeof totalGb === "number" && typeof freeGb === "number" && freeGb > totalGb) {
      ctx.addIssue({ code: "custom", path: ["freeGb"], message: "Free iCloud storage can't be more than the total" });
    }
  })
  .prefault({});

const symptomsSchema = z
  .array(z.enum(SYMPTOMS, { error: "Unknown symptom" }), { error: "Symptoms must be a list" })
  .max(SYMPTOMS.length * 2, "Too many symptoms")
  .default([])
  .superRefine((symptoms, ctx) => {
    const seen = new Set<string>();
    symptoms.forEach((symptom, index) => {
      if (seen.has(symptom)) {
        ctx.addIssue({ code: "custom", path: [index], message: `Symptom "${symptom}" is listed twice` });
      }
      seen.add(symptom);
    });
  });

/** The facts as a client sends them (unknown keys refused); `caseFactsSchema` also names the devices. */
export const caseFactsObject = z.strictObject({
  customer: z.strictObject({
    name: z
      .string({ error: "Customer name is required" })
      .trim()
      .min(1, "Customer name is required")
      .max(200, "Customer name is too long (200 characters at most)"),
    email: emailAddress("Customer email must be a valid email address").nullable().default(null),
  }),
  // null means "since intake": the case service fills in the intake time.
  problemSince: isoDateTime("Problem seen since").nullable().default(null),
  appleIdConsistent: unknownBoolean("Same Apple ID on every device"),
  appleSystemStatus: z
    .enum(APPLE_SYSTEM_STATUSES, { error: "Apple system status must be ok, outage or unknown" })
    .default("unknown"),
  library: librarySchema,
  icloudStorage: icloudStorageSchema,
  devices: z
    .array(deviceSchema, { error: "Devices must be a list" })
    .min(1, "Add at least one device")
    .max(20, "A case can list 20 devices at most"),
  statusMessages: z
    .array(statusMessageSchema, { error: "Status messages must be a list" })
    .max(200, "A case can hold 200 status messages at most")
    .default([]),
  symptoms: symptomsSchema,
});

// The facts as a case holds them (and the API answers them): every device has its key, every status
// message its deviceKey and observedAt. What the client sent becomes this through nameDevices.
const storedFactsSchema = caseFactsObject.safeExtend({
  devices: z.array(deviceSchema.safeExtend({ key: z.string().min(1).max(40) })).min(1).max(20),
  statusMessages: z.array(statusMessageSchema.omit({ deviceIndex: true }).safeExtend({ deviceKey: z.string().min(1).max(40), observedAt: isoDateTime("Observed at") })).max(200),
});

/**
 * One schema for a case's facts: its input side is what a client may send (SPEC §5: optional device
 * keys, deviceIndex or deviceKey, observedAt defaulting to now), its output side what a case holds.
 * The OpenAPI document shows each side where it belongs (request bodies, answers).
 */
export const caseFactsSchema = caseFactsObject
  .superRefine(checkDeviceReferences, { when: () => true })
  .transform(nameDevices)
  // The named facts are checked as stored facts (typed as such: their defaults are filled in already).
  .pipe(storedFactsSchema as unknown as z.ZodType<StoredFacts, StoredFacts>);

type StoredFacts = z.output<typeof storedFactsSchema>;

export type CaseFacts = z.infer<typeof caseFactsSchema>;
export type CaseFactsInput = z.input<typeof caseFactsSchema>;
export type Device = CaseFacts["devices"][number];
export type DeviceInput = z.input<typeof deviceSchema>;
