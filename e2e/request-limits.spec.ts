import { expect, test } from "@playwright/test";
import { rawRequest, serverRssMb } from "./support/raw-http";
import { runTsx } from "./support/run-cli";

// Bodies over the limit against the running product: a 413 while they stream in, and the server's
// memory stays flat even for a 200 MB upload.

let token: string;

test.beforeAll(() => {
  const created = runTsx("scripts/tenant-create.ts", ["--name", "Limits Desk"], { PST_DATA_DIR: ".data/e2e" });
  expect(created.status, created.stderr).toBe(0);
  token = JSON.parse(created.stdout).apiToken;
});

test("a 200 MB chunked upload is a 413 and the server's memory stays flat", async () => {
  const before = serverRssMb();
  const response = await rawRequest({
    path: "/api/v1/attachments",
    headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
    chunkedBytes: 200 * 1024 * 1024,
  });
  const after = serverRssMb();
  console.log(`[limits] 200 MB chunked upload: ${response.status} after ${(response.sentBeforeResponse / 1024 / 1024).toFixed(0)} MB sent; server RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB`);
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body).error.code).toBe("payload_too_large");
  expect(response.sentBeforeResponse).toBeLessThan(50 * 1024 * 1024);
  expect(after - before).toBeLessThan(40);
});

test("a declared Content-Length over the limit is a 413 before the app reads anything", async () => {
  const response = await rawRequest({
    path: "/api/v1/cases",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(3 * 1024 * 1024) },
    body: "{",
  });
  expect(response.status).toBe(413);
});

test("a server action body over 1 MB, chunked, is a 413 (Next.js alone answers 500)", async () => {
  const response = await rawRequest({
    path: "/cases/new",
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    chunkedBytes: 5 * 1024 * 1024,
  });
  expect(response.status).toBe(413);
});

test("a sign-in body over 64 KB, chunked, is a 413", async () => {
  const response = await rawRequest({
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    chunkedBytes: 2 * 1024 * 1024,
  });
  expect(response.status).toBe(413);
});
