import { apiRoute } from "@/app/_server/api-route";
import { listAudit } from "@/lib/audit/list-audit";
import { AUDIT_OPERATIONS } from "@/lib/api/audit-operations";

// GET /api/v1/audit — the tenant's administration log, newest first: ?limit, ?cursor, ?action; { items, nextCursor }.
export const GET = apiRoute(AUDIT_OPERATIONS.listAuditEntries, async ({ ctx, request }) =>
  listAudit(ctx, Object.fromEntries(request.nextUrl.searchParams)),
);
