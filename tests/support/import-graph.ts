import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The project's import graph read from the source text (the `@/` alias and relative paths), for
// the tests that keep folder edges (tests/unit/folder-edges.test.ts) and the client/server line
// (tests/unit/client-boundary.test.ts). Type-only imports count: they are dependencies too.

const ROOT = process.cwd(); // Vitest runs from the repository root
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s([^;]*?)from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every .ts/.tsx file under the given folders (or the files themselves), repository-relative, generated code left out. */
export function sourceFiles(roots: string[]): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(ROOT, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isFile()) {
      if (/\.tsx?$/.test(relative)) found.push(relative);
      return;
    }
    for (const entry of readdirSync(full)) {
      if (entry === "generated" || entry === "node_modules") continue;
      walk(path.posix.join(relative, entry));
    }
  };
  roots.forEach(walk);
  return found.sort();
}

/** The folder of lib/ a file belongs to: lib/cases/view/case-view.ts → "cases". */
export function topFolder(file: string): string {
  return file.split("/")[1] ?? "";
}

function resolveModule(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  if (/\.(ts|tsx)$/.test(base) && existsSync(path.join(ROOT, base))) return base;
  for (const extension of EXTENSIONS) {
    if (existsSync(path.join(ROOT, base + extension))) return base + extension;
  }
  return base; // a data file (JSON, PNG) or generated code: named as written
}

interface FileImports {
  files: string[];
  packages: string[];
  /** The same, without `import type` / `export type` statements (erased when compiled). */
  valueFiles: string[];
  valuePackages: string[];
}

const cache = new Map<string, FileImports>();

function read(file: string): FileImports {
  let entry = cache.get(file);
  if (!entry) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    entry = { files: [], packages: [], valueFiles: [], valuePackages: [] };
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[2] ?? match[3] ?? match[4]!;
      const typeOnly = /^type\s/.test(match[1] ?? "");
      const resolved = resolveModule(file, specifier);
      (resolved ? entry.files : entry.packages).push(resolved ?? specifier);
      if (!typeOnly) (resolved ? entry.valueFiles : entry.valuePackages).push(resolved ?? specifier);
    }
    cache.set(file, entry);
  }
  return entry;
}

/** What a file imports: project files (repository-relative); with `packages` also bare package names. */
export function importsOf(file: string, options: { packages?: boolean } = {}): string[] {
  const entry = read(file);
  return options.packages ? [...entry.files, ...entry.packages] : entry.files;
}

/** What loading a file at run time loads: type-only imports left out. */
export function runtimeImportsOf(file: string): { files: string[]; packages: string[] } {
  const entry = read(file);
  return { files: entry.valueFiles, packages: entry.valuePackages };
}

export interface FolderEdge {
  from: string;
  to: string;
  /** One file that makes the edge, for the failure message. */
  file: string;
}

/** The import circles between folders of lib/ (each as the edges that close it); none in a one-way stack. */
export function folderCycles(files: string[]): FolderEdge[][] {
  const edges = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = topFolder(file);
    for (const target of importsOf(file)) {
      if (!target.startsWith("lib/")) continue;
      const to = topFolder(target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, file);
    }
  }
  // Depth-first search; each back edge closes a circle, reported once per set of folders.
  const cycles: FolderEdge[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (folder: string) => {
    state.set(folder, "open");
    stack.push(folder);
    for (const [to, file] of edges.get(folder) ?? []) {
      if (state.get(to) === "open") {
        const loop = [...stack.slice(stack.indexOf(to)), to];
        const key = [...new Set(loop)].sort().join(",");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(loop.slice(0, -1).map((at, index) => ({ from: at, to: loop[index + 1]!, file: index === loop.length - 2 ? file : edges.get(at)!.get(loop[index + 1]!)! })));
        }
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(folder, "done");
  };
  for (const folder of [...edges.keys()].sort()) if (!state.has(folder)) visit(folder);
  return cycles;
}
