import "@/tests/support/integration-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/attachments/route";
import { GET as downloadRoute } from "@/app/api/v1/attachments/[id]/route";
import { POST as createRoute } from "@/app/api/v1/cases/route";
import { provisionTenant, type ProvisionedTenant } from "@/lib/members/provision-tenant";
import { closeAdminPool, rowCounts } from "@/tests/support/admin-db";
import { call } from "@/tests/support/api-client";
import { caseBody } from "@/tests/support/case-factory";
import { NextRequest } from "next/server";

let a: ProvisionedTenant;
let b: ProvisionedTenant;

// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));

beforeAll(async () => {
  a = await provisionTenant({ name: "Attach A" });
  b = await provisionTenant({ name: "Attach B" });
});
afterAll(closeAdminPool);

describe("screenshots", () => {
  it("uploads a PNG (raw body), downloads it with its type, and a case can reference it", async () => {
    const up = await call(uploadRoute, "POST", "/api/v1/attachments", { token: a.apiToken, rawBody: PNG, headers: { "content-type": "image/png" } });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: "image/png", sizeBytes: PNG.length });
    const down = await call(downloadRoute, "GET", `/api/v1/attachments/${up.body.id}`, { token: a.apiToken, params: { id: up.body.id } });
    expect(down.status).toBe(200);
    expect(down.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(down.body as Uint8Array).equals(Buffer.from(PNG))).toBe(true);
    const created = await call(createRoute, "POST", "/api/v1/cases", {
      token: a.apiToken,
      body: caseBody({ statusMessages: [{ deviceKey: "iphone-1", message: "paused", observedAt: new Date().toISOString(), screenshotId: up.body.id }] }),
    });
    expect(created.status).toBe(201);
    expect(created.body.facts.statusMessages[0].screenshotId).toBe(up.body.id);
  });

  it("uploads through multipart form data", async () => {
    const form = new FormData();
    form.set("file", new Blob([PNG], { type: "image/png" }), "shot.png");
    const request = new NextRequest("http://localhost/api/v1/attachments", { method: "POST", headers: { authorization: `Bearer ${a.apiToken}` }, body: form });
    const response = await uploadRoute(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(201);
  });

  it("refuses a file whose bytes are not an allowed image, whatever it claims, and writes nothing", async () => {
    const before = await rowCounts();
    const html = await call(uploadRoute, "POST", "/api/v1/attachments", { token: a.apiToken, rawBody: "<html>not an image</html>", headers: { "content-type": "image/png" } });
    expect(html.status).toBe(400);
    expect(html.body.error.fields[0].path).toBe("file");
    const mislabelled = await call(uploadRoute, "POST", "/api/v1/attachments", { token: a.apiToken, rawBody: PNG, headers: { "content-type": "image/jpeg" } });
    expect(mislabelled.status).toBe(400);
    const tooBig = new Uint8Array(5 * 1024 * 1024 + 1);
    tooBig.set(PNG);
    const big = await call(uploadRoute, "POST", "/api/v1/attachments", { token: a.apiToken, rawBody: tooBig, headers: { "content-type": "image/png" } });
    expect(big.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("another tenant's screenshot is a 404, and can't be referenced", async () => {
    const up = await call(uploadRoute, "POST", "/api/v1/attachments", { token: b.apiToken, rawBody: PNG, headers: { "content-type": "image/png" } });
    const down = await call(downloadRoute, "GET", `/api/v1/attachments/${up.body.id}`, { token: a.apiToken, params: { id: up.body.id } });
    expect(down.status).toBe(404);
    const created = await call(createRoute, "POST", "/api/v1/cases", {
      token: a.apiToken,
      body: caseBody({ statusMessages: [{ deviceKey: "iphone-1", message: "paused", observedAt: new Date().toISOString(), screenshotId: up.body.id }] }),
    });
    expect(created.status).toBe(400);
    expect((await call(downloadRoute, "GET", "/api/v1/attachments/x", { token: a.apiToken, params: { id: "x" } })).status).toBe(404);
  });
});
