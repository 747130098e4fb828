import { z } from "zod";
import { CASE_STATUSES } from "@/lib/cases/schemas/case-schemas";
import { packetDocumentSchema } from "@/lib/escalation/packet-document";
import { escalationReviewSchema } from "@/lib/cases/view/review-state";

// GET /api/v1/cases/{id}/packet: the frozen submission (if any) beside the case as it is now. The
// service's return type and the OpenAPI document both come from this schema.

const packetSchema = packetDocumentSchema.meta({ id: "EscalationPacket", description: "What Apple is handed (SPEC §4); the same document as packet.json in packet.zip" });

export const packetViewSchema = z
  .object({
    caseId: z.uuid(),
    displayNumber: z.string(),
    status: z.enum(CASE_STATUSES),
    version: z.int().min(1),
    appleCaseNumber: z.string().nullable(),
    review: escalationReviewSchema,
    submission: packetSchema.nullable().meta({ description: "The latest submission, frozen when it was made; null when the case was never submitted" }),
    current: packetSchema.meta({ description: "The packet as the case stands now (what a new submission would freeze)" }),
    changesSinceSubmission: z
      .object({
        facts: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
        stepsAdded: packetDocumentSchema.shape.steps,
        edited: z.boolean(),
      })
      .nullable()
      .meta({ description: "What changed between the latest submission and now; null without a submission" }),
    submissions: z
      .array(z.object({ id: z.uuid(), submittedAt: z.iso.datetime({ offset: true }), submittedBy: z.string(), overrideReason: z.string().nullable(), caseVersion: z.int().min(1) }))
      .meta({ description: "Every submission of the case, newest first" }),
  })
  .meta({ id: "PacketView" });

export type PacketView = z.infer<typeof packetViewSchema>;
