import { describe, expect, it } from "vitest";
import { folderCycles, importsOf, sourceFiles, topFolder } from "@/tests/support/import-graph";

// The edges between folders that keep lib/ a one-way stack (docs/ARCHITECTURE.md): no folder of
// lib/ reaches back into one that reaches it, domain folders never lean on the demo data, lib/ knows
// nothing of Next.js, and the app never loads the start-up tooling in lib/db/setup.

const LIB = sourceFiles(["lib"]);

describe("folder edges", () => {
  it("finds the code it checks", () => {
    expect(LIB.length).toBeGreaterThan(100);
    expect(importsOf("lib/cases/save-case.ts")).toContain("lib/tenancy/with-tenant.ts");
  });

  it("has no import circle between folders of lib/", () => {
    const cycles = folderCycles(LIB).map((cycle) => cycle.map((edge) => `${edge.from} → ${edge.to} (${edge.file})`).join("\n    "));
    expect(cycles, `Folders of lib/ that import each other (move the shared piece down, or the caller up):\n    ${cycles.join("\n\n    ")}`).toEqual([]);
  });

  it("keeps the demo data out of every folder of lib/ but lib/demo", () => {
    const leaks = LIB.filter((file) => topFolder(file) !== "demo").filter((file) => importsOf(file).some((target) => target.startsWith("lib/demo/")));
    expect(leaks, "lib/ imports lib/demo: give the value its own home (OpenAPI examples live in lib/api/examples)").toEqual([]);
  });

  it("keeps Next.js and app/ out of lib/", () => {
    const leaks = LIB.filter((file) => importsOf(file, { packages: true }).some((target) => /^(next|next-auth)(\/|$)|^app\//.test(target)));
    expect(leaks).toEqual([]);
  });

  it("never loads the start-up tooling (lib/db/setup) from the app", () => {
    const appFiles = sourceFiles(["app", "components", "instrumentation.ts"]).concat(LIB.filter((file) => !/^lib\/(db\/setup|demo)\//.test(file)));
    const leaks = appFiles.filter((file) => importsOf(file).some((target) => target.startsWith("lib/db/setup/")));
    expect(leaks, "lib/db/setup is for npm start, the CLIs, tests and benchmarks").toEqual([]);
  });
});
