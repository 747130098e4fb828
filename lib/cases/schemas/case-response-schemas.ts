import { z } from "zod";
import { CaseStatus } from "@/lib/db/generated/enums";
import { PLATFORMS } from "@/lib/facts/schema";
import { assigneeSchema, caseViewSchema, stepViewSchema } from "@/lib/cases/schemas/case-view-schema";
import { SCREENSHOT_TYPES } from "@/lib/cases/image-type";

// What the case services answer besides the case itself (the case list, a recorded step, bulk
// changes, a customer link, a screenshot). The services' return types and the OpenAPI document
// both come from these schemas.

const isoDateTime = z.iso.datetime({ offset: true });

const caseListItemSchema = z
  .object({
    id: z.uuid(),
    number: z.int().min(1),
    displayNumber: z.string(),
    status: z.enum(CaseStatus),
    customer: z.object({ name: z.string(), email: z.string().nullable() }),
    assignee: assigneeSchema,
    platforms: z.array(z.enum(PLATFORMS)),
    devices: z.array(z.object({ platform: z.enum(PLATFORMS), model: z.string().nullable() })),
    problemSince: isoDateTime,
    escalationReady: z.boolean(),
    escalationReadyAt: isoDateTime.nullable(),
    returned: z.boolean().meta({ description: "A supervisor returned it and it was not resubmitted or resolved since" }),
    customerRepliedAt: isoDateTime.nullable().meta({ description: "The customer reported through their link since staff last acted on the case" }),
    version: z.int().min(1),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: "CaseListItem" });

export const caseListPageSchema = z
  .object({
    items: z.array(caseListItemSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
    prevCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the previous page; null on the first page" }),
  })
  .meta({ id: "CaseListPage" });

export const recordedStepSchema = z
  .object({ step: stepViewSchema, case: caseViewSchema })
  .meta({ id: "RecordedStep", description: "The step as recorded and the case after it (suggestions and readiness re-evaluated)" });

export const bulkUpdateResultSchema = z
  .object({
    matched: z.int().min(0).meta({ description: "Cases of this tenant among the ids sent" }),
    updated: z.int().min(0).meta({ description: "Cases that changed (each got a new version and timeline events)" }),
    skipped: z
      .array(z.object({ id: z.uuid(), reason: z.string() }))
      .meta({ description: "Cases left alone because the escalation review decides their status" }),
    notFound: z.int().min(0).meta({ description: "Ids that are unknown here (another tenant's ids included)" }),
  })
  .meta({ id: "BulkUpdateResult" });

export const issuedCustomerLinkSchema = z
  .object({
    path: z.string().meta({ description: "Path of the customer's page; shown only now (only its hash is stored)", example: "/c/c_…" }),
    token: z.string(),
    createdAt: isoDateTime,
    expiresAt: isoDateTime.meta({ description: "When it stops working if nothing changes (the tenant's lifetime, or 14 days after resolution)" }),
  })
  .meta({ id: "IssuedCustomerLink" });

export const savedScreenshotSchema = z
  .object({
    id: z.uuid().meta({ description: "Use as a status message's `screenshotId`" }),
    caseId: z.uuid().nullable(),
    contentType: z.enum(SCREENSHOT_TYPES),
    sizeBytes: z.int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ id: "Screenshot" });

export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type CaseListPage = z.infer<typeof caseListPageSchema>;
export type BulkUpdateResult = z.infer<typeof bulkUpdateResultSchema>;
export type IssuedCustomerLink = z.infer<typeof issuedCustomerLinkSchema>;
export type SavedScreenshot = z.infer<typeof savedScreenshotSchema>;
