// Prisma's schema engine (the thing behind `prisma migrate`) compiled to WASM, driven
// through @prisma/adapter-pg. Needed because the Prisma CLI cannot download its native
// engine on this network. See docs/decisions/0002-offline-migrations.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { ScriptSafePgAdapterFactory } from "./schema-engine-adapter";

export type { SchemaEngine };

/**
 * Connection fields. Deliberately NOT a connection string: adapter-pg derives the shadow
 * database as `{ ...config, database: shadowName }`, and a `connectionString` would override
 * that `database`, making the "shadow" your real database (diff would then plan DROP TABLE).
 */
export interface PgConnectionFields {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function parsePostgresUrl(url: string): PgConnectionFields {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Database URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`Database URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("Database URL has no database name");
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

let wasmReady: Promise<void> | undefined;

/** Instantiates the WASM module once per process (importing the package's .wasm fails on Node 20). */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    installPanicRegistry();
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(engineBindings) });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

// The engine arms a 10 s timer (advisory-lock timeout) it never clears; unref its timers so
// they cannot keep a finished CLI or test process alive for 10 s.
function withUnrefTimers(bindings: typeof engineBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
    const original = imports[name] as unknown as (callback: () => void, ms: number) => NodeJS.Timeout;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = original(callback, ms);
      timer.unref?.();
      return timer;
    };
  }
  return imports;
}

let lastPanicMessage = "";
function installPanicRegistry() {
  // Without it, a Rust panic surfaces as "Cannot read properties of undefined (reading 'set_message')".
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanicMessage = message;
      if (process.env.SCHEMA_ENGINE_DEBUG) console.error("PANIC", message);
    },
  };
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  /** Runs an engine command, translating its errors into readable ones. */
  run<T>(command: string, call: (engine: SchemaEngine) => Promise<T>): Promise<T>;
}

/**
 * Opens a schema engine on `conn`, runs `fn`, and always frees the engine and closes connections.
 * `datamodels` are the Prisma schema files ([path, content]) when a command needs them.
 */
export async function withSchemaEngine<T>(
  conn: PgConnectionFields,
  fn: (session: SchemaEngineSession) => Promise<T>,
  opts: { datamodels?: [string, string][]; log?: (msg: string) => void } = {},
): Promise<T> {
  await loadWasm();
  // One connection: the engine's advisory lock and its statements then share a session, like the native engine.
  const pool = new pg.Pool({ ...conn, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the process
  const factory = bindMigrationAwareSqlAdapterFactory(
    new ScriptSafePgAdapterFactory(new PrismaPg(pool)) as unknown as SqlMigrationAwareDriverAdapterFactory,
  );
  const debug = (message: string) => opts.log?.(`[schema-engine] ${message}`);
  let engine: SchemaEngine | undefined;
  try {
    engine = await engineBindings.SchemaEngine.new(
      { datamodels: opts.datamodels?.length ? opts.datamodels : undefined },
      debug,
      factory,
    ).catch((error: unknown) => {
      throw translateEngineError(error, "connect");
    });
    const session: SchemaEngineSession = {
      engine,
      run: (command, call) =>
        call(engine!).catch((error: unknown) => {
          throw translateEngineError(error, command);
        }),
    };
    return await fn(session);
  } finally {
    engine?.free();
    await pool.end().catch(() => {});
  }
}

class SchemaEngineError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "SchemaEngineError";
  }
}

function translateEngineError(error: unknown, command: string): Error {
  const e = error as Error & { code?: string };
  if (e?.name === "RuntimeError") {
    return new SchemaEngineError(`Schema engine panicked during ${command}: ${lastPanicMessage || e.message}`);
  }
  const message = String(e?.message ?? error);
  // Engine errors carry a Rust span trace; keep the first meaningful lines, name the migration.
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  const dbError = /Error querying the database: (.+)/.exec(message)?.[1];
  const summary = dbError ?? message.split("\n   0: ")[0]!.replace(/^external connector error\n/, "").trim();
  const prefix = migration ? `Migration ${migration} failed` : `Schema engine ${command} failed`;
  const hint = migration
    ? `\nIt is recorded as failed in _prisma_migrations and blocks later runs (P3009): undo its partial effects, ` +
      `delete its _prisma_migrations row (or set rolled_back_at), fix the SQL, and run again.`
    : "";
  const wrapped = new SchemaEngineError(`${prefix}${e?.code ? ` (${e.code})` : ""}: ${summary}${hint}`, e?.code);
  wrapped.cause = error;
  return wrapped;
}
