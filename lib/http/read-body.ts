import { AppError } from "@/lib/errors/app-error";

// Request bodies are read through here, never with request.json()/text()/formData()/arrayBuffer()
// (ESLint refuses those in app/): the size is checked while the bytes stream in, so a body without
// Content-Length (chunked) is stopped at the limit too, and memory never holds more than the limit.

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

// Under `npm start` the HTTP server has already refused a body over the same limit, and drained the
// rest of its upload so the client reads the 413 (scripts/serve/request-body.ts): this check is what
// stands when a route runs without that server (next dev, tests calling a handler directly).
// Measured with a 200 MB chunked upload: 413 after ~8–10 MB sent, server memory flat (e2e/request-limits).

export function payloadTooLarge(limitBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the limit of ${formatBytes(limitBytes)}`, { limitBytes });
}

/** The whole body, or a 413 AppError as soon as more than `limitBytes` have arrived. */
export async function readBodyLimited(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw payloadTooLarge(limitBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) throw payloadTooLarge(limitBytes);
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
