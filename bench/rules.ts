// Benchmark: suggest + escalationReadiness over 100,000 varied generated cases (deterministic seed).
// Usage: npm run bench:rules [-- --cases 200000]. Target: median under 20 µs per case.
import { caseFactsSchema, NETWORKS, PLATFORMS, STATUS_MESSAGES, STEP_OUTCOMES, STORAGE_MODES, SYMPTOMS, type CaseFacts } from "@/lib/facts/schema";
import { type TriedStep } from "@/lib/rules/tried-step-schema";
import { escalationReadiness } from "@/lib/triage/readiness";
import { seededRandom } from "@/lib/util/seeded-random";
import { triageCase } from "@/lib/triage/triage-case";
import { RULE_IDS } from "@/lib/rules/rule-ids";
import { suggest } from "@/lib/rules/engine";
import { DEFAULT_RULE_SETTINGS, resolveSettings } from "@/lib/rules/settings";
import { runBenchmark } from "./support/run-benchmark";

const casesArg = process.argv.indexOf("--cases");
const CASES = casesArg > 0 ? Number(process.argv[casesArg + 1]) : 100_000;
const WARMUP = 5_000;
const NOW = new Date("2024-06-01T12:00:00Z");

const random = seededRandom(20_240_601);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const maybe = <T>(make: () => T): T | null => (random() < 0.35 ? null : make());
const bool = () => random() < 0.5;
const gb = (max: number) => Math.round(random() * max * 10) / 10;

function generateCase(): { facts: CaseFacts; triedSteps: TriedStep[] } {
  const deviceCount = 1 + Math.floor(random() * random() * 5);
  const devices = Array.from({ length: deviceCount }, (_, index) => {
    const platform = pick(PLATFORMS);
    return {
      key: `d${index}`,
      platform,
      model: maybe(() => "Some model"),
      osVersion: maybe(() => `${10 + Math.floor(random() * 9)}.${Math.floor(random() * 6)}`),
      icloudForWindowsVersion: platform === "windows" ? maybe(() => `${13 + Math.floor(random() * 4)}.0`) : null,
      icloudPhotosEnabled: maybe(bool),
      storageMode: maybe(() => pick(STORAGE_MODES)),
      freeStorageGb: maybe(() => gb(200)),
      lowPowerMode: maybe(bool),
      pluggedIn: maybe(bool),
      network: maybe(() => pick(NETWORKS)),
      vpn: maybe(bool),
      cellularDataForPhotos: maybe(bool),
      finderSync: maybe(bool),
      dateTimeAutomatic: maybe(bool),
    };
  });
  const totalGb = maybe(() => pick([5, 50, 200, 2000]));
  const facts: CaseFacts = {
    customer: { name: "Bench Customer", email: null },
    problemSince: maybe(() => new Date(NOW.getTime() - random() * 96 * 3_600_000).toISOString()),
    appleIdConsistent: maybe(bool),
    appleSystemStatus: pick(["ok", "ok", "ok", "unknown", "unknown", "outage"] as const),
    library: { itemCount: maybe(() => Math.floor(random() * 100_000)), sizeGb: maybe(() => gb(500)), hasLargeFiles: maybe(bool) },
    icloudStorage: { totalGb, freeGb: maybe(() => (totalGb === null ? gb(100) : gb(totalGb))) },
    devices,
    statusMessages: Array.from({ length: Math.floor(random() * 5) }, () => ({
      deviceKey: pick(devices).key,
      message: pick(STATUS_MESSAGES),
      text: maybe(() => "status text"),
      observedAt: new Date(NOW.getTime() - random() * 48 * 3_600_000).toISOString(),
      screenshotId: maybe(() => "shot"),
    })),
    symptoms: SYMPTOMS.filter(() => random() < 0.15),
  };
  const triedSteps: TriedStep[] = Array.from({ length: Math.floor(random() * random() * 25) }, () => {
    const outcome = pick(STEP_OUTCOMES);
    return {
      ruleId: pick(RULE_IDS),
      outcome,
      note: outcome === "not_applicable" ? "not relevant" : null,
      triedAt: new Date(NOW.getTime() - random() * 24 * 3_600_000),
    };
  });
  return { facts, triedSteps };
}

const cases = Array.from({ length: CASES }, generateCase);
// The generator must produce what the API would accept: validate a sample through the real schema.
for (let index = 0; index < cases.length; index += 997) caseFactsSchema.parse(cases[index]!.facts);

const tenantSettings = [DEFAULT_RULE_SETTINGS, resolveSettings({ disabledRules: ["test-fresh-shot"], thresholds: { lowDeviceStorageGb: 10 } })];

let sink = 0;
// Two ways to get both answers: the two public calls one after the other (what the issue measures),
// and triageCase(), which shares one rulebook evaluation between them (what the case page uses).
const variants = {
  "suggest + escalationReadiness": (index: number) => {
    const { facts, triedSteps } = cases[index]!;
    const settings = tenantSettings[index % tenantSettings.length]!;
    const result = suggest(facts, { triedSteps, settings, now: NOW });
    const readiness = escalationReadiness(facts, triedSteps, settings, NOW);
    sink += result.next.length + (readiness.ready ? 1 : 0);
  },
  "triageCase (one shared evaluation)": (index: number) => {
    const { facts, triedSteps } = cases[index]!;
    const settings = tenantSettings[index % tenantSettings.length]!;
    const { suggestions, escalation } = triageCase(facts, triedSteps, settings, NOW);
    sink += suggestions.next.length + (escalation.ready ? 1 : 0);
  },
};

// The last line is machine-readable and the exit code says whether it ran, like every benchmark's (issue 14).
runBenchmark(async () => {
  console.log(`cases evaluated:     ${cases.length.toLocaleString("en-US")} per variant (target: median < 20 µs)`);
  const summary = { bench: "rules", cases: cases.length, results: [] as { name: string; medianUs: number; p99Us: number }[] };
  for (const [name, run] of Object.entries(variants)) {
    for (let index = 0; index < WARMUP; index++) run(index % cases.length);
    const micros = new Float64Array(cases.length);
    const started = process.hrtime.bigint();
    for (let index = 0; index < cases.length; index++) {
      const before = process.hrtime.bigint();
      run(index);
      micros[index] = Number(process.hrtime.bigint() - before) / 1_000;
    }
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    micros.sort();
    const percentile = (p: number) => micros[Math.min(micros.length - 1, Math.floor((p / 100) * micros.length))]!;
    const median = percentile(50);
    console.log(`\n${name}`);
    console.log(`  median per case:   ${median.toFixed(2)} µs  -> ${median < 20 ? "target met" : "target NOT met"}`);
    console.log(`  p99 per case:      ${percentile(99).toFixed(2)} µs`);
    console.log(`  mean per case:     ${((totalMs * 1000) / cases.length).toFixed(2)} µs (incl. timer overhead)`);
    console.log(`  max per case:      ${micros[micros.length - 1]!.toFixed(2)} µs`);
    summary.results.push({ name, medianUs: Math.round(median * 100) / 100, p99Us: Math.round(percentile(99) * 100) / 100 });
  }
  if (sink < 0) console.log(sink);
  return summary;
});
