import { describe, expect, it, vi } from "vitest";
import { bodyLimitFor } from "@/lib/http/body-limits";
import { clientAddress, trustedProxyHops, visitorUsedHttps } from "@/lib/http/client-address";
import { securityHeaders } from "@/lib/http/security-headers";

// What the HTTP server (scripts/serve.ts) decides per request, as pure functions.

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("10.0.0.5", "203.0.113.9", 0)).toBe("10.0.0.5");
    expect(clientAddress("::ffff:10.0.0.5", "203.0.113.9, 198.51.100.1", 0)).toBe("10.0.0.5");
    expect(clientAddress(undefined, "203.0.113.9", 0)).toBe("unknown");
  });

  it("steps back one entry per trusted proxy, ignoring what the client prepended", () => {
    // client forged "6.6.6.6"; the proxy appended the address it saw (203.0.113.9) and connected from 10.0.0.1
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
  });

  it("reads TRUSTED_PROXY_HOPS as a small whole number, else 0", () => {
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "x", "1.5", "99", undefined]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(visitorUsedHttps(false, "https", 0)).toBe(false);
    expect(visitorUsedHttps(false, "https", 1)).toBe(true);
    expect(visitorUsedHttps(true, undefined, 0)).toBe(true);
  });
});

describe("security headers", () => {
  it("pages: a nonce CSP Next.js works under, no framing; https adds HSTS and upgrades", () => {
    const plain = securityHeaders({ nonce: "abc123==", https: false });
    expect(plain["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = securityHeaders({ nonce: "abc123==", https: true });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("everything else may run nothing and be framed nowhere", () => {
    expect(securityHeaders({ nonce: null, https: false })).toMatchObject({
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("body limits by route", () => {
  it.each([
    ["POST", "/api/v1/attachments", 5 * 1024 * 1024 + 64 * 1024],
    ["POST", "/api/auth/callback/credentials", 64 * 1024],
    ["PATCH", "/api/v1/cases/x", 1024 * 1024],
    ["POST", "/cases/new", 1024 * 1024],
  ] as const)("%s %s: %d bytes", (method, path, bytes) => {
    expect(bodyLimitFor(method, path)).toBe(bytes);
  });

  it("GET has no body to limit", () => {
    expect(bodyLimitFor("GET", "/api/v1/cases")).toBeNull();
  });
});

describe("session cookies", () => {
  it("are __Secure- prefixed and Secure when the product is served over https, plain otherwise", async () => {
    const load = async (url: string) => {
      vi.resetModules();
      vi.stubEnv("NEXTAUTH_URL", url);
      const [{ SESSION_COOKIE }, { authOptions }] = await Promise.all([import("@/app/_server/session-cookie"), import("@/app/_server/auth-options")]);
      return { SESSION_COOKIE, cookie: authOptions.cookies?.sessionToken };
    };
    try {
      const https = await load("https://desk.example");
      expect(https.SESSION_COOKIE).toEqual({ name: "__Secure-next-auth.session-token", secure: true });
      expect(https.cookie).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
      const http = await load("http://localhost:3000");
      expect(http.SESSION_COOKIE).toEqual({ name: "next-auth.session-token", secure: false });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
