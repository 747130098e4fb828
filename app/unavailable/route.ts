import { databaseHealth } from "@/lib/db/health";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { anonymousLimitResponse } from "@/app/_server/anonymous-limit";

export const dynamic = "force-dynamic";

// GET /unavailable — the 503 page shown while the database is unreachable. It checks the
// database itself and sends the person back to where they were as soon as it answers again.
export async function GET(request: Request) {
  const limited = await anonymousLimitResponse(request);
  if (limited) return limited;
  const url = new URL(request.url);
  const next = safeNextPath(url.searchParams.get("next"));
  const health = await databaseHealth();
  // A relative Location: correct behind any proxy or host name.
  if (health.ok) return new Response(null, { status: 303, headers: { Location: next, "Cache-Control": "no-store" } });
  return new Response(page(next), {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
  });
}

function page(next: string): string {
  const retry = `/unavailable?next=${encodeURIComponent(next)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5;url=${escapeHtml(retry)}">
<title>Temporarily unavailable · Photo Sync Triage</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
a{color:#1d4ed8}</style></head>
<body><main>
<h1>We can’t reach the database right now</h1>
<p>Photo Sync Triage is running, but its database is not answering. Nothing you saved is lost.</p>
<p>This page checks again every 5 seconds and takes you back as soon as the database returns.</p>
<p><a href="${escapeHtml(retry)}">Check now</a></p>
</main></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
