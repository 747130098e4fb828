import { z } from "zod";
import { CASE_STATUSES } from "@/lib/cases/schemas/case-schemas";
import { CRITERION_IDS } from "@/lib/rules/escalation-criteria";
import { caseFactsSchema, STEP_OUTCOMES } from "@/lib/facts/schema";

// The escalation packet (SPEC §4): what Apple is handed. One document shape for the frozen
// submission (stored with the case, never changed) and for the draft built from the case as it is
// now; the JSON API, the printable page and packet.zip all show this document.

export const PACKET_FORMAT = "photo-sync-triage/escalation-packet@1";

/** How many of the latest timeline events the packet carries ("a short timeline"). */
export const PACKET_TIMELINE_LENGTH = 15;

const iso = z.string();
const actorSchema = z.object({ kind: z.enum(["user", "api_token", "customer", "system"]), name: z.string() });

const packetScreenshotSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** Its path inside packet.zip. */
  file: z.string(),
});

export const packetDocumentSchema = z.object({
  format: z.literal(PACKET_FORMAT),
  /** "submission": frozen when the case was submitted for review; "draft": the case as it is now. */
  kind: z.enum(["submission", "draft"]),
  generatedAt: iso,
  tenant: z.object({ id: z.string(), name: z.string() }),
  case: z.object({
    id: z.string(),
    number: z.number().int(),
    displayNumber: z.string(),
    status: z.enum(CASE_STATUSES),
    version: z.number().int(),
    openedAt: iso,
    assignee: z.string().nullable(),
  }),
  submission: z
    .object({
      id: z.string(),
      submittedAt: iso,
      submittedBy: actorSchema,
      note: z.string().nullable(),
      /** Why a supervisor submitted a case that was not ready; null when it was ready. */
      overrideReason: z.string().nullable(),
    })
    .nullable(),
  /** Every fact of the case (SPEC §2 field names): customer, devices with model and OS, library, storage, status messages… */
  facts: caseFactsSchema,
  /** The screenshots the status messages point to (by `screenshotId`), with their SHA-256. */
  screenshots: z.array(packetScreenshotSchema),
  steps: z.array(
    z.object({
      ruleId: z.string(),
      title: z.string(),
      outcome: z.enum(STEP_OUTCOMES),
      note: z.string().nullable(),
      triedAt: iso,
      recordedAt: iso,
      by: actorSchema,
    }),
  ),
  /** The readiness criteria as they stood when the document was made. */
  readiness: z.object({
    ready: z.boolean(),
    missing: z.array(z.string()),
    criteria: z.array(z.object({ id: z.enum(CRITERION_IDS), label: z.string(), met: z.boolean(), missing: z.array(z.string()) })),
  }),
  /** The latest events, oldest first, in words. */
  timeline: z.array(z.object({ at: iso, by: actorSchema, type: z.string(), summary: z.string() })),
  timelineTotal: z.number().int(),
});

export type PacketDocument = z.infer<typeof packetDocumentSchema>;
export type PacketScreenshot = z.infer<typeof packetScreenshotSchema>;

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/heic": "heic" };

/** Where a screenshot sits inside packet.zip: by id, so two screenshots never collide. */
export function screenshotFileName(id: string, contentType: string): string {
  return `screenshots/${id}.${EXTENSIONS[contentType] ?? "bin"}`;
}
