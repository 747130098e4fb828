import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API, public (no secrets in it); built once per process.
export function GET() {
  document ??= buildOpenApiDocument();
  return NextResponse.json(document, {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
