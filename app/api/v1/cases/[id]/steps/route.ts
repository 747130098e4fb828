import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { getStepsPage, historyQueryFromSearchParams } from "@/lib/cases/case-history";
import { recordStep } from "@/lib/cases/record-step";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

// GET /api/v1/cases/{id}/steps — the case's tried steps, newest first, a page at a time ({ items, nextCursor, total }).
export const GET = apiRoute<{ id: string }>(CASE_OPERATIONS.listSteps, async ({ ctx, request, params }) =>
  getStepsPage(ctx, params.id, historyQueryFromSearchParams(request.nextUrl.searchParams)),
);

// POST /api/v1/cases/{id}/steps — record a tried step and its outcome; 201 with { step, case }.
export const POST = apiRoute<{ id: string }>(CASE_OPERATIONS.recordStep, async ({ ctx, request, params }) =>
  NextResponse.json(await recordStep(ctx, params.id, await readJson(request)), { status: 201 }),
);
