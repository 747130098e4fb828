import { z } from "zod";
import { EXAMPLE_IDS } from "@/lib/api/examples/case-examples";

// Path parameters shared by several areas' operations.

/** `{id}` of /api/v1/cases/{id}/…: unknown or another tenant's ids answer 404. */
export const caseIdParams = z.object({ id: z.uuid().meta({ description: "The case's id", example: EXAMPLE_IDS.caseId }) });
