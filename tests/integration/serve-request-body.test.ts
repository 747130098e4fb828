import http from "node:http";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBody, readCapped, replaceBody, sendTooLarge } from "@/scripts/serve/request-body";

// The HTTP server reads server-action bodies itself (scripts/serve.ts) and hands Next.js the buffered
// body. Next reads it with stream.pipeline; this proves that works, keep-alive included, and that an
// oversized body is a 413 the client gets to read.

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (!hasBody(req)) return void res.end("no body");
    const body = await readCapped(req, 64 * 1024);
    if (body === null) return sendTooLarge(res, 64 * 1024);
    replaceBody(req, body);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    await Promise.all([
      pipeline(req, new Transform({ transform: (chunk, _encoding, done) => done(null, chunk) }), out),
      (async () => {
        for await (const chunk of out) chunks.push(Buffer.from(chunk));
      })(),
    ]);
    res.end(`read ${Buffer.concat(chunks).length} bytes (content-length ${req.headers["content-length"]})`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function chunked(bytes: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(16 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

describe("the server's own reading of action bodies", () => {
  it("hands the app the whole body as a stream it can pipe, request after request", async () => {
    for (const size of [1, 1000, 60 * 1024]) {
      const response = await fetch(`http://127.0.0.1:${port}/action`, { method: "POST", body: chunked(size), duplex: "half" } as RequestInit);
      expect(await response.text()).toBe(`read ${size} bytes (content-length ${size})`);
    }
  });

  it("answers 413 to a chunked body over the limit", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/action`, { method: "POST", body: chunked(5 * 1024 * 1024), duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });
});
