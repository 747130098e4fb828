import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { bulkUpdateCases } from "@/lib/cases/bulk-update";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// POST /api/v1/cases/bulk — assign and/or set the status of many cases at once; returns counts.
// What each part needs (status: case:write, assignee: case:assign) is decided by the service.
export const POST = apiRoute(CASE_OPERATIONS.bulkUpdateCases, async ({ ctx, request }) => bulkUpdateCases(ctx, await readJson(request)));
