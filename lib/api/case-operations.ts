import { z } from "zod";
import { defineOperations } from "@/lib/api/api-operation";
import { bulkUpdateSchema, createCaseSchema, listCasesSchema, recordStepSchema, updateCaseSchema } from "@/lib/cases/schemas/case-schemas";
import { caseViewSchema, historyPageSchema, stepViewSchema, timelineEventSchema } from "@/lib/cases/schemas/case-view-schema";
import { historyQuerySchema } from "@/lib/cases/case-history";
import {
  bulkUpdateResultSchema,
  caseListPageSchema,
  issuedCustomerLinkSchema,
  recordedStepSchema,
  savedScreenshotSchema,
} from "@/lib/cases/schemas/case-response-schemas";
import { idempotencyKeyHeaderSchema } from "@/lib/cases/idempotency";
import { SCREENSHOT_TYPES } from "@/lib/cases/image-type";
import { caseViewExample, createCaseExample, EXAMPLE_IDS, recordStepExample, updateCaseExample } from "@/lib/api/examples/case-examples";
import { caseIdParams } from "@/lib/api/path-params";

// The contracts of the case routes (app/api/v1/cases/**, app/api/v1/attachments/**). A new case
// route adds one entry here; the OpenAPI document and its tests pick it up.

const binary = z.string().meta({ format: "binary" });

export const CASE_OPERATIONS = defineOperations({
  createCase: {
    method: "post",
    path: "/api/v1/cases",
    summary: "Create a case from intake facts",
    description: "Answers the case with its first `suggestions` and `escalation` readiness. Unknown facts may be left out or sent as `null`.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:write" },
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeyHeaderSchema.optional() }),
      body: createCaseSchema,
      example: createCaseExample,
    },
    response: {
      status: 201,
      description: "The case as created (or, for a replayed Idempotency-Key, as first created)",
      body: caseViewSchema,
      example: caseViewExample(),
      headers: z.object({
        Location: z.string().meta({ description: "The case's URL", example: `/api/v1/cases/${EXAMPLE_IDS.caseId}` }),
        "Idempotent-Replayed": z.literal("true").optional().meta({ description: "Present when an earlier request with this key created the case" }),
      }),
    },
    errors: [400, 409],
  },
  listCases: {
    method: "get",
    path: "/api/v1/cases",
    summary: "List cases",
    description:
      "One page of the tenant's cases, newest activity first unless `sort`/`dir` say otherwise. Lists take repeated parameters or commas (`status=open,resolved`). Pass `nextCursor` back as `cursor` for the next page. An unknown parameter is a `400`.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:read" },
    request: { query: listCasesSchema },
    response: { status: 200, description: "One page of cases", body: caseListPageSchema },
    errors: [400],
  },
  getCase: {
    method: "get",
    path: "/api/v1/cases/{id}",
    summary: "Read a case",
    description: "Facts, suggestions in the guides' order with reasons, tried steps, escalation readiness and the timeline.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:read" },
    request: { path: caseIdParams },
    response: { status: 200, description: "The case", body: caseViewSchema, example: caseViewExample() },
    errors: [404],
  },
  updateCase: {
    method: "patch",
    path: "/api/v1/cases/{id}",
    summary: "Edit facts, status or assignee",
    description:
      "Send the `version` you last read. `facts` holds only the fact keys to change: a list replaces the old list, `customer`, `library` and `icloudStorage` are merged one level deep. A stale version is a `409` carrying `currentVersion`.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:write" },
    request: { path: caseIdParams, body: updateCaseSchema, example: updateCaseExample },
    response: { status: 200, description: "The case after the change, with suggestions re-evaluated", body: caseViewSchema },
    errors: [400, 404, 409],
  },
  recordStep: {
    method: "post",
    path: "/api/v1/cases/{id}/steps",
    summary: "Record a tried step and its outcome",
    tag: "Cases",
    access: { kind: "staff", permission: "case:write" },
    request: { path: caseIdParams, body: recordStepSchema, example: recordStepExample },
    response: { status: 201, description: "The step and the case after it", body: recordedStepSchema },
    errors: [400, 404],
  },
  listSteps: {
    method: "get",
    path: "/api/v1/cases/{id}/steps",
    summary: "Page through a case's recorded steps",
    description:
      "Newest first. A case answers its latest steps with `stepsPage.nextCursor`; pass it as `cursor` for the page before them (`limit` 1–200, default 50). A cursor from elsewhere is a `400`.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:read" },
    request: { path: caseIdParams, query: historyQuerySchema },
    response: { status: 200, description: "One page of steps", body: historyPageSchema(stepViewSchema, "StepsPage") },
    errors: [400, 404],
  },
  listTimeline: {
    method: "get",
    path: "/api/v1/cases/{id}/timeline",
    summary: "Page through a case's timeline",
    description: "Newest first, like the steps: start from the case's `timelinePage.nextCursor` (`limit` 1–200, default 50).",
    tag: "Cases",
    access: { kind: "staff", permission: "case:read" },
    request: { path: caseIdParams, query: historyQuerySchema },
    response: { status: 200, description: "One page of timeline events", body: historyPageSchema(timelineEventSchema, "TimelinePage") },
    errors: [400, 404],
  },
  rotateCustomerLink: {
    method: "post",
    path: "/api/v1/cases/{id}/customer-link",
    summary: "Create or rotate the customer's secret link",
    description: "The previous link stops working at once. The URL is answered only now: only its hash is stored.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:write" },
    request: { path: caseIdParams },
    response: {
      status: 201,
      description: "The new link",
      body: issuedCustomerLinkSchema
        .extend({ url: z.url().meta({ description: "The link to hand over: absolute, on the product's public address", example: "https://triage.example/c/c_…" }) })
        .meta({ id: "RotatedCustomerLink" }),
      headers: z.object({ "Cache-Control": z.literal("no-store") }),
    },
    errors: [404],
  },
  bulkUpdateCases: {
    method: "post",
    path: "/api/v1/cases/bulk",
    summary: "Assign and/or set the status of many cases",
    description: "Up to 500 ids. Cases under escalation review are skipped with a reason; unknown ids are counted, never an error.",
    tag: "Cases",
    access: { kind: "staff", permission: "case:assign" },
    request: { body: bulkUpdateSchema, example: { ids: [EXAMPLE_IDS.caseId], status: "waiting_on_customer" } },
    response: { status: 200, description: "What changed", body: bulkUpdateResultSchema },
    errors: [400],
  },
  uploadScreenshot: {
    method: "post",
    path: "/api/v1/attachments",
    summary: "Upload a status-message screenshot",
    description:
      "PNG, JPEG, WebP or HEIC up to 5 MB, as a multipart field `file` (optionally with `caseId`) or as the raw body with its image content type (`?caseId=` optional). The type is checked from the bytes. Reference it from a status message's `screenshotId`.",
    tag: "Attachments",
    access: { kind: "staff", permission: "case:write" },
    request: {
      query: z.object({ caseId: z.uuid().optional().meta({ description: "Attach to this case at once (raw-body uploads)" }) }),
      otherBodies: {
        "multipart/form-data": z.object({ file: binary, caseId: z.uuid().optional() }),
        ...Object.fromEntries(SCREENSHOT_TYPES.map((type) => [type, binary])),
      },
    },
    response: { status: 201, description: "The stored screenshot", body: savedScreenshotSchema },
    errors: [400],
  },
  getScreenshot: {
    method: "get",
    path: "/api/v1/attachments/{id}",
    summary: "Download a screenshot",
    tag: "Attachments",
    access: { kind: "staff", permission: "case:read" },
    request: { path: z.object({ id: z.uuid().meta({ description: "The screenshot's id" }) }) },
    response: {
      status: 200,
      description: "The image's bytes with their content type",
      otherBodies: Object.fromEntries(SCREENSHOT_TYPES.map((type) => [type, binary])),
      headers: z.object({ ETag: z.string(), "Cache-Control": z.string() }),
    },
    errors: [404],
  },
});
