import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// docs/ARCHITECTURE.md is the one page a newcomer reads: every file or folder it names must exist,
// so the map cannot drift from the code unnoticed.

const DOC = "docs/ARCHITECTURE.md";
const TOP = "app|lib|components|prisma|scripts|tests|e2e|bench|docs";
const PATH = new RegExp(`(?<![\\w/.-])(?:${TOP})/[\\w\\-./\\[\\]()]*`, "g");

/** The paths a text names: `lib/cases/save-case.ts`, `app/(staff)/`, … (trailing punctuation dropped). */
function namedPaths(text: string): string[] {
  return [...new Set([...text.matchAll(PATH)].map((match) => match[0].replace(/[.,)]+$/, "").replace(/\/+$/, "")))];
}

describe(DOC, () => {
  const paths = namedPaths(readFileSync(DOC, "utf8"));

  it("names the code it maps", () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toContain("lib/tenancy/with-tenant.ts");
  });

  it("names only paths that exist", () => {
    expect(paths.filter((path) => !existsSync(path))).toEqual([]);
  });
});
