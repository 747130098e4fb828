import { REFERENCE_PAGE_HTML, SECURITY_HEADERS } from "./reference-page";

// GET /api/docs — the API reference for people, rendered from /api/v1/openapi.json; public.
export function GET() {
  return new Response(REFERENCE_PAGE_HTML, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300", ...SECURITY_HEADERS },
  });
}
