// `npm test`: every suite, in order of speed — typecheck, lint (ESLint), dead code (knip), rulebook
// freshness, unit and integration tests (Vitest, real embedded PostgreSQL), end-to-end tests
// (Playwright + Chromium). Prints one closing line "N passed, N failed" and exits non-zero when
// anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const REPORT_DIR = path.resolve(".data/test-reports");
const only = new Set((process.env.TEST_SUITES ?? "typecheck,lint,knip,rulebook,vitest,e2e").split(","));
let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(label);
  return ok;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
}

function ensureChromium(): boolean {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing at ${chromium}. Install Debian's package: sudo apt-get install -y chromium`);
    return false;
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  return run("install chromium", "bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
}

rmSync(REPORT_DIR, { recursive: true, force: true });
mkdirSync(REPORT_DIR, { recursive: true });
const bin = (name: string) => path.resolve("node_modules/.bin", name);

if (only.has("typecheck") && run("typecheck", bin("tsc"), ["--noEmit", "-p", "."])) passed += 1;
else if (only.has("typecheck")) failed += 1;

if (only.has("lint") && run("lint (ESLint)", bin("eslint"), ["."])) passed += 1;
else if (only.has("lint")) failed += 1;

if (only.has("knip") && run("dead code (knip)", bin("knip"), [])) passed += 1;
else if (only.has("knip")) failed += 1;

if (only.has("rulebook") && run("docs/rulebook.md is up to date", bin("tsx"), ["scripts/generate-rulebook.ts", "--check"])) passed += 1;
else if (only.has("rulebook")) failed += 1;

if (only.has("vitest")) {
  const file = path.join(REPORT_DIR, "vitest.json");
  run("unit + integration (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  countVitest(file);
}

if (only.has("e2e")) {
  if (ensureChromium()) {
    const file = path.join(REPORT_DIR, "playwright.json");
    run("end-to-end (Playwright + Chromium)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    countPlaywright(file);
  } else {
    failed += 1;
    failures.push("chromium unavailable");
  }
}

const failedSuites = failed > 0 && failures.length === 0 ? ["tests"] : failures;
console.log(`\n${failedSuites.length ? `Failed: ${failedSuites.join("; ")}` : "All suites passed"}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSuites.length ? 1 : 0);
