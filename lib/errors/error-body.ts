import { z } from "zod";
import { APP_ERROR_CODES } from "@/lib/errors/app-error";

// The JSON body of every error answer (lib/http/problem.ts builds it; the OpenAPI document and the
// contract tests read this schema). Extra keys carry details, e.g. a 409's `currentVersion`.

const fieldIssueSchema = z
  .object({
    path: z.string().meta({ description: "Dotted path of the offending field; `(body)` for the body as a whole", example: "devices.0.osVersion" }),
    message: z.string().meta({ example: "OS version must look like 17.5.1 (numbers separated by dots)" }),
  })
  .meta({ id: "FieldIssue" });

export const errorBodySchema = z
  .object({
    error: z.looseObject({
      code: z.enum([...APP_ERROR_CODES, "internal"]),
      message: z.string().meta({ description: "What went wrong, in words a person can act on" }),
      fields: z.array(fieldIssueSchema).optional().meta({ description: "Every bad field (400 only)" }),
    }),
  })
  .meta({
    id: "ErrorBody",
    description: "Every error answer has this body. Details beyond code and message (e.g. `currentVersion` on a stale write) are extra keys.",
  });

export type ErrorBody = z.infer<typeof errorBodySchema>;
