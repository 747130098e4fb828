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
  replacement.push(body);
  replacement.push(null);
  const target = req as unknown as Record<string, unknown>;
  for (const key in replacement) {
    let value = (replacement as unknown as Record<string, unknown>)[key];
    if (typeof value === "function") value = (value as (...args: unknown[]) => unknown).bind(req);
    target[key] = value;
  }
  req.headers["content-length"] = String(body.length);
  delete req.headers["transfer-encoding"];
}

/**
 * The same 413 body the app's routes answer. The rest of the upload is not read: the client's writes
 * block, it reads this answer, and the idle connection is closed by the keep-alive timeout (closing
 * at once could reset the connection before the client has read the 413).
 */
export function sendTooLarge(res: ServerResponse, limitBytes: number): void {
  const body = JSON.stringify(toProblem(payloadTooLarge(limitBytes)).body);
  res.writeHead(413, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** A body is coming when the request declares a length above 0 or is chunked. */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  return length > 0 || req.headers["transfer-encoding"] !== undefined;
}
