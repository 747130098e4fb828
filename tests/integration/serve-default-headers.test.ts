import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDefaultHeaders } from "@/scripts/serve/default-headers";

// The HTTP server's security headers are defaults (scripts/serve.ts): the app's own header wins,
// however the app writes its headers (setHeader then implicit write, or writeHead with headers).

const DEFAULTS = { "Content-Security-Policy": "default-src 'none'", "X-Frame-Options": "DENY" };
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    setDefaultHeaders(res, DEFAULTS);
    if (req.url === "/own-policy") {
      res.setHeader("Content-Security-Policy", "script-src 'self'");
      return void res.end("page");
    }
    if (req.url === "/own-policy-in-write-head") {
      res.writeHead(200, { "content-security-policy": "script-src 'self'" });
      return void res.end("page");
    }
    if (req.url === "/next-style") {
      // Next.js copies a route's header only when the response has none yet (send-response.js).
      if (!res.hasHeader("content-security-policy")) res.setHeader("Content-Security-Policy", "script-src 'self'");
      return void res.end("page");
    }
    if (req.url === "/raw-headers") {
      res.writeHead(200, ["Content-Security-Policy", "script-src 'self'"]);
      return void res.end("page");
    }
    res.end("plain");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the server's security headers", () => {
  it("are sent when the app sets none of its own", async () => {
    const response = await fetch(`${base}/plain`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it.each(["/next-style", "/own-policy", "/own-policy-in-write-head", "/raw-headers"])("give way to the app's own policy (%s), and only that header", async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.headers.get("content-security-policy")).toBe("script-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});
