import http from "node:http";
import { readFileSync } from "node:fs";
import { baseURL, E2E_PID_FILE } from "../../playwright.config";

// Requests Playwright's client cannot make: a chunked body of any size streamed as fast as the
// server takes it, from a chosen local address, with whatever headers a hostile client sends.

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the body written before the response arrived. */
  sentBeforeResponse: number;
}

export function rawRequest(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** Streamed chunked (no Content-Length) when set. */
  chunkedBytes?: number;
  body?: string;
  localAddress?: string;
}): Promise<RawResponse> {
  const url = new URL(options.path, baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentAtResponse = -1;
    const request = http.request(
      // A connection of its own: a request that lied about its length must not poison the next one.
      { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method: options.method ?? "POST", headers: options.headers, localAddress: options.localAddress, agent: false },
      (response) => {
        sentAtResponse = sent;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, sentBeforeResponse: sentAtResponse }));
      },
    );
    // Once the server has answered it may close the connection mid-upload: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (sentAtResponse < 0) reject(error);
    });
    if (options.chunkedBytes === undefined) {
      request.end(options.body);
      return;
    }
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const write = () => {
      while (sent < options.chunkedBytes! && sentAtResponse < 0) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

/** Resident memory of the product's HTTP server process, in MB (Linux /proc). */
export function serverRssMb(): number {
  const pid = Number(readFileSync(E2E_PID_FILE, "utf8"));
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  return Number(line!.replace(/\D+/g, "")) / 1024;
}
