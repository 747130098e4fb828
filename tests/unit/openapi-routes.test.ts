import { readdirSync, readFileSync, type Dirent } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/api-operations";

// Every route handler of the public API is in the OpenAPI document, and the document lists no
// route that does not exist. Colleagues add routes in parallel: the failure message says exactly
// what to add and where.

const API_ROOTS = ["app/api/v1", "app/api/c"];
const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function routeFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/cases/[id]/steps/route.ts → /api/v1/cases/{id}/steps (route groups dropped). */
function openApiPath(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1).filter((segment) => !/^\(.*\)$/.test(segment));
  return "/" + segments.map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
}

const served = API_ROOTS.flatMap(routeFiles).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(METHOD_EXPORT)].map((match) => ({ file, method: match[1]!.toLowerCase(), path: openApiPath(file) })),
);
const documented = new Set(API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`));

function howToDeclare({ file, method, path: route }: (typeof served)[number]): string {
  const area = route.split("/")[3] ?? "area";
  return [
    `${method.toUpperCase()} ${route} (${file}) is not in the OpenAPI document. Declare it once, and hand the declaration to its wrapper:`,
    `  1. In lib/api/<area>-operations.ts (e.g. lib/api/${area}-operations.ts), add to the area's defineOperations({ … }) table:`,
    `     <operationId>: { method: "${method}", path: "${route}", summary: "…", tag: "…",`,
    `       access: { kind: "staff", permission: "<permission>" } (or { kind: "customer_link" } / { kind: "public" }),`,
    `       request: { path/query/headers: z.object(…), body: <the zod schema the service parses>, example: <a plain value> },`,
    `       response: { status, description, body: <a zod response schema in lib/, also the handler's return type> },`,
    `       errors: [400, 404, …] }  (401/403/503 are added from access)`,
    `  2. In the route file: export const ${method.toUpperCase()} = apiRoute(<AREA>_OPERATIONS.<operationId>, handler) (customerRoute for app/api/c).`,
    `  3. A new area's table is spread into API_OPERATIONS in lib/api/api-operations.ts.`,
    `  Its authorisation matrix row, api("${method.toUpperCase()}", "…"), reads who may call it from the operation.`,
    `  See docs/decisions/0070-openapi-from-zod.md and 0087-one-declaration-per-route.md.`,
  ].join("\n");
}

describe("API routes and the OpenAPI document", () => {
  it("finds the route handlers it checks", () => {
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(served).toContainEqual(expect.objectContaining({ method: "post", path: "/api/v1/cases" }));
    expect(served).toContainEqual(expect.objectContaining({ method: "get", path: "/api/v1/cases/{id}" }));
  });

  it("documents every route handler under app/api/v1 and app/api/c", () => {
    const missing = served.filter((route) => !documented.has(`${route.method} ${route.path}`));
    expect(missing.map(howToDeclare).join("\n\n")).toBe("");
  });

  it("documents no route that does not exist", () => {
    const servedKeys = new Set(served.map((route) => `${route.method} ${route.path}`));
    const phantom = API_OPERATIONS.filter((operation) => !servedKeys.has(`${operation.method} ${operation.path}`)).map(
      (operation) => `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId}) is documented but no route.ts exports it`,
    );
    expect(phantom).toEqual([]);
  });
});
