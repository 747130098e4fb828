import { z } from "zod";
import { defineOperations } from "@/lib/api/api-operation";
import { customerReportSchema } from "@/lib/customer/customer-report";
import { customerCaseViewSchema, customerReportResultSchema } from "@/lib/customer/customer-view-schema";

// The contracts of the customer link's JSON routes (app/api/c/[token]/**, SPEC §7): no account,
// the token in the path is the credential. The page at /c/{token} is HTML and not part of the API.

const tokenParams = z.object({
  token: z.string().meta({ description: "The secret from the customer's link (`/c/{token}`); staff get it once from `POST /api/v1/cases/{id}/customer-link`" }),
});

export const CUSTOMER_OPERATIONS = defineOperations({
  getCustomerCase: {
    method: "get",
    path: "/api/c/{token}",
    summary: "The customer's view of their case",
    description: "The JSON twin of the customer's page: status in plain words, the next steps in the customer's wording, what was tried. Requests are rate-limited per address and per link (`429` with `Retry-After`).",
    tag: "Customer link",
    access: { kind: "customer_link" },
    request: { path: tokenParams },
    response: { status: 200, description: "The customer's view", body: customerCaseViewSchema },
    errors: [],
  },
  reportCustomerStep: {
    method: "post",
    path: "/api/c/{token}/steps",
    summary: "The customer reports a step: it worked, or it didn't help",
    description:
      "Recorded as a tried step by the customer; a case waiting on the customer moves back to open and is marked “customer replied”. “It worked” never resolves the case: an agent confirms. The same report again within 10 minutes records nothing and answers `200` with `duplicate: true`. At most 30 reports per link an hour. A resolved case takes no reports (`409`).",
    tag: "Customer link",
    access: { kind: "customer_link" },
    request: { path: tokenParams, body: customerReportSchema, example: { ruleId: "disable-low-power-mode", outcome: "no_change", note: "Still says Waiting to Upload" } },
    response: {
      status: 201,
      description: "The report and the customer's view after it",
      body: customerReportResultSchema,
      alsoAnswers: [{ status: 200, description: "The same report again: nothing new was written (`duplicate: true`)" }],
    },
    errors: [400, 403, 409],
  },
});
