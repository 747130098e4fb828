import { defineOperations } from "@/lib/api/api-operation";
import { meSchema } from "@/lib/api/me-schema";

// The contract of app/api/v1/me.
export const ME_OPERATIONS = defineOperations({
  getMe: {
    method: "get",
    path: "/api/v1/me",
    summary: "Who is calling",
    description: "The tenant the credentials act in, and the actor (a person or an API token) with its role.",
    tag: "Account",
    access: { kind: "staff", permission: "case:read" },
    response: { status: 200, description: "The caller", body: meSchema },
    errors: [],
  },
});
