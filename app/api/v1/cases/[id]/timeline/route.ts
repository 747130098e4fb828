import { apiRoute } from "@/app/_server/api-route";
import { getTimelinePage, historyQueryFromSearchParams } from "@/lib/cases/case-history";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// GET /api/v1/cases/{id}/timeline — the case's timeline, newest first, a page at a time ({ items, nextCursor, total }).
export const GET = apiRoute<{ id: string }>(CASE_OPERATIONS.listTimeline, async ({ ctx, request, params }) =>
  getTimelinePage(ctx, params.id, historyQueryFromSearchParams(request.nextUrl.searchParams)),
);
