import { NextResponse } from "next/server";
import { apiRoute } from "@/app/_server/api-route";
import { readJson } from "@/app/_server/read-json";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { API_TOKEN_OPERATIONS } from "@/lib/api/api-token-operations";

// GET /api/v1/api-tokens — the tenant's tokens, newest first: { items } (name, role, creator, last used, expiry).
export const GET = apiRoute(API_TOKEN_OPERATIONS.listApiTokens, async ({ ctx }) => listApiTokens(ctx));

// POST /api/v1/api-tokens — { name, role, expiresAt? }; 201 { token, secret } (the secret is shown once).
export const POST = apiRoute(API_TOKEN_OPERATIONS.createApiToken, async ({ ctx, request }) => {
  const created = await createApiToken(ctx, await readJson(request));
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
