import path from "node:path";
import { NextRequest } from "next/server";
import { runInRequest } from "@/tests/support/request-scope";
import { appEntries } from "./app-entries";
import type { RequestSpec, Row } from "./matrix-kit";
import type { Fixture, Principal } from "./principals";

// Asks one matrix row as one principal, the way Next.js would call it, and reports the answer as an
// HTTP status: a route handler's own status; a page's render (200), notFound() (404) or redirect
// (to sign-in: 401, to /forbidden: 403, elsewhere: 303); a server action's result (ok: 200, or the
// status of its error code) or its redirect when done (303).

export interface Answer {
  status: number;
  /** The response text (routes) or the rendered value's JSON (pages, actions), for leak checks. */
  text: string;
}

const ACTION_STATUS: Record<string, number> = { validation_failed: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, payload_too_large: 413, rate_limited: 429, unavailable: 503, internal: 500 };

const filesByKey = new Map(appEntries().map((entry) => [entry.key, entry.file]));

async function load(file: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ path.resolve(process.cwd(), file));
}

function fillPath(pattern: string, params: Record<string, string | string[]> = {}): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value ?? name);
  });
}

export async function ask(row: Row, principal: Principal, fx: Fixture): Promise<Answer> {
  if (row.kind === "action") {
    const module = await load(row.file);
    const fn = module[row.name] as (...args: unknown[]) => Promise<{ ok?: boolean; error?: { code: string } | null }>;
    const args = await row.args(fx);
    let result: Awaited<ReturnType<typeof fn>>;
    try {
      result = await runInRequest(principal.headers, () => fn(...args));
    } catch (error) {
      return pageInterrupt(error); // a form action that redirects when done (303), or to sign-in (401)
    }
    // Two shapes: { ok, … } (case actions) or a form state { error, values } (escalation forms).
    const failed = result.ok === false || (result.ok === undefined && result.error);
    return { status: failed ? (ACTION_STATUS[result.error!.code] ?? 500) : 200, text: JSON.stringify(result) };
  }
  const spec: RequestSpec = (await row.request?.(fx)) ?? {};
  const params = { ...spec.params };
  if (row.access === "customer") params.token = principal.customerToken ?? fx.validLinkToken;
  const file = filesByKey.get(row.kind === "route" ? `${row.method} ${row.path}` : `PAGE ${row.path}`);
  if (!file) throw new Error(`No app file for ${row.kind} ${row.path}`);
  const module = await load(file);
  const url = new URL(fillPath(row.path, params), "http://localhost");
  for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);

  if (row.kind === "page") {
    const headers = { ...principal.headers, "x-pst-path": url.pathname + url.search };
    const render = module.default as (props: { params: Promise<unknown>; searchParams: Promise<unknown> }) => Promise<unknown>;
    try {
      const element = await runInRequest(headers, () => render({ params: Promise.resolve(params), searchParams: Promise.resolve(Object.fromEntries(url.searchParams)) }));
      return { status: 200, text: safeJson(element) };
    } catch (error) {
      return pageInterrupt(error);
    }
  }

  const headers = new Headers({ host: "localhost", ...principal.headers, ...spec.headers });
  let body: BodyInit | undefined;
  if (spec.rawBody) body = spec.rawBody as BodyInit;
  else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  // Writes from a browser session carry the site's own Origin, as a real form or fetch would.
  if (row.method !== "GET") headers.set("origin", "http://localhost");
  const request = new NextRequest(url, { method: row.method, headers, body });
  const handler = module[row.method] as (request: NextRequest, route: { params: Promise<unknown> }) => Promise<Response>;
  const response = await runInRequest(request.headers, () => handler(request, { params: Promise.resolve(params) }));
  return { status: response.status, text: await response.text() };
}

function pageInterrupt(error: unknown): Answer {
  const digest = String((error as { digest?: unknown })?.digest ?? "");
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return { status: Number(digest.split(";")[1]), text: digest };
  if (digest.startsWith("NEXT_REDIRECT;")) {
    const location = digest.split(";")[2] ?? "";
    if (location.startsWith("/sign-in")) return { status: 401, text: location };
    if (location.startsWith("/forbidden")) return { status: 403, text: location };
    return { status: 303, text: location };
  }
  throw error;
}

function safeJson(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_key, inner) => {
    if (typeof inner === "function" || typeof inner === "symbol") return undefined;
    if (inner && typeof inner === "object") {
      if (seen.has(inner)) return undefined;
      seen.add(inner);
    }
    return inner;
  }) ?? "";
}
