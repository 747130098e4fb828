import { expect, test } from "@playwright/test";
import { rawRequest } from "./support/raw-http";

// The client address for throttling is the socket's: X-Forwarded-For is the client's own words
// unless TRUSTED_PROXY_HOPS says a proxy wrote it (the e2e server trusts none). Sent from a
// loopback address of its own, so the other tests' sign-ins from 127.0.0.1 are not affected.

const FROM = "127.0.0.7";

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await rawRequest({ path: "/api/auth/csrf", method: "GET", localAddress: FROM });
  const cookie = (response.headers["set-cookie"] ?? []).map((entry) => entry.split(";")[0]).join("; ");
  return { token: JSON.parse(response.body).csrfToken, cookie };
}

test("60 sign-in failures with 60 different X-Forwarded-For values are throttled all the same", async () => {
  const { token, cookie } = await csrf();
  const outcomes: string[] = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await rawRequest({
      path: "/api/auth/callback/credentials",
      localAddress: FROM,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `203.0.113.${attempt}`, "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken: token, email: `spray-${attempt}@nowhere.example`, password: "guess", json: "true" }).toString(),
    });
    const error = new URL(JSON.parse(response.body).url).searchParams.get("error") ?? "none";
    outcomes.push(error.startsWith("Throttled") ? "throttled" : error);
  }
  const throttled = outcomes.filter((outcome) => outcome === "throttled").length;
  console.log(`[throttle] 60 failures, 60 X-Forwarded-For values: ${throttled} throttled (first at attempt ${outcomes.indexOf("throttled") + 1})`);
  expect(outcomes.slice(0, 50).every((outcome) => outcome === "InvalidCredentials")).toBe(true);
  expect(outcomes.slice(50).every((outcome) => outcome === "throttled")).toBe(true);
});
