// The files beside an embedded PostgreSQL's data directory, and what a crashed run leaves behind:
// `<dataDir>-credentials.json` (the superuser's password, 0600), `<dataDir>-runtime.json`
// ({ port, pid, ownerPid } while a server runs, so other processes can find and reuse it), and a
// postmaster orphaned by a killed Node process. Starting and stopping the server: embedded-postgres.ts.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const APP_DATABASE_NAME = "photo_sync_triage";
const SUPERUSER = "postgres";

export interface Credentials {
  user: string;
  password: string;
}

export interface RuntimeInfo {
  port: number;
  /** postmaster pid */
  pid: number;
  /** pid of the Node process that started (and will stop) the server */
  ownerPid: number;
}

const credentialsPathFor = (dataDir: string) => `${path.resolve(dataDir)}-credentials.json`;
export const runtimePathFor = (dataDir: string) => `${path.resolve(dataDir)}-runtime.json`;

export function buildPostgresUrl(creds: Credentials, port: number, database = APP_DATABASE_NAME): string {
  const user = encodeURIComponent(creds.user);
  const password = encodeURIComponent(creds.password);
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server another live process started from this data dir, if any (persistent mode only). */
export async function findRunningEmbeddedPostgres(
  dataDir: string,
): Promise<(RuntimeInfo & { adminUrl: string }) | null> {
  const runtime = await readJson<RuntimeInfo>(runtimePathFor(dataDir));
  const creds = await readJson<Credentials>(credentialsPathFor(dataDir));
  if (!runtime || !creds) return null;
  if (!isProcessAlive(runtime.pid) || !isProcessAlive(runtime.ownerPid)) return null;
  return { ...runtime, adminUrl: buildPostgresUrl(creds, runtime.port) };
}

export async function makeTempRoot(parent: string | undefined): Promise<string> {
  const base = parent ? path.resolve(parent) : os.tmpdir();
  await fs.mkdir(base, { recursive: true });
  const root = await fs.mkdtemp(path.join(base, "pst-pg-"));
  // The server runs as the unprivileged `postgres` user, which must be able to traverse into root/data.
  await fs.chmod(root, 0o711);
  return root;
}

export function newCredentials(): Credentials {
  return { user: SUPERUSER, password: randomBytes(24).toString("base64url") };
}

export async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = credentialsPathFor(dataDir);
  const existing = await readJson<Credentials>(file);
  if (existing) return existing;
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `PostgreSQL data directory ${dataDir} exists but its credentials file ${file} is missing. ` +
        `Restore the file, or delete ${dataDir} to start with an empty database.`,
    );
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const creds = newCredentials();
  // 'wx': never overwrite credentials another starter wrote a moment ago.
  await fs.writeFile(file, JSON.stringify(creds, null, 2) + "\n", { mode: 0o600, flag: "wx" }).catch(async (e) => {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  });
  return (await readJson<Credentials>(file))!;
}

// After a crash (kill -9 of the Node process) the postmaster may still be running
// orphaned, or postmaster.pid may point at a dead (or recycled) pid.
export async function clearStalePostmaster(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => null);
  if (content === null) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !(await isPostgresProcess(pid))) {
    log(`Removing stale ${pidFile} (pid ${pid} is not running)`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  const runtime = await readJson<RuntimeInfo>(runtimePathFor(dataDir));
  if (runtime && runtime.pid === pid && runtime.ownerPid !== process.pid && isProcessAlive(runtime.ownerPid)) {
    throw new Error(
      `Embedded PostgreSQL for ${dataDir} is already running on port ${runtime.port} ` +
        `(started by process ${runtime.ownerPid}). Connect to it instead of starting another.`,
    );
  }
  log(`Stopping orphaned PostgreSQL (pid ${pid}) left behind by a process that exited without stopping it`);
  await terminatePostmaster(pid);
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  return cmdline === null ? true /* not Linux: assume it is, be conservative */ : cmdline.includes("postgres");
}

async function terminatePostmaster(pid: number): Promise<void> {
  // SIGINT = fast shutdown; SIGQUIT = immediate shutdown if fast one hangs.
  for (const [signal, waitMs] of [["SIGINT", 15_000], ["SIGQUIT", 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isProcessAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new Error(`Could not stop orphaned PostgreSQL process ${pid}; stop it manually and retry.`);
}

export async function removeRuntimeFileIfOwned(dataDir: string): Promise<void> {
  const runtime = await readJson<RuntimeInfo>(runtimePathFor(dataDir));
  if (runtime?.ownerPid === process.pid) await fs.rm(runtimePathFor(dataDir), { force: true });
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

