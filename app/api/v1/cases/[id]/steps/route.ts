import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/app/_server/api-route";
import { recordStep } from "@/lib/cases/record-step";

// POST /api/v1/cases/{id}/steps — record a tried step and its outcome; 201 with { step, case }.
export const POST = apiRoute<{ id: string }>("case:write", async ({ ctx, request, params }) =>
  NextResponse.json(await recordStep(ctx, params.id, await readJson(request)), { status: 201 }),
);
