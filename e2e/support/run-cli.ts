import { spawnSync } from "node:child_process";

/** Runs an npm script's tsx entry point the way a person would, and returns its output. */
export function runTsx(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("node_modules/.bin/tsx", [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
