import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { caseVersionSchema } from "@/lib/cases/schemas/case-schemas";
import { FLOW_PERMISSION } from "@/lib/cases/status-transitions";

// Input of POST /api/v1/cases/{id}/escalation (SPEC §5) and of the review forms. One schema per
// action, told apart by `action`; unknown keys are refused so a typo is not silently ignored.

const ESCALATION_ACTIONS = ["submit", "approve", "return"] as const;
type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** Who may take each action: each is a flow of the status-move table, with that flow's permission. */
export const ESCALATION_ACTION_PERMISSION: Readonly<Record<EscalationAction, Permission>> = {
  submit: FLOW_PERMISSION.submit,
  approve: FLOW_PERMISSION.approve,
  return: FLOW_PERMISSION.return,
};

/** Apple's case number as support gives it: letters, digits or dashes, 6 to 20 of them. */
const APPLE_CASE_NUMBER_PATTERN = /^[A-Za-z0-9-]{6,20}$/;

const version = caseVersionSchema;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is too long (${max} characters at most)`);

const unknownKeys = (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `Unknown field for this action: ${(issue.keys ?? []).join(", ")}` : undefined;

const submitEscalationSchema = z.strictObject(
  {
    action: z.literal("submit"),
    version,
    note: text("Note", 2_000).nullable().optional(),
    /** A supervisor's reason for submitting a case that is not ready (shown on the packet). */
    override: text("Override reason", 2_000).nullable().optional(),
  },
  { error: unknownKeys },
);

const approveEscalationSchema = z.strictObject(
  {
    action: z.literal("approve"),
    version,
    appleCaseNumber: z
      .string({ error: "Apple case number is required" })
      .trim()
      .min(1, "Apple case number is required")
      .regex(APPLE_CASE_NUMBER_PATTERN, "Apple case number must be 6 to 20 letters, digits or dashes"),
  },
  { error: unknownKeys },
);

const returnEscalationSchema = z.strictObject(
  {
    action: z.literal("return"),
    version,
    reason: text("Reason", 2_000),
  },
  { error: unknownKeys },
);

export const escalationActionSchema = z.discriminatedUnion("action", [submitEscalationSchema, approveEscalationSchema, returnEscalationSchema], {
  error: (issue) =>
    issue.code === "invalid_union" ? `action must be one of ${ESCALATION_ACTIONS.join(", ")}` : "Send a JSON object with an action",
});

export type SubmitEscalationInput = z.infer<typeof submitEscalationSchema>;
export type ApproveEscalationInput = z.infer<typeof approveEscalationSchema>;
export type ReturnEscalationInput = z.infer<typeof returnEscalationSchema>;
