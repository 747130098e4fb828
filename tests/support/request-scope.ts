import { AsyncLocalStorage } from "node:async_hooks";

// The request a page, server action or route handler is running for, as next/headers would see it.
// tests/support/next-headers-mock.ts serves headers() and cookies() from here, so the app's own
// session and authorisation code runs unchanged in integration tests.

const scope = new AsyncLocalStorage<Headers>();

export function runInRequest<T>(headers: HeadersInit, work: () => Promise<T>): Promise<T> {
  return scope.run(new Headers(headers), work);
}

export function currentRequestHeaders(): Headers {
  return scope.getStore() ?? new Headers();
}

export function cookieStore(headers: Headers) {
  const all = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return { name: at === -1 ? part : part.slice(0, at), value: at === -1 ? "" : decodeURIComponent(part.slice(at + 1)) };
    });
  return {
    get: (name: string) => all.find((cookie) => cookie.name === name),
    getAll: () => all,
    has: (name: string) => all.some((cookie) => cookie.name === name),
  };
}
