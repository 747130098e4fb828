import { apiRoute } from "@/app/_server/api-route";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { API_TOKEN_OPERATIONS } from "@/lib/api/api-token-operations";

// DELETE /api/v1/api-tokens/{id} — revoke the token; its next request is a 401. Answers the token.
export const DELETE = apiRoute<{ id: string }>(API_TOKEN_OPERATIONS.revokeApiToken, async ({ ctx, params }) => revokeApiToken(ctx, params.id));
