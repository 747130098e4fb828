import { Session } from "node:inspector/promises";
import pg from "pg";

// Where a service call's wall time goes (decision 0085): time waiting for PostgreSQL — every
// statement's round trip measured at the driver, from pg.Client#query being called to its promise
// settling (so it includes pg writing the statement and parsing the answer) — and the rest, time in
// Node (Prisma's own work, our services, zod, GC). A second pass runs the same calls under V8's
// sampling profiler (in this process, benchmark only) to split Node's busy time by area.

interface StatementCost {
  /** 1-based position in the call. */
  position: number;
  label: string;
  meanMs: number;
  /** Node time between the previous statement's answer (or the call's start) and this statement. */
  nodeBeforeMs: number;
}

export interface CallBreakdown {
  wallMs: number;
  databaseMs: number;
  nodeMs: number;
  statements: number;
  /** Each statement of the call, mean over the runs, in call order. */
  perStatement: StatementCost[];
  /** Node time after the last statement's answer (building the result). */
  nodeAfterMs: number;
  /** Node's busy time by area (ms per call), from the profiling pass; idle excluded. */
  nodeAreas: Record<string, number>;
}

type QueryProto = { query: (...args: unknown[]) => unknown };

/** Runs `fn` `runs` times (after a warm-up) with every statement timed at the driver, then once more under the profiler. */
export async function breakdownOf(fn: (iteration: number) => Promise<unknown>, runs: number, firstIteration: number): Promise<CallBreakdown> {
  for (let i = 0; i < 5; i++) await fn(firstIteration + i);
  const proto = pg.Client.prototype as unknown as QueryProto;
  const original = proto.query;
  type Timed = { label: string; ms: number; start: number; end: number; nodeBefore: number };
  let current: Timed[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    const entry: Timed = { label: labelOf(args[0]), ms: 0, start, end: start, nodeBefore: 0 };
    current.push(entry);
    const settle = () => {
      entry.end = performance.now();
      entry.ms = entry.end - start;
    };
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(settle, settle);
    return result;
  };
  const calls: { wall: number; statements: Timed[]; after: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      current = [];
      const t0 = performance.now();
      await fn(firstIteration + 5 + i);
      const t1 = performance.now();
      current.forEach((entry, index) => (entry.nodeBefore = entry.start - (index === 0 ? t0 : current[index - 1]!.end)));
      calls.push({ wall: t1 - t0, statements: current, after: t1 - (current.at(-1)?.end ?? t0) });
    }
  } finally {
    proto.query = original;
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const wallMs = mean(calls.map((call) => call.wall));
  const databaseMs = mean(calls.map((call) => call.statements.reduce((sum, s) => sum + s.ms, 0)));
  const statements = Math.round(mean(calls.map((call) => call.statements.length)));
  const perStatement = calls[0]!.statements.map((statement, index) => {
    const same = calls.filter((call) => call.statements[index]?.label === statement.label).map((call) => call.statements[index]!);
    return { position: index + 1, label: statement.label, meanMs: mean(same.map((s) => s.ms)), nodeBeforeMs: mean(same.map((s) => s.nodeBefore)) };
  });
  const nodeAfterMs = mean(calls.map((call) => call.after));
  const nodeAreas = await profileAreas(fn, runs, firstIteration + 5 + runs);
  return { wallMs, databaseMs, nodeMs: wallMs - databaseMs, statements, perStatement, nodeAfterMs, nodeAreas };
}

// "SELECT Case", "INSERT CaseEvent", "UPDATE Case", "BEGIN", "set_config"…: enough to tell a call's statements apart.
function labelOf(query: unknown): string {
  const text = (typeof query === "string" ? query : ((query as { text?: string } | null)?.text ?? "")).replace(/\s+/g, " ").trim();
  if (/set_config/.test(text)) return "set_config";
  const verb = (/^\w+/.exec(text)?.[0] ?? "?").toUpperCase();
  if (!/^(SELECT|INSERT|UPDATE|DELETE|WITH)$/.test(verb)) return verb;
  const table = /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"?(\w+)"?/i.exec(text)?.[1] ?? "";
  const count = verb === "SELECT" && /^SELECT COUNT\(/i.test(text) ? " count" : "";
  const forUpdate = / FOR UPDATE/i.test(text) ? " FOR UPDATE" : "";
  return `${verb}${count} ${table}${forUpdate}`.trim();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const AREAS: [string, RegExp][] = [
  ["Prisma", /node_modules\/(@prisma|\.prisma|prisma)\/|\/lib\/db\/generated\//],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-\w+)\//],
  ["zod", /node_modules\/zod\//],
  ["rules engine", /\/lib\/(rules|triage|escalation)\//],
  ["our services", /\/lib\//],
  // The timing loop itself and the async resumption around it (and the in-process profiler's cost).
  ["benchmark harness", /\/bench\//],
];

function areaOf(node: ProfileNode): string | null {
  const { url, functionName } = node.callFrame;
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "GC";
  if (!url || /^node:|^internal\//.test(url) || url.startsWith("wasm")) return null; // native/Node: counted for its caller
  const known = AREAS.find(([, pattern]) => pattern.test(url))?.[0];
  if (known) return known;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  return inPackage ?? `other (${url.split("/").slice(-2).join("/")})`;
}

async function profileAreas(fn: (iteration: number) => Promise<unknown>, runs: number, firstIteration: number): Promise<Record<string, number>> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    for (let i = 0; i < runs; i++) await fn(firstIteration + i);
    const { profile } = await session.post("Profiler.stop");
    const nodes = profile.nodes as ProfileNode[];
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const parentOf = new Map<number, number>();
    for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const areaFor = (id: number): string => {
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const area = areaOf(byId.get(at)!);
        if (area) return area;
      }
      return "Node internals";
    };
    const totals: Record<string, number> = {};
    (profile.samples ?? []).forEach((id, index) => {
      const area = areaFor(id);
      totals[area] = (totals[area] ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000 / runs;
    });
    delete totals.idle;
    return totals;
  } finally {
    await session.post("Profiler.disable").catch(() => undefined);
    session.disconnect();
  }
}

/** The compact table bench:api prints after its main one. */
export function printBreakdowns(rows: { name: string; breakdown: CallBreakdown }[]): void {
  const f = (ms: number) => ms.toFixed(2).padStart(6);
  console.log("\nWhere a call's time goes (mean ms per call; PostgreSQL = statement round trips at the driver; Node = the rest):");
  console.log(`${"".padEnd(34)} wall    PostgreSQL  Node   statements   Node's busy time by area (profiled pass, ms per call)`);
  for (const { name, breakdown: b } of rows) {
    const areas = Object.entries(b.nodeAreas).sort((a, z) => z[1] - a[1]).map(([area, ms]) => `${area} ${ms.toFixed(1)}`).join(", ");
    console.log(`${name.padEnd(34)}${f(b.wallMs)}  ${f(b.databaseMs)}    ${f(b.nodeMs)}  ${String(b.statements).padStart(5)}        ${areas}`);
  }
  console.log("\nEach call's statements in order: round trip ms (+ Node ms before it, when ≥ 0.5), mean over the runs:");
  for (const { name, breakdown: b } of rows) {
    const steps = b.perStatement.map((s) => `#${s.position} ${s.label} ${s.meanMs.toFixed(2)}${s.nodeBeforeMs >= 0.5 ? ` (+${s.nodeBeforeMs.toFixed(1)})` : ""}`);
    console.log(`  ${name}: ${steps.join(" · ")} · then Node ${b.nodeAfterMs.toFixed(1)}`);
  }
}
