import { z } from "zod";
import { defineOperations, staffAccessByChoice } from "@/lib/api/api-operation";
import { caseViewSchema } from "@/lib/cases/schemas/case-view-schema";
import { ESCALATION_ACTION_PERMISSION, escalationActionSchema } from "@/lib/escalation/escalation-schemas";
import { packetViewSchema } from "@/lib/escalation/packet-view-schema";
import { caseIdParams } from "@/lib/api/path-params";

// The contracts of the escalation review's routes (app/api/v1/cases/[id]/escalation, packet,
// packet.zip; SPEC §4–§5).


export const ESCALATION_OPERATIONS = defineOperations({
  escalationAction: {
    method: "post",
    path: "/api/v1/cases/{id}/escalation",
    summary: "Submit for escalation review, approve or return",
    description:
      "`submit` (agent and up) sends a ready case for review with an optional `note`; a supervisor may submit a case that is not ready with an `override` reason. `approve` (supervisor and up) records Apple's case number and escalates; `return` (supervisor and up) sends it back with a `reason`. Send the `version` you last read. Not ready, the wrong status, or a stale version is a `409` (a stale one names who acted).",
    tag: "Escalation",
    access: staffAccessByChoice("action", ESCALATION_ACTION_PERMISSION),
    request: {
      path: caseIdParams,
      body: escalationActionSchema,
      example: { action: "submit", version: 1, note: "Queue stuck for 3 days after every fix; customer agrees to Apple's callback" },
    },
    response: { status: 200, description: "The case after the action (status, review, timeline)", body: caseViewSchema },
    errors: [400, 404, 409],
  },
  getEscalationPacket: {
    method: "get",
    path: "/api/v1/cases/{id}/packet",
    summary: "The escalation packet",
    description: "The latest frozen submission (if any), the packet as the case stands now, and what changed in between.",
    tag: "Escalation",
    access: { kind: "staff", permission: "case:read" },
    request: { path: caseIdParams },
    response: { status: 200, description: "The packet", body: packetViewSchema },
    errors: [404],
  },
  downloadEscalationPacket: {
    method: "get",
    path: "/api/v1/cases/{id}/packet.zip",
    summary: "The escalation packet as a ZIP",
    description: "`packet.json` (the same document as `current` of the packet), a printable `packet.html`, and every screenshot the status messages point to.",
    tag: "Escalation",
    access: { kind: "staff", permission: "case:read" },
    request: { path: caseIdParams },
    response: {
      status: 200,
      description: "The ZIP archive",
      otherBodies: { "application/zip": z.string().meta({ format: "binary" }) },
      headers: z.object({ "Content-Disposition": z.string().meta({ example: 'attachment; filename="PST-1042-packet.zip"' }) }),
    },
    errors: [404],
  },
});
