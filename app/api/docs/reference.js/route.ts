import { REFERENCE_SCRIPT, SECURITY_HEADERS } from "../reference-page";

// GET /api/docs/reference.js — mounts the reference (a file, so the page needs no inline script).
export function GET() {
  return new Response(REFERENCE_SCRIPT, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=300", ...SECURITY_HEADERS },
  });
}
