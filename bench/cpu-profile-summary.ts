// `tsx bench/cpu-profile-summary.ts <file.cpuprofile>` — where a server's CPU time went, from a
// profile written by `node --cpu-prof` (bench:load with BENCH_LOAD_CPU_PROF_DIR): self time by
// area (Next.js, React, Prisma, pg, our bundled code, Node internals, GC, idle) and the hottest
// functions. Decision 0083 quotes its output.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [string, RegExp][] = [
  ["Prisma client (query compiler, interpreter, adapter)", /node_modules\/(@prisma|\.prisma|prisma)\//],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass)\//],
  ["React (server rendering)", /react-dom|react-server|node_modules\/react\//],
  ["next-auth / jose", /next-auth|jose|openid/],
  ["Next.js server", /node_modules\/next\//],
  ["app bundle (.next/server chunks: our code and bundled packages)", /\.next\/server\//],
  ["other packages", /node_modules\//],
  ["Node internals (HTTP, streams, crypto, timers)", /^node:|^internal\//],
];

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)") return "(program: native, not attributed)";
  if (url.includes("cpu-profile-preload")) return "the profiler itself (measurement overhead)";
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area;
  return url ? `other (${url.split("/").slice(-2).join("/")})` : "native / unattributed";
}

const file = process.argv[2];
if (!file) {
  console.error("Usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile>");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
// Native frames (writev, the WASM query compiler, …) count for the JavaScript that called them.
const UNATTRIBUTED = new Set(["native / unattributed", "Node internals (HTTP, streams, crypto, timers)"]);
function attributedArea(id: number): string {
  const own = areaOf(byId.get(id)!);
  if (!UNATTRIBUTED.has(own) && !own.startsWith("other (wasm")) return own;
  for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) {
    const area = areaOf(byId.get(parent)!);
    if (!UNATTRIBUTED.has(area) && !area.startsWith("other (wasm")) return `${area} (incl. native/Node calls it makes)`;
  }
  return own;
}
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
const areas = new Map<string, number>();
const attributed = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  areas.set(areaOf(node), (areas.get(areaOf(node)) ?? 0) + ms);
  attributed.set(attributedArea(id), (attributed.get(attributedArea(id)) ?? 0) + ms);
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${url.replace(/^.*node_modules\//, "").replace(/^.*\.next\//, ".next/")}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + ms);
}
const busy = total - (areas.get("idle") ?? 0);
const pct = (ms: number, of: number) => `${((ms / of) * 100).toFixed(1).padStart(5)}%`;

console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy\n`);
console.log("Self time by area (share of busy time):");
for (const [area, ms] of [...areas].filter(([area]) => area !== "idle").sort((a, b) => b[1] - a[1])) {
  console.log(`  ${pct(ms, busy)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${area}`);
}
console.log("\nThe same, native and Node time counted for the nearest caller in a known area:");
for (const [area, ms] of [...attributed].filter(([area]) => area !== "idle").sort((a, b) => b[1] - a[1])) {
  console.log(`  ${pct(ms, busy)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${area}`);
}
console.log("\nHottest functions (self time):");
for (const [name, ms] of [...functions].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${pct(ms, busy)}  ${name}`);
}
