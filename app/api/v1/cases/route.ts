import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { createCase } from "@/lib/cases/create-case";
import { listCases } from "@/lib/cases/list/list-cases";
import { listQueryFromApiParams } from "@/lib/cases/list/list-query-params";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// POST /api/v1/cases — create a case from facts; 201 with suggestions and escalation; honours Idempotency-Key.
export const POST = apiRoute(CASE_OPERATIONS.createCase, async ({ ctx, request }) => {
  const body = await readJson(request);
  const result = await createCase(ctx, body, { idempotencyKey: request.headers.get("idempotency-key") });
  return NextResponse.json(result.case, {
    status: 201,
    headers: { Location: `/api/v1/cases/${result.case.id}`, ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
});

// GET /api/v1/cases — one page of cases: filters, sort and cursor in the query string; { items, nextCursor, prevCursor }.
export const GET = apiRoute(CASE_OPERATIONS.listCases, async ({ ctx, request }) =>
  listCases(ctx, listQueryFromApiParams(request.nextUrl.searchParams)),
);
