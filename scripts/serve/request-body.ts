import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { toProblem } from "@/lib/http/problem";
import { payloadTooLarge } from "@/lib/http/read-body";

// Body handling the HTTP server does before Next.js sees a request (see lib/http/body-limits.ts).

/** The body, or null as soon as more than `limit` bytes arrived (reading then stops). */
export function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Gives the request a body already read, exactly the way Next.js itself does after running its proxy
 * (`replaceRequestBody` in next/dist/server/body-streams.js): every property of a fresh stream,
 * event state included (keeping the request's own listeners leaves 'data' unheard), bound to the request.
 */
export function replaceBody(req: IncomingMessage, body: Buffer): void {
  const replacement = new Readable({ read() {} });
  const target = req as unknown as Record<string, unknown>;
  for (const key in replacement) {
    let value = (replacement as unknown as Record<string, unknown>)[key];
    if (typeof value === "function") value = (value as (...args: unknown[]) => unknown).bind(req);
    target[key] = value;
  }
  // Pushed through the request, not the replacement: the two share their event state, and an event
  // the replacement emitted itself would reach a listener as coming from another stream (a route
  // handler's body, read as an async iterator, then failed with "callback is not a function").
  req.push(body);
  req.push(null);
  req.headers["content-length"] = String(body.length);
  delete req.headers["transfer-encoding"];
}

/** How long the rest of an over-limit upload is read (and thrown away) after the 413 is written. */
const OVER_LIMIT_LINGER_MS = 5_000;

/**
 * The same 413 body the app's routes answer, then a "lingering close". Closing a connection that
 * still has unread upload bytes makes the kernel reset it, and a reset throws away the 413 the client
 * has not read yet: the client sees EPIPE or ECONNRESET instead of the answer (Node closes the socket
 * as soon as the response ends; CI failed on it). So the answer is written whole, the rest of the
 * upload is read and discarded (memory stays flat), and the response ends when the upload does, or
 * after `lingerMs` for a client that never stops sending.
 */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse, limitBytes: number, lingerMs = OVER_LIMIT_LINGER_MS): void {
  const body = JSON.stringify(toProblem(payloadTooLarge(limitBytes)).body);
  res.writeHead(413, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.write(body);
  if (req.complete) return void res.end();
  const giveUp = setTimeout(() => {
    res.end();
    req.socket.destroy();
  }, lingerMs);
  const finish = () => {
    clearTimeout(giveUp);
    res.end();
  };
  req.once("end", finish);
  req.once("error", finish);
  req.once("close", finish);
  req.resume();
}

/** A body is coming when the request declares a length above 0 or is chunked. */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  return length > 0 || req.headers["transfer-encoding"] !== undefined;
}
