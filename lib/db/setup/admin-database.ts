// Where the owner/admin database connection comes from, in order:
//   1. DATABASE_URL (a managed PostgreSQL, CI service, ...);
//   2. the embedded server another local process already runs from .data/postgres;
//   3. start the embedded server from .data/postgres ourselves (release() stops it).
import path from "node:path";
import { DATA_DIR } from "@/lib/db/setup/local-secrets";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { findRunningEmbeddedPostgres } from "./embedded-postgres-files";

export interface AdminDatabase {
  adminUrl: string;
  /** Stops the embedded server if this call started it; otherwise does nothing. */
  release(): Promise<void>;
  /** True when the URL points at the local embedded server (started here or already running). */
  embedded: boolean;
}

// PST_DATA_DIR moves everything local (database, secrets) elsewhere, e.g. for the e2e server.
const DEFAULT_EMBEDDED_DATA_DIR = path.join(DATA_DIR, "postgres");

export async function resolveAdminDatabase(
  opts: { dataDir?: string; log?: (msg: string) => void } = {},
): Promise<AdminDatabase> {
  const log = opts.log ?? (() => {});
  const noop = async () => {};
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) {
    log("Using DATABASE_URL");
    return { adminUrl: fromEnv, release: noop, embedded: false };
  }
  const dataDir = opts.dataDir ?? DEFAULT_EMBEDDED_DATA_DIR;
  const running = await findRunningEmbeddedPostgres(dataDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running.port} (process ${running.ownerPid})`);
    return { adminUrl: running.adminUrl, release: noop, embedded: true };
  }
  log(`Starting embedded PostgreSQL from ${path.relative(process.cwd(), dataDir) || dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log });
  return { adminUrl: server.adminUrl, release: () => server.stop(), embedded: true };
}
