import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-body";

// How large a request body may be, by where it goes. The HTTP server (scripts/serve.ts) enforces
// these for every request while the body streams in: a declared Content-Length over the limit, or a
// chunked body that passes it, is a 413 before the app runs, with the rest of the upload drained so
// the client can read the answer (when the app answered the 413 itself, Next.js closed the socket on
// the unread upload and the client saw EPIPE, or the request hung). Route handlers still read their
// bodies through readBodyLimited with the same numbers, for anything that runs them without that server.

const SCREENSHOT_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024 + 64 * 1024; // 5 MB image + multipart framing
export const SIGN_IN_BODY_LIMIT_BYTES = 64 * 1024;

/** The most bytes a request body may have, or null for a method without one. */
export function bodyLimitFor(method: string, pathname: string): number | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (pathname === "/api/v1/attachments") return SCREENSHOT_UPLOAD_LIMIT_BYTES;
  if (pathname.startsWith("/api/auth/")) return SIGN_IN_BODY_LIMIT_BYTES;
  // The rest of the API takes JSON; pages take only server actions' bodies.
  return JSON_BODY_LIMIT_BYTES;
}
