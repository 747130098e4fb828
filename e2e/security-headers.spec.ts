import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";

// A Content-Security-Policy with a fresh nonce for every page (Next.js puts it on its own scripts),
// no framing, no sniffing, a referrer policy; and the pages still work under it.

test("pages carry a nonce CSP, frame-ancestors 'none' and the other security headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
  // Served over plain http here: no HSTS (lib/http/security-headers.ts adds it for https).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("API answers may not be framed or run anything either", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("under the policy the pages hydrate and work, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, "agent"); // the sign-in form is client-side JavaScript
  await page.goto("/cases/new");
  await page.getByRole("button", { name: "Add a device" }).click(); // client state
  await expect(page.getByRole("group", { name: /^Device 2\./ })).toBeVisible();
  expect(violations).toEqual([]);
});
