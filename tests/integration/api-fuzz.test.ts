import "@/tests/support/integration-env";
// Every request here holds the same few links from one address: the customer-link limits (their own
// tests lower and check them) stay out of the way.
process.env.CUSTOMER_LINK_MAX_REQUESTS_PER_IP = "1000000";
process.env.CUSTOMER_LINK_MAX_REQUESTS_PER_LINK = "1000000";
process.env.CUSTOMER_LINK_MAX_REPORTS_PER_HOUR = "1000000";
import fc from "fast-check";
import { NextRequest } from "next/server";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adminPool, rowCounts } from "@/tests/support/admin-db";
import { createTestCase, apiContext } from "@/tests/support/case-factory";
import { runInRequest } from "@/tests/support/request-scope";
import { appEntries } from "./authorisation/app-entries";
import { rowKey, type RequestSpec } from "./authorisation/matrix-kit";
import { ROWS } from "./authorisation/matrix-rows";
import { createFixture, type Fixture } from "./authorisation/principals";
import { mutatedBody, paramValue, queryParams, rawBody } from "./fuzz/mutations";

// Every route handler of the matrix (the /api/v1 API, the customer's page and its JSON twin) gets at least 1,000 generated requests — mutated valid bodies,
// random JSON, broken bytes, odd parameters and query strings — as a tenant admin's API token (so
// requests get past authorisation into validation and the services). None may answer 5xx, and a
// refused write must leave every table as it was (its tenant's rowCounts before and after). Routes
// are fuzzed side by side, each in tenants of its own.

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 1_000);
const KNOWN_QUERY = ["status", "platform", "escalationReady", "assignee", "problemAge", "problemAgeMinHours", "problemAgeMaxHours", "q", "sort", "dir", "caseId", "next",
  "from", "to", "format", "customerReplied", "inactiveMinHours", "reported", "outcome", "cursor", "limit", "action"];
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const routeRows = ROWS.filter((row) => row.kind === "route");
const files = new Map(appEntries().map((entry) => [entry.key, entry.file]));

interface Target {
  fx: Fixture;
  token: string;
  foreignCaseId: string;
}

/** Reads change nothing, so they share one fixture; each write gets tenants of its own (its row counts are its alone). */
let sharedTarget: Promise<Target> | null = null;
const targetFor = (method: string) => (WRITES.has(method) ? target() : (sharedTarget ??= target()));

async function target(): Promise<Target> {
  const fx = await createFixture();
  const token = fx.principals.find((principal) => principal.name === "admin API token")!.headers.authorization!;
  const foreignCaseId = (await createTestCase(apiContext(fx.tenantB))).id;
  return { fx, token, foreignCaseId };
}

interface Generated {
  params: Record<string, string | string[]>;
  query: [string, string][];
  body: { json: unknown } | { raw: Uint8Array } | null;
  idempotencyKey: string | null;
}

function generator({ fx, foreignCaseId }: Target, sample: RequestSpec): fc.Arbitrary<Generated> {
  const params = Object.fromEntries(
    Object.entries(sample.params ?? {}).map(([name, value]) => [
      name,
      // A customer link's token is tried mostly as itself, so most requests reach the handler's body checks.
      Array.isArray(value) ? fc.constant(value) : paramValue(name === "token" ? [value] : [value, fx.caseA.id, fx.attachmentA], [foreignCaseId]),
    ]),
  );
  const body = fc.oneof(
    { weight: 8, arbitrary: mutatedBody(sample.body ?? {}).map((json) => ({ json })) },
    { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.record({
    params: fc.record(params) as fc.Arbitrary<Record<string, string | string[]>>,
    query: queryParams(KNOWN_QUERY),
    body,
    idempotencyKey: fc.option(fc.oneof(fc.string({ maxLength: 220 }), fc.constant("same-key")), { freq: 4 }),
  });
}

async function send(token: string, method: string, pattern: string, module: Record<string, unknown>, generated: Generated, sample: RequestSpec): Promise<Response> {
  const pathname = pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = generated.params[name];
    // A URL cannot carry a lone surrogate: it arrives as U+FFFD, as a browser would send it.
    return Array.isArray(value) ? value.join("/") : encodeURIComponent((value ?? "").toWellFormed());
  });
  const url = new URL(pathname, "http://localhost");
  for (const [name, value] of generated.query) url.searchParams.append(name.toWellFormed(), value.toWellFormed());
  const headers = new Headers({ host: "localhost", authorization: token, ...sample.headers });
  if (generated.idempotencyKey !== null) {
    try {
      headers.set("idempotency-key", generated.idempotencyKey);
    } catch {
      // not a valid header value: a client could not send it either
    }
  }
  let body: BodyInit | undefined;
  if (method !== "GET" && generated.body) {
    if ("raw" in generated.body) body = generated.body.raw as BodyInit;
    else if (isForm(sample)) body = formEncoded(generated.body.json); // the customer's form: mutated fields, form-encoded
    else if (sample.rawBody) body = sample.rawBody as BodyInit; // uploads: the bytes stay an image, the rest varies
    else {
      body = JSON.stringify(generated.body.json);
      headers.set("content-type", "application/json");
    }
  }
  const request = new NextRequest(url, { method, headers, body });
  const handler = module[method] as (request: NextRequest, route: { params: Promise<unknown> }) => Promise<Response>;
  return runInRequest(request.headers, () => handler(request, { params: Promise.resolve(generated.params) }));
}

const isForm = (sample: RequestSpec) => sample.headers?.["content-type"] === "application/x-www-form-urlencoded";

/** A generated body as a browser would post it from a form: each top-level field as text. */
function formEncoded(json: unknown): string {
  if (!json || typeof json !== "object" || Array.isArray(json)) return String(JSON.stringify(json) ?? "");
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(json)) fields.append(name.toWellFormed(), (typeof value === "string" ? value : JSON.stringify(value) ?? "").toWellFormed());
  return fields.toString();
}

/**
 * On a starved machine (a build alongside) a request can wait longer than the database timeouts the
 * app keeps on purpose (connect 3 s, statement 8 s: lib/db/client.ts), and it then answers 503 — its
 * designed answer (the API's "unavailable", /api/health's {"ok":false}, the /unavailable page), not
 * a fault. Such a request is sent again, at most twice,
 * after a pause; one that keeps answering 503, and any other 5xx, still fails the property.
 */
async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  while (!(await reader.read()).done) {
    // bytes counted by nobody: only the stream's completion matters
  }
}

async function sendPatiently(sendOnce: () => Promise<Response>, onRetry: () => void): Promise<{ response: Response; text: string }> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await sendOnce();
    // The text is only needed to explain a failure: decoding every answer (a 3 MB script, the whole
    // OpenAPI document) a thousand times was much of this test's time. The body is still read to
    // its end, so a stream that breaks half-way (a packet.zip, say) still fails the request.
    if (response.status < 500) {
      await drain(response);
      return { response, text: "" };
    }
    const text = await response.text();
    if (response.status !== 503 || attempt === 2) return { response, text };
    onRetry();
    await new Promise((resolve) => setTimeout(resolve, 1_000 * (attempt + 1)));
  }
}

describe.concurrent("API fuzzing", () => {
  it.each(routeRows.map((row) => [rowKey(row), row] as const))(
    "%s: 1,000 generated requests, no 5xx, nothing half-written",
    async (key, row) => {
      if (row.kind !== "route") return;
      const module = (await import(/* @vite-ignore */ path.resolve(process.cwd(), files.get(key)!))) as Record<string, unknown>;
      const own = await targetFor(row.method);
      const sample = (await row.request?.(own.fx)) ?? {};
      let sent = 0;
      let retried = 0;
      const statuses = new Map<number, number>();
      let counts = WRITES.has(row.method) ? await rowCounts(own.fx.tenantA) : null;
      await fc.assert(
        fc.asyncProperty(generator(own, sample), async (generated) => {
          const { response, text } = await sendPatiently(() => send(own.token, row.method, row.path, module, generated, sample), () => (retried += 1));
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${key} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (counts) {
            const after = await rowCounts(own.fx.tenantA);
            if (response.status >= 400) expect(after, `${key} answered ${response.status} but wrote rows`).toEqual(counts);
            counts = after;
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 20261122, endOnFailure: true },
      );
      expect(sent).toBeGreaterThanOrEqual(RUNS_PER_ROUTE);
      console.log(`[fuzz] ${key}: ${sent} requests; statuses ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ")}${retried ? `; ${retried} sent again after a 503 (overloaded machine)` : ""}`);
    },
    900_000,
  );
});

describe("after fuzzing", () => {
  it("left no idempotency key of a failed create behind", async () => {
    const { rows } = await adminPool().query(`SELECT count(*)::int AS n FROM "IdempotencyKey" WHERE "responseStatus" = 0`);
    expect(rows[0].n).toBe(0);
  });
});
