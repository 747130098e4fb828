import { z } from "zod";
import { defineOperations } from "@/lib/api/api-operation";
import { apiTokenListSchema, apiTokenViewSchema, createdApiTokenSchema } from "@/lib/api-tokens/api-token-views";
import { createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import { DEMO_API_TOKEN } from "@/lib/api/examples/admin-examples";

// The contracts of app/api/v1/api-tokens/** (tenant administration).

export const API_TOKEN_OPERATIONS = defineOperations({
  listApiTokens: {
    method: "get",
    path: "/api/v1/api-tokens",
    summary: "List API tokens",
    description: "Newest first, with role, creator, created, last used, expiry; revoked and expired ones too. Never a secret.",
    tag: "Administration",
    access: { kind: "staff", permission: "api_tokens:manage" },
    response: { status: 200, description: "The tenant's tokens", body: apiTokenListSchema },
    errors: [],
  },
  createApiToken: {
    method: "post",
    path: "/api/v1/api-tokens",
    summary: "Create an API token",
    description: "The role is never above the caller's (`403` otherwise). The secret is answered only now: only its hash is stored.",
    tag: "Administration",
    access: { kind: "staff", permission: "api_tokens:manage" },
    request: { body: createApiTokenSchema, example: DEMO_API_TOKEN },
    response: {
      status: 201,
      description: "The token and its secret",
      body: createdApiTokenSchema,
      headers: z.object({ "Cache-Control": z.literal("no-store") }),
    },
    errors: [400],
  },
  revokeApiToken: {
    method: "delete",
    path: "/api/v1/api-tokens/{id}",
    summary: "Revoke an API token",
    description: "Its next request is a `401`. Revoking a revoked token changes nothing.",
    tag: "Administration",
    access: { kind: "staff", permission: "api_tokens:manage" },
    request: { path: z.object({ id: z.uuid().meta({ description: "The token's id" }) }) },
    response: { status: 200, description: "The token, revoked", body: apiTokenViewSchema },
    errors: [404],
  },
});
