import http from "node:http";
import net from "node:net";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PassThrough, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBody, readCapped, replaceBody, sendTooLarge } from "@/scripts/serve/request-body";

// The HTTP server reads every request body itself, up to its route's limit (scripts/serve.ts), and
// hands Next.js the buffered body. Next reads a server action's body with stream.pipeline and a route
// handler's as a web Request's body; this proves both work, keep-alive included, and that an
// oversized body is a 413 the client gets to read.

const execFileAsync = promisify(execFile);
const LINGER_MS = 500;
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (!hasBody(req)) return void res.end("no body");
    const body = await readCapped(req, 64 * 1024);
    if (body === null) return sendTooLarge(req, res, 64 * 1024, LINGER_MS);
    replaceBody(req, body);
    // Route handlers get the request as a web Request's body, which reads it as an async iterator.
    if (req.url === "/route") {
      const text = await new Request("http://localhost/route", { method: "POST", body: req as unknown as BodyInit, duplex: "half" } as RequestInit).text();
      return void res.end(`route read ${text.length} bytes`);
    }
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

  it("hands a route handler the whole body as a web Request's body", async () => {
    for (const size of [1, 1000, 60 * 1024]) {
      const response = await fetch(`http://127.0.0.1:${port}/route`, { method: "POST", body: chunked(size), duplex: "half" } as RequestInit);
      expect(await response.text()).toBe(`route read ${size} bytes`);
    }
  });

  it("answers 413 to a chunked body over the limit", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/action`, { method: "POST", body: chunked(5 * 1024 * 1024), duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  // A client that keeps writing until it sees the answer, as curl or a browser does: closing the
  // socket with its bytes unread reset the connection and lost the 413 in 4 to 8 tries of 10. The
  // client runs in a process of its own: in this one, the server's close and the client's read take
  // turns on one event loop and the race never shows.
  it("lets a client still uploading read the 413, every time", async () => {
    const { stdout } = await execFileAsync(process.execPath, ["-e", UPLOAD_UNTIL_ANSWERED, String(port), "30"]);
    expect(JSON.parse(stdout)).toEqual(Array(30).fill("413"));
  });

  // Node's own client hangs up once it has the answer; a raw socket that ignores it does not.
  it("ends the connection of a client that never stops sending, once it has had time to read the 413", async () => {
    const started = Date.now();
    const received = await sendForever();
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LINGER_MS - 50);
    expect(Date.now() - started).toBeLessThan(LINGER_MS + 5_000);
  });
});

/** Node script: [port, tries]. Uploads 5 MB in 1 MB writes until answered, try after try; prints each status or socket error. */
const UPLOAD_UNTIL_ANSWERED = `
const http = require("node:http");
const [port, tries] = process.argv.slice(1).map(Number);
const chunk = Buffer.alloc(1024 * 1024, 0x61);
const upload = () => new Promise((resolve) => {
  let answered = false, sent = 0;
  const request = http.request({ host: "127.0.0.1", port, path: "/action", method: "POST", agent: false }, (response) => {
    answered = true;
    response.resume();
    response.on("end", () => resolve(String(response.statusCode)));
  });
  request.on("error", (error) => { if (!answered) resolve(error.code || error.message); });
  const write = () => {
    while (sent < 5 * chunk.length && !answered) {
      sent += chunk.length;
      if (!request.write(chunk)) return void request.once("drain", write);
    }
    request.end();
  };
  write();
});
(async () => {
  const outcomes = [];
  for (let attempt = 0; attempt < tries; attempt++) outcomes.push(await upload());
  console.log(JSON.stringify(outcomes));
})();
`;

/** A chunked upload written until the server ends the connection; what the server sent back. */
function sendForever(): Promise<string> {
  return new Promise((resolve) => {
    let received = "";
    const socket = net.connect(port, "127.0.0.1");
    socket.setEncoding("latin1");
    socket.on("data", (data: string) => (received += data));
    socket.on("error", () => {});
    socket.on("close", () => resolve(received));
    socket.write("POST /action HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.concat([Buffer.from("100000\r\n"), Buffer.alloc(0x100000, 0x61), Buffer.from("\r\n")]);
    const write = () => {
      while (!socket.destroyed) if (!socket.write(chunk)) return void socket.once("drain", write);
    };
    write();
  });
}
