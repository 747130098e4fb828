import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-body";

// How large a request body may be, by where it goes. The HTTP server (scripts/serve.ts) refuses a
// declared Content-Length over the limit before the app sees it, and enforces the limit while
// streaming for server actions (Next.js itself answers 500 there); route handlers read their own
// bodies through readBodyLimited with the same numbers.

const SCREENSHOT_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024 + 64 * 1024; // 5 MB image + multipart framing
export const SIGN_IN_BODY_LIMIT_BYTES = 64 * 1024;

export interface BodyLimit {
  bytes: number;
  /** true when the HTTP server must count a streamed (chunked) body itself; false when the route does. */
  enforcedByServer: boolean;
}

export function bodyLimitFor(method: string, pathname: string): BodyLimit | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (pathname === "/api/v1/attachments") return { bytes: SCREENSHOT_UPLOAD_LIMIT_BYTES, enforcedByServer: false };
  if (pathname.startsWith("/api/auth/")) return { bytes: SIGN_IN_BODY_LIMIT_BYTES, enforcedByServer: false };
  if (pathname.startsWith("/api/")) return { bytes: JSON_BODY_LIMIT_BYTES, enforcedByServer: false };
  // Anything else is a page: the only bodies pages take are server actions.
  return { bytes: JSON_BODY_LIMIT_BYTES, enforcedByServer: true };
}
