import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { getCase } from "@/lib/cases/get-case";
import { updateCase } from "@/lib/cases/update-case";
import { CASE_OPERATIONS } from "@/lib/api/case-operations";

type Params = { id: string };

// GET /api/v1/cases/{id} — the case: facts, suggestions, steps, escalation readiness, timeline.
export const GET = apiRoute<Params>(CASE_OPERATIONS.getCase, async ({ ctx, params }) => getCase(ctx, params.id));

// PATCH /api/v1/cases/{id} — edit facts, status or assignee with the version last read (stale → 409).
export const PATCH = apiRoute<Params>(CASE_OPERATIONS.updateCase, async ({ ctx, request, params }) =>
  updateCase(ctx, params.id, await readJson(request)),
);
