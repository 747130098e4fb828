import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The product as `npm start` runs it (scripts/start.ts: migrations, app role, `next build` when the
// sources changed, then our HTTP server scripts/serve.ts in front of Next.js), pointed at a database
// the benchmark prepared. Every client of a benchmark connects from 127.0.0.1 with a few tokens, so
// the rate limits are raised far out of reach: each request still pays for counting in PostgreSQL
// (as in production), but none is refused.

export interface ProductServer {
  baseUrl: string;
  /** Starts, then (called again) stops and writes, the server's CPU profile (when started with cpuProfileDir). */
  toggleCpuProfile(): void;
  /** Resident memory of the server's process tree (the start script excluded), in MiB. */
  rssMb(): number;
  /** The server's latest output lines that report a failure (e.g. a route's "… failed" log). */
  failureLines(): string[];
  stop(): Promise<void>;
}

export async function startProduct(options: {
  port: number;
  adminUrl: string;
  appPassword: string;
  dataDir: string;
  /** Where the server writes CPU profiles on SIGUSR2 (bench/support/cpu-profile-preload.cjs); none when absent. */
  cpuProfileDir?: string;
  log?: (message: string) => void;
}): Promise<ProductServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: options.adminUrl,
      APP_DATABASE_PASSWORD: options.appPassword,
      PORT: String(options.port),
      PST_DATA_DIR: options.dataDir,
      NEXTAUTH_URL: baseUrl,
      API_TOKEN_REQUESTS_PER_MINUTE: "1000000000",
      ANONYMOUS_REQUESTS_PER_MINUTE: "1000000000",
      ...(options.cpuProfileDir
        ? { NODE_OPTIONS: `--require ${path.resolve("bench/support/cpu-profile-preload.cjs")}`, PST_CPU_PROFILE_DIR: path.resolve(options.cpuProfileDir) }
        : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  options.log?.("Starting the product (npm start: builds first when the sources changed)…");
  const deadline = Date.now() + 15 * 60_000;
  while (!(await healthy(baseUrl))) {
    if (child.exitCode !== null) throw new Error(`The product exited with code ${child.exitCode} before it served:\n${output.join("").slice(-3000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The product did not answer /api/health within 15 minutes:\n${output.join("").slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return {
    baseUrl,
    toggleCpuProfile: () => {
      // The server is the node process running scripts/serve.ts (scripts/start.ts spawns it).
      for (const pid of descendants(child.pid!)) if (/^\S*node\S* .*scripts\/serve\.ts/.test(readCmdline(pid))) process.kill(pid, "SIGUSR2");
    },
    rssMb: () => descendants(child.pid!).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024,
    failureLines: () => output.join("").split("\n").filter((line) => /failed|error/i.test(line)).slice(-10),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => stopTree(child), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Every process below `root` (not `root` itself, which is the start script's own tsx/node). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may contain spaces) start with state, then ppid.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  // The start script runs as tsx → node: its own node process is not the server.
  return found.filter((pid) => !readCmdline(pid).includes("scripts/start.ts"));
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function stopTree(child: ChildProcess) {
  for (const pid of descendants(child.pid!)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  child.kill("SIGKILL");
}
