// The security headers of every response, decided per request by the HTTP server (scripts/serve.ts).
// Pages get a Content-Security-Policy with a fresh nonce: Next.js reads it from the request's own
// Content-Security-Policy header and puts it on its scripts (docs: "Content Security Policy",
// nonces). Everything else (JSON, files) may not run scripts or be framed at all.

export interface SecurityHeaderOptions {
  /** base64 nonce for this response's scripts; null for responses that are not HTML pages. */
  nonce: string | null;
  /** The site is served over https (directly or behind a trusted proxy). */
  https: boolean;
}

function contentSecurityPolicy({ nonce, https }: SecurityHeaderOptions): string {
  if (nonce === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const directives = [
    "default-src 'self'",
    // strict-dynamic: scripts Next.js loads from a nonce'd script are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
