// The product's HTTP server (`npm start` runs it once the database is ready): Next.js behind a thin
// layer doing per request what Next.js cannot (docs/decisions/0050-http-server-in-front-of-next.md):
//   - the client's address from the socket (X-Forwarded-For only from TRUSTED_PROXY_HOPS proxies),
//     handed to the app in a header whose name is random per process, so it cannot be forged;
//   - security headers, and a Content-Security-Policy with a fresh nonce for pages (defaults: a
//     header the app sets itself, such as /api/docs's own policy, wins);
//   - body limits: a body over its route's limit, declared or streamed, is a 413 before the app runs
//     (lib/http/body-limits.ts).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { TLSSocket } from "node:tls";
import next from "next";
import { bodyLimitFor } from "@/lib/http/body-limits";
import { clientAddress, trustedProxyHops, visitorUsedHttps } from "@/lib/http/client-address";
import { securityHeaders } from "@/lib/http/security-headers";
import { CLIENT_IP_HEADER_ENV } from "@/app/_server/request-info";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { setDefaultHeaders } from "./serve/default-headers";
import { hasBody, readCapped, replaceBody, sendTooLarge } from "./serve/request-body";

const port = Number(process.env.PORT ?? 3000);
const hops = trustedProxyHops();
const publicUrlIsHttps = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const clientIpHeader = `x-pst-client-ip-${randomBytes(12).toString("hex")}`;
process.env[CLIENT_IP_HEADER_ENV] = clientIpHeader;

// As under `next start`: Next.js builds request URLs from localhost and the port; we listen on every interface.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  serve(req, res).catch((error: unknown) => {
    console.error("Request failed before reaching the app:", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
  });
});

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://internal.invalid");
  // Internal headers are ours alone: whatever a client sent under those names is dropped.
  for (const name of Object.keys(req.headers)) if (name.startsWith("x-pst-")) delete req.headers[name];
  req.headers[clientIpHeader] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  // The page asked for, for "sign in and come back" (always passed through safeNextPath).
  req.headers["x-pst-path"] = url.pathname + url.search;

  const https = publicUrlIsHttps || visitorUsedHttps(req.socket instanceof TLSSocket, req.headers["x-forwarded-proto"], hops);
  const isPage = !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(url.pathname);
  const nonce = isPage ? randomBytes(18).toString("base64") : null;
  const headers = securityHeaders({ nonce, https });
  setDefaultHeaders(res, headers);
  if (nonce) req.headers["content-security-policy"] = headers["Content-Security-Policy"];

  const limit = bodyLimitFor(req.method ?? "GET", url.pathname);
  if (limit !== null && hasBody(req)) {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return sendTooLarge(req, res, limit);
    const body = await readCapped(req, limit);
    if (body === null) return sendTooLarge(req, res, limit);
    replaceBody(req, body);
  }
  await handle(req, res);
}

server.listen(port, () => {
  console.log(`Photo Sync Triage is listening on http://localhost:${port}`);
  if (process.env.PST_PID_FILE) writeFileSync(path.resolve(process.env.PST_PID_FILE), String(process.pid));
});

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
