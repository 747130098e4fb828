import { z } from "zod";
import { CaseStatus } from "@/lib/db/generated/enums";
import { STEP_OUTCOMES } from "@/lib/facts/schema";

// What the customer's link answers as JSON (GET /api/c/{token}, POST /api/c/{token}/steps). The
// service's types (customer-view.ts, customer-report.ts) and the OpenAPI document both come from
// these schemas: an allow-list of what a customer may see.

const instant = z.iso.datetime({ offset: true });

/** A caution ("warning") or a piece of advice ("tip"), in the customer's wording. */
const customerTextSchema = z.object({ id: z.string(), kind: z.enum(["warning", "tip"]), text: z.string() });

const customerStepSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  instructions: z.array(z.string()).meta({ description: "Plain-language steps, only for the platforms in the case" }),
  checkWithUsFirst: z.boolean().meta({ description: "High-risk steps (a library repair, signing out of iCloud): talk to support first" }),
  warnings: z.array(customerTextSchema),
});

const customerTriedStepSchema = z.object({
  id: z.uuid(),
  ruleId: z.string(),
  title: z.string(),
  outcome: z.enum(STEP_OUTCOMES),
  outcomeLabel: z.string(),
  triedAt: instant,
  by: z.string().meta({ description: `"You", a staff member's first name, or "Your support team"` }),
  byCustomer: z.boolean(),
  note: z.string().nullable().meta({ description: "The customer's own note, or a staff note an agent chose to show; otherwise null" }),
});

export const customerCaseViewSchema = z
  .object({
    caseNumber: z.string(),
    supportName: z.string(),
    status: z.enum(CaseStatus),
    statusTitle: z.string(),
    statusExplanation: z.string(),
    appleCaseNumber: z.string().nullable(),
    linkExpiresAt: instant,
    devices: z.array(z.string()),
    outage: z.boolean(),
    nextSteps: z.array(customerStepSchema).meta({ description: "The next few steps, in the guides' order" }),
    laterStepCount: z.int().min(0).meta({ description: "Steps after the ones shown (or waiting for Apple's outage to end)" }),
    tried: z.array(customerTriedStepSchema),
    warnings: z.array(customerTextSchema),
    statusMessages: z.array(z.object({ device: z.string(), title: z.string(), explanation: z.string(), whatToDo: z.string(), seenAt: instant })),
    canReport: z.boolean().meta({ description: "Reports are taken until the case is resolved" }),
  })
  .meta({ id: "CustomerCase", description: "The customer's view of their case: no staff notes unless shared, no staff emails, no timeline" });

export const customerReportResultSchema = z
  .object({
    reportId: z.uuid(),
    duplicate: z.boolean().meta({ description: "This repeated a report already recorded (nothing new was written; status 200)" }),
    case: customerCaseViewSchema,
  })
  .meta({ id: "CustomerReportResult" });

export type CustomerText = z.infer<typeof customerTextSchema>;
export type CustomerStep = z.infer<typeof customerStepSchema>;
export type CustomerTriedStep = z.infer<typeof customerTriedStepSchema>;
export type CustomerCaseView = z.infer<typeof customerCaseViewSchema>;
export type CustomerReportResult = z.infer<typeof customerReportResultSchema>;
