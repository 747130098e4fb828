// Two fixes to @prisma/adapter-pg (7.10.1) for use by the schema engine. Both patch adapter
// instances (relying on its internals `performIO`/`onError`), so re-check on adapter upgrades;
// tests/integration/migrations.test.ts exercises both.
import type { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type pg from "pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
interface AdapterInternals {
  performIO(query: unknown): Promise<pg.QueryResult>;
  onError(error: unknown): never;
  underlyingDriver(): pg.Pool;
  executeScript(script: string): Promise<void>;
}

// adapter-pg throws on built-in types it cannot map, e.g. pg_catalog's "char" (OID 18:
// relkind, contype, ...), which the engine's schema describer reads. Their values arrive as
// text; report "char" as Character (the describer reads it as a char) and the others as Text.
const CHAR_OID = 18;
const TEXT_OID = 25;
const OTHER_TEXT_OIDS = new Set([24 /* regproc */, 194 /* pg_node_tree */, 2205 /* regclass */]);

function patchAdapter<T extends PgAdapter>(adapter: T): T {
  const internals = adapter as unknown as AdapterInternals & { queryRaw: PgAdapter["queryRaw"] };
  // adapter-pg splits scripts on ";", which breaks functions/DO blocks ($$ ... ; ... $$) and
  // string literals. PostgreSQL runs a multi-statement string natively (one implicit
  // transaction, as with the native engine), so send the script whole.
  internals.executeScript = async (script: string) => {
    try {
      await internals.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  const performIO = internals.performIO.bind(adapter);
  const queryRaw = internals.queryRaw;
  internals.queryRaw = async (query) => {
    let charColumns: number[] = [];
    // Per-call `this` so concurrent queries cannot mix up their column lists.
    const self = Object.create(adapter, {
      performIO: {
        value: async (q: unknown) => {
          const result = await performIO(q);
          charColumns = [];
          result.fields.forEach((field, i) => {
            if (field.dataTypeID === CHAR_OID) charColumns.push(i);
            if (field.dataTypeID === CHAR_OID || OTHER_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
          });
          return result;
        },
      },
    });
    const result = await queryRaw.call(self, query);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

/** Wraps PrismaPg so every adapter it hands out (main and shadow) carries the fixes above. */
export class ScriptSafePgAdapterFactory {
  readonly provider: PrismaPg["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: PrismaPg) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect() {
    return patchAdapter(await this.inner.connect());
  }

  async connectToShadowDb() {
    return patchAdapter(await this.inner.connectToShadowDb());
  }
}
