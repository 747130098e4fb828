import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every way into the app, read from the file system the way Next.js routes it: each exported HTTP
// method of each app/**/route.ts, each app/**/page.tsx, and each export of a "use server" module.

export interface AppEntry {
  key: string;
  file: string;
  /** What the entry's own code says about who may use it, to suggest a matrix row. */
  permissionHint: string | null;
}

const ROOT = process.cwd(); // Vitest runs from the repository root
const APP = path.join(ROOT, "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** URL path of a route or page file: route groups "(x)" and private folders "_x" are not in URLs. */
function urlPath(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function hint(source: string): string | null {
  return (
    /(?:requireStaffPage|requireStaffAction)\(\s*"([^"]+)"/.exec(source)?.[1] ??
    /(?:apiRoute(?:<[^>]*>)?|customerRoute)\(\s*(\w+_OPERATIONS\.\w+)/.exec(source)?.[1] ??
    (/requireStaffPage\(\)/.test(source) ? "signed in" : null)
  );
}

export function appEntries(): AppEntry[] {
  const entries: AppEntry[] = [];
  for (const file of walk(APP)) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    if (relative.split("/").some((segment) => segment.startsWith("_"))) continue; // private folders are not routable
    const source = readFileSync(file, "utf8");
    if (/\/route\.(ts|tsx|js)$/.test(relative)) {
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source);
        if (exported) entries.push({ key: `${method} ${urlPath(file)}`, file: relative, permissionHint: hint(source) });
      }
    } else if (/\/page\.(tsx|ts|jsx|js)$/.test(relative)) {
      entries.push({ key: `PAGE ${urlPath(file)}`, file: relative, permissionHint: hint(source) });
    } else if (/^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) {
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) {
        entries.push({ key: `ACTION ${relative}#${match[1]}`, file: relative, permissionHint: hint(source.slice(match.index)) });
      }
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/** Inline "use server" functions inside components: the matrix cannot list them, so they are refused. */
export function inlineServerActions(): string[] {
  return walk(APP)
    .filter((file) => /\.(tsx?|jsx?)$/.test(file))
    .filter((file) => {
      const source = readFileSync(file, "utf8");
      const topLevel = /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source);
      return !topLevel && /["']use server["']/.test(source);
    })
    .map((file) => path.relative(ROOT, file));
}
