import { NextRequest } from "next/server";
import { runInRequest } from "./request-scope";
import { assertMatchesContract } from "./openapi-contract";

// Calls a route handler the way Next.js does: a NextRequest plus `{ params: Promise<…> }`, and
// checks the answer against the OpenAPI document (status, content type, body): a handler that
// drifts from its documented contract fails the test that called it.

type RouteHandler<P> = (request: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  token?: string;
  /** JSON-encoded unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  params?: P;
  query?: Record<string, string>;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<P = Record<string, never>, T = any>(
  handler: RouteHandler<P>,
  method: string,
  path: string,
  options: CallOptions<P> = {},
): Promise<ApiResult<T>> {
  const url = new URL(path, "http://localhost");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) body = options.rawBody as BodyInit;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new NextRequest(url, { method, headers, body });
  // Session code reads next/headers: it sees this request's headers, as in the running app.
  const response = await runInRequest(request.headers, () => handler(request, { params: Promise.resolve((options.params ?? {}) as P) }));
  const type = response.headers.get("content-type") ?? "";
  const parsed = type.includes("application/json") ? await response.json() : new Uint8Array(await response.arrayBuffer());
  assertMatchesContract(method, url.pathname, response.status, type, parsed);
  return { status: response.status, body: parsed as T, headers: response.headers };
}
