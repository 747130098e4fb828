import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { toProblem } from "@/lib/http/problem";
import { payloadTooLarge } from "@/lib/http/read-body";

// Body handling the HTTP server does before Next.js sees a request (see lib/http/body-limits.ts).

/** The body, or null as soon as more than `limit` bytes arrived (reading then stops; the 413 closes the connection). */
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

const EVENT_EMITTER_STATE = new Set(["_events", "_eventsCount", "_maxListeners"]);

/** Gives the request a body already read, the way Next.js itself does after running its proxy. */
export function replaceBody(req: IncomingMessage, body: Buffer): void {
  const replacement = new Readable({ read() {} });
  replacement.push(body);
  replacement.push(null);
  const target = req as unknown as Record<string, unknown>;
  for (const key in replacement) {
    if (EVENT_EMITTER_STATE.has(key)) continue; // keep the listeners already attached to the request
    let value = (replacement as unknown as Record<string, unknown>)[key];
    if (typeof value === "function") value = (value as (...args: unknown[]) => unknown).bind(req);
    target[key] = value;
  }
  req.headers["content-length"] = String(body.length);
  delete req.headers["transfer-encoding"];
}

/** The same 413 body the app's routes answer, and the connection closed after it. */
export function sendTooLarge(res: ServerResponse, limitBytes: number): void {
  const body = JSON.stringify(toProblem(payloadTooLarge(limitBytes)).body);
  res.writeHead(413, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.end(body);
}

/** A body is coming when the request declares a length above 0 or is chunked. */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  return length > 0 || req.headers["transfer-encoding"] !== undefined;
}
