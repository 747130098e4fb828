import type { ServerResponse } from "node:http";

// The server's security headers are defaults: a header the app set itself (the API reference page's
// own Content-Security-Policy, for one) wins. Next.js only adds a route's header when the response
// does not have it yet, so headers set before the app runs would silently replace the app's.

/** Adds each header the app has not set by the time the status line goes out. */
export function setDefaultHeaders(res: ServerResponse, headers: Record<string, string>): void {
  const writeHead = res.writeHead;
  // Node's implicit header write (first write or end without writeHead) goes through writeHead too.
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name) && !argsSetHeader(args, name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/** writeHead(status, [message,] headers) may carry headers itself (object or flat array). */
function argsSetHeader(args: unknown[], name: string): boolean {
  const lower = name.toLowerCase();
  return args.slice(1).some((arg) => {
    if (Array.isArray(arg)) return arg.some((entry, i) => (Array.isArray(entry) ? String(entry[0]).toLowerCase() === lower : i % 2 === 0 && String(entry).toLowerCase() === lower));
    return typeof arg === "object" && arg !== null && Object.keys(arg).some((key) => key.toLowerCase() === lower);
  });
}
