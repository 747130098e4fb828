import { createRequire } from "node:module";
import { vi } from "vitest";
import { cookieStore, currentRequestHeaders } from "./request-scope";

// Integration tests call pages, server actions and route handlers directly. next/headers only
// works inside Next's request scope, so here headers() and cookies() read the request the test is
// making (tests/support/request-scope.ts); everything after that is the app's real code.
vi.mock("next/headers", async () => {
  const scope = await import("./request-scope");
  return {
    headers: async () => scope.currentRequestHeaders(),
    cookies: async () => scope.cookieStore(scope.currentRequestHeaders()),
  };
});

// refresh() (re-render the page the action was posted from) and revalidatePath() (drop a page's
// cached render) exist only inside Next's request scope; a direct call has no page or cache to touch.
// The rest of next/cache stays real.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), refresh: () => undefined, revalidatePath: () => undefined }));

// next-auth (CommonJS) requires next/headers itself: give its require the same answers.
const require = createRequire(import.meta.url);
const nextHeaders = require.resolve("next/headers");
require.cache[nextHeaders] = {
  id: nextHeaders,
  filename: nextHeaders,
  loaded: true,
  exports: {
    headers: async () => currentRequestHeaders(),
    cookies: async () => cookieStore(currentRequestHeaders()),
  },
} as unknown as NodeJS.Module;
