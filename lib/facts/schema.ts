import { z } from "zod";
import { RULE_IDS } from "@/lib/rules/rule-ids";

// The facts of a case (SPEC §2), shared by the API, the forms and the rule engine.
// Unknown is a real value: `null` means "not known yet", and omitting a field means the same.
// Objects are strict: an unknown key is a 400 naming it (SPEC §5), never silently dropped.

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

/** The largest whole number an integer column holds (PostgreSQL int4). */
export const MAX_INT_COLUMN = 2_147_483_647;

// Dotted numeric versions such as "17", "17.5" or "17.5.1" (iCloud for Windows uses four parts).
const VERSION_PATTERN = /^\d{1,6}(\.\d{1,6}){0,5}$/;

const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be an ISO date and time, e.g. 2024-05-01T09:30:00Z` });

const unknownBoolean = (label: string) =>
  z.boolean({ error: `${label} must be yes, no or unknown` }).nullable().default(null);

const unknownGb = (label: string) =>
  z
    .number({ error: `${label} must be a number of gigabytes` })
    .finite(`${label} must be a finite number`)
    .min(0, `${label} can't be negative`)
    .nullable()
    .default(null);

const version = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(40, `${label} is too long (40 characters at most)`)
    .regex(VERSION_PATTERN, `${label} must look like 17.5.1 (numbers separated by dots)`)
    .nullable()
    .default(null);

export const deviceSchema = z.strictObject({
  key: z
    .string({ error: "Device key is required" })
    .trim()
    .min(1, "Device key is required")
    .max(40, "Device key is too long (40 characters at most)"),
  platform: z.enum(PLATFORMS, { error: "Platform must be iPhone, iPad, Mac or Windows PC" }),
  model: z
    .string({ error: "Model must be text" })
    .trim()
    .max(100, "Model is too long (100 characters at most)")
    .nullable()
    .default(null),
  osVersion: version("OS version"),
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
});

export const statusMessageSchema = z.strictObject({
  deviceKey: z.string({ error: "Status message device is required" }).trim().min(1, "Status message device is required"),
  message: z.enum(STATUS_MESSAGES, {
    error: "Status message must be Paused, Waiting to Upload, Updating, Syncing, Uploading or Other",
  }),
  text: z
    .string({ error: "Status message text must be text" })
    .trim()
    .max(500, "Status message text is too long (500 characters at most)")
    .nullable()
    .default(null),
  observedAt: isoDateTime("Observed at"),
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

const devicesSchema = z
  .array(deviceSchema, { error: "Devices must be a list" })
  .min(1, "Add at least one device")
  .max(20, "A case can list 20 devices at most")
  .superRefine((devices, ctx) => {
    const seen = new Set<string>();
    devices.forEach((device, index) => {
      if (typeof device?.key !== "string") return;
      if (seen.has(device.key)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `Device key "${device.key}" is used twice; each device needs its own key`,
        });
      }
      seen.add(device.key);
    });
  });

const symptomsSchema = z
  .array(z.enum(SYMPTOMS, { error: "Unknown symptom" }), { error: "Symptoms must be a list" })
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

export const caseFactsSchema = z
  .strictObject({
    customer: z.strictObject({
      name: z
        .string({ error: "Customer name is required" })
        .trim()
        .min(1, "Customer name is required")
        .max(200, "Customer name is too long (200 characters at most)"),
      email: z
        .email({ error: "Customer email must be a valid email address" })
        .trim()
        .nullable()
        .default(null),
    }),
    // null means "since intake": the case service fills in the intake time.
    problemSince: isoDateTime("Problem seen since").nullable().default(null),
    appleIdConsistent: unknownBoolean("Same Apple ID on every device"),
    appleSystemStatus: z
      .enum(APPLE_SYSTEM_STATUSES, { error: "Apple system status must be ok, outage or unknown" })
      .default("unknown"),
    library: librarySchema,
    icloudStorage: icloudStorageSchema,
    devices: devicesSchema,
    statusMessages: z
      .array(statusMessageSchema, { error: "Status messages must be a list" })
      .max(200, "A case can hold 200 status messages at most")
      .default([]),
    symptoms: symptomsSchema,
  })
  .superRefine((facts, ctx) => {
    // Runs even when other fields failed, so guard every shape it reads.
    if (!Array.isArray(facts.devices) || !Array.isArray(facts.statusMessages)) return;
    const keys = new Set(facts.devices.map((device) => device?.key));
    facts.statusMessages.forEach((status, index) => {
      if (typeof status?.deviceKey === "string" && !keys.has(status.deviceKey)) {
        ctx.addIssue({
          code: "custom",
          path: ["statusMessages", index, "deviceKey"],
          message: `Status message refers to device "${status.deviceKey}", which is not in this case`,
        });
      }
    });
  });

export type CaseFacts = z.infer<typeof caseFactsSchema>;
export type CaseFactsInput = z.input<typeof caseFactsSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type DeviceInput = z.input<typeof deviceSchema>;
export type StatusMessageRecord = z.infer<typeof statusMessageSchema>;

export const triedStepSchema = z
  .strictObject({
    ruleId: z.enum(RULE_IDS, { error: "Unknown step" }),
    outcome: z.enum(STEP_OUTCOMES, {
      error: "Outcome must be resolved, no change, worse, not applicable or skipped",
    }),
    note: z
      .string({ error: "Note must be text" })
      .trim()
      .max(2000, "Note is too long (2000 characters at most)")
      .nullable()
      .default(null),
    triedAt: isoDateTime("Tried at").nullable().default(null),
  })
  .superRefine((step, ctx) => {
    if (step.outcome === "not_applicable" && !(typeof step.note === "string" && step.note.length > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "A reason is needed when a step is marked not applicable",
      });
    }
  });

export type TriedStepInput = z.infer<typeof triedStepSchema>;

/** A recorded step as the engine reads it: `triedAt` is always a Date (the service fills "now"). */
export type TriedStep = Omit<TriedStepInput, "triedAt"> & { triedAt: Date };
