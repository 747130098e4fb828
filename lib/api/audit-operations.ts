import { defineOperations } from "@/lib/api/api-operation";
import { auditPageSchema, auditQuerySchema } from "@/lib/audit/list-audit";

// The contract of app/api/v1/audit (the tenant's administration log).

export const AUDIT_OPERATIONS = defineOperations({
  listAuditEntries: {
    method: "get",
    path: "/api/v1/audit",
    summary: "Read the administration log",
    description:
      "Every member, token and settings change: who, when, what, before and after; newest first. Pass `nextCursor` back as `cursor` for older entries. The log is append-only.",
    tag: "Administration",
    access: { kind: "staff", permission: "audit:read" },
    request: { query: auditQuerySchema },
    response: { status: 200, description: "One page of the log", body: auditPageSchema },
    errors: [400],
  },
});
