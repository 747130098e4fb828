import "@/tests/support/integration-env";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/[...nextauth]/route";
import { POST as uploadRoute } from "@/app/api/v1/attachments/route";
import { POST as createRoute } from "@/app/api/v1/cases/route";
import { PATCH as patchRoute } from "@/app/api/v1/cases/[id]/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { apiContext, caseBody, createTestCase } from "@/tests/support/case-factory";
import { runInRequest } from "@/tests/support/request-scope";

// Bodies over the limit are a 413 while they stream in: JSON over 1 MB, uploads over 5 MB, sign-in
// bodies over 64 KB, with or without Content-Length. (The HTTP server's own checks, server actions
// and a 200 MB upload against the running product: e2e/request-limits.spec.ts.)

let a: ProvisionedTenant;

beforeAll(async () => {
  a = await provisionTenant({ name: "Limits A" });
});
afterAll(closeAdminPool);

/** A chunked body (no Content-Length) of `bytes` bytes, counting how much of it was pulled. */
function streamed(bytes: number, fill = 0x20) {
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= bytes) return controller.close();
      const next = chunk.subarray(0, Math.min(chunk.length, bytes - pulled));
      pulled += next.length;
      controller.enqueue(next);
    },
  });
  return { stream, pulled: () => pulled };
}

async function send(handler: (request: NextRequest, route: { params: Promise<any> }) => Promise<Response>, path: string, init: { method?: string; body: BodyInit; headers?: Record<string, string>; params?: object }) {
  const request = new NextRequest(new URL(path, "http://localhost"), {
    method: init.method ?? "POST",
    headers: { authorization: `Bearer ${a.apiToken}`, ...init.headers },
    body: init.body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const response = await runInRequest(request.headers, () => handler(request, { params: Promise.resolve(init.params ?? {}) }));
  return { status: response.status, body: await response.json().catch(() => null) };
}

describe("request body limits", () => {
  it("a chunked JSON body over 1 MB is a 413, read no further than the limit, writing nothing", async () => {
    const before = await rowCounts();
    const body = streamed(50 * 1024 * 1024);
    const res = await send(createRoute, "/api/v1/cases", { body: body.stream, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large", limitBytes: 1024 * 1024 });
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
    expect(await rowCounts()).toEqual(before);
  });

  it("a valid JSON case body just over 1 MB is refused, one just under is read", async () => {
    const padded = (size: number) => JSON.stringify({ ...caseBody(), customer: { name: "Big", email: null }, filler: "x".repeat(size) });
    const over = await send(createRoute, "/api/v1/cases", { body: padded(1024 * 1024), headers: { "content-type": "application/json" } });
    expect(over.status).toBe(413);
    const under = await send(createRoute, "/api/v1/cases", { body: padded(900 * 1024), headers: { "content-type": "application/json" } });
    expect(under.status).toBe(400); // read and validated: "filler" is not a field
    expect(under.body.error.fields).toEqual([{ path: "filler", message: 'Unknown field "filler"' }]);
  });

  it("a declared Content-Length over the limit is refused without waiting for the body", async () => {
    const created = await createTestCase(apiContext(a.tenantId));
    // The body never ends: a refusal that waited for it would hang.
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const res = await send(patchRoute, `/api/v1/cases/${created.id}`, {
      method: "PATCH",
      body,
      headers: { "content-type": "application/json", "content-length": String(5 * 1024 * 1024) },
      params: { id: created.id },
    });
    expect(res.status).toBe(413);
  });

  it("a chunked upload over 5 MB is a 413, not read to its end", async () => {
    const before = await rowCounts();
    const png = streamed(60 * 1024 * 1024, 0x89);
    const res = await send(uploadRoute, "/api/v1/attachments", { body: png.stream, headers: { "content-type": "image/png" } });
    expect(res.status).toBe(413);
    expect(png.pulled()).toBeLessThan(6 * 1024 * 1024);
    expect(await rowCounts()).toEqual(before);
  });

  it("a sign-in body over 64 KB is a 413 (next-auth would read any size)", async () => {
    const body = streamed(2 * 1024 * 1024, 0x61);
    const res = await send(signInRoute, "/api/auth/callback/credentials", {
      body: body.stream,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      params: { nextauth: ["callback", "credentials"] },
    });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });
});
