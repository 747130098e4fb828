import { apiRoute, readJson } from "@/app/_server/api-route";
import { assertCan } from "@/lib/auth/permissions";
import { bulkUpdateCases } from "@/lib/cases/bulk-update";

// POST /api/v1/cases/bulk — assign and/or set the status of many cases at once; returns counts.
export const POST = apiRoute("case:assign", async ({ ctx, request }) => {
  const body = await readJson(request);
  if (body && typeof body === "object" && "status" in body) assertCan(ctx.actor.role, "case:write");
  return bulkUpdateCases(ctx, body);
});
