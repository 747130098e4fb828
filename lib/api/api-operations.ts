import { z } from "zod";
import { defineOperations, type ApiOperation } from "@/lib/api/api-operation";
import { API_TOKEN_OPERATIONS } from "@/lib/api/api-token-operations";
import { AUDIT_OPERATIONS } from "@/lib/api/audit-operations";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";
import { CUSTOMER_OPERATIONS } from "@/lib/api/customer-operations";
import { ESCALATION_OPERATIONS } from "@/lib/api/escalation-operations";
import { MEMBER_OPERATIONS } from "@/lib/api/member-operations";
import { METRICS_OPERATIONS } from "@/lib/api/metrics-operations";
import { RULE_SETTINGS_OPERATIONS } from "@/lib/api/rule-settings-operations";
import { ME_OPERATIONS } from "@/lib/api/me-operations";

// Every operation of the public API, in the order the reference shows them. A route under
// app/api/v1 (or a customer-link JSON route under app/api/c) whose operation is missing here fails
// tests/unit/openapi-routes.test.ts, which says what to add. Decisions 0070 and 0087.

export const API_TAGS = [
  { name: "Cases", description: "Cases, their facts, suggested steps and tried steps" },
  { name: "Escalation", description: "The escalation review (submit, approve, return) and the packet Apple is handed" },
  { name: "Attachments", description: "Screenshots of status messages" },
  { name: "Metrics", description: "Supervisors' figures: fix effectiveness, ageing, escalations (JSON or CSV)" },
  { name: "Customer link", description: "The customer's own view of their case, behind the secret link (no account)" },
  { name: "Administration", description: "Admins run their tenant: members and invitations, API tokens, rulebook settings, the audit log" },
  { name: "Account", description: "The caller and its tenant" },
  { name: "Reference", description: "This document" },
];

const REFERENCE_OPERATIONS = defineOperations({
  getOpenApiDocument: {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This OpenAPI 3.1 document",
    description: "Generated from the same zod schemas the handlers validate with. Rendered for people at `/api/docs`.",
    tag: "Reference",
    access: { kind: "public" },
    response: { status: 200, description: "The OpenAPI document", body: z.looseObject({ openapi: z.literal("3.1.0") }) },
    errors: [],
  },
});

export const API_OPERATIONS: readonly ApiOperation[] = [
  ...Object.values(CASE_OPERATIONS),
  ...Object.values(ESCALATION_OPERATIONS),
  ...Object.values(METRICS_OPERATIONS),
  ...Object.values(CUSTOMER_OPERATIONS),
  ...Object.values(MEMBER_OPERATIONS),
  ...Object.values(API_TOKEN_OPERATIONS),
  ...Object.values(RULE_SETTINGS_OPERATIONS),
  ...Object.values(AUDIT_OPERATIONS),
  ...Object.values(ME_OPERATIONS),
  ...Object.values(REFERENCE_OPERATIONS),
];
