import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Rebuilds only when the inputs of the build changed since the last one (a content hash, so a
// fresh clone, a pull or an edit all trigger it, and a plain restart does not).
const INPUTS = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = ".next/pst-build-fingerprint";

export async function buildIfNeeded(): Promise<void> {
  const fingerprint = sourceFingerprint();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint) {
    console.log("[build] up to date");
    return;
  }
  console.log("[build] building the app (next build)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see the output above)");
  writeFileSync(STAMP, fingerprint);
}

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) for (const file of listFiles(input)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  // The generated client follows from prisma/schema.prisma, which is hashed already.
  if (entry === path.join("lib", "db", "generated")) return [];
  return readdirSync(entry, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => listFiles(path.join(entry, d.name)));
}
