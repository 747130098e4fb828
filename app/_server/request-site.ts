import type { NextRequest } from "next/server";

// Where a write came from, from the browser's own headers. Origin is compared with this host;
// when it is absent or "null" (a page with Referrer-Policy: no-referrer posts a form with
// Origin: null), Sec-Fetch-Site decides. "unknown" means no browser said: a script or an old browser.
export type RequestSite = "same-origin" | "cross-site" | "unknown";

export function requestSite(request: NextRequest): RequestSite {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    try {
      return new URL(origin).host === host ? "same-origin" : "cross-site";
    } catch {
      return "cross-site";
    }
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return "same-origin";
  if (site === "same-site" || site === "cross-site") return "cross-site";
  return "unknown";
}
