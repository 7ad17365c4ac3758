import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import {
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type Transaction,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages (a directory or a redacted URL). */
  location: string;
  close(): Promise<void>;
};

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** PGlite type parsers matching the ones set for `pg`, so both backends return the same JS values. */
const pgliteParsers = {
  [INT8]: (value: string) => Number(value),
  [NUMERIC]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
};

let pgParsersInstalled = false;
function installPgParsers(): void {
  if (pgParsersInstalled) return;
  pg.types.setTypeParser(INT8, (value: string) => Number(value));
  pg.types.setTypeParser(NUMERIC, (value: string) => Number(value));
  pg.types.setTypeParser(DATE, (value: string) => value);
  pgParsersInstalled = true;
}

/** The extensions Sekimori uses; bundled with PGlite, contrib packages on a PostgreSQL server. */
export const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch };

/** Opens a PGlite instance with the project's extensions and parsers (a directory, memory, or a dump). */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
}

/**
 * Serialises access to PGlite's single connection. Kysely's PGlite driver hands the same connection
 * to every caller, so without this two concurrent requests could run inside each other's transaction.
 * Inside a transaction, use only the transaction object: a query on `db` would wait forever.
 */
class SerialDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#queue;
    this.#queue = previous.then(() => next);
    await previous;
    this.#release = release;
    return this.inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint: Driver["savepoint"] = (c, n, q) => this.inner.savepoint!(c, n, q);
  rollbackToSavepoint: Driver["rollbackToSavepoint"] = (c, n, q) => this.inner.rollbackToSavepoint!(c, n, q);
  releaseSavepoint: Driver["releaseSavepoint"] = (c, n, q) => this.inner.releaseSavepoint!(c, n, q);
  destroy() {
    return this.inner.destroy();
  }
}

class SerialPgliteDialect implements Dialect {
  readonly #inner: PGliteDialect;
  constructor(pglite: PGlite) {
    this.#inner = new PGliteDialect({ pglite });
  }
  createAdapter(): DialectAdapter {
    return this.#inner.createAdapter();
  }
  createDriver(): Driver {
    return new SerialDriver(this.#inner.createDriver());
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.#inner.createIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return this.#inner.createQueryCompiler();
  }
}

/** Wraps an open PGlite instance in Kysely with serialised access. */
export function kyselyForPglite(pglite: PGlite): Db {
  return new Kysely<Database>({ dialect: new SerialPgliteDialect(pglite) });
}

/**
 * Wraps a PostgreSQL connection string in Kysely with a pool. An idle connection the server ends
 * (restart, failover, an administrator's pg_terminate_backend) is logged and replaced on next use
 * instead of crashing the process with an unhandled 'error' event.
 */
export function kyselyForPostgres(connectionString: string, max = 10): Db {
  installPgParsers();
  const pool = new pg.Pool({ connectionString, max });
  pool.on("error", (error) => {
    console.error(`PostgreSQL: an idle connection was closed by the server (${error.message})`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1:***@");
}

/**
 * Opens the configured database: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded
 * file-backed PGlite under the data directory — the same SQL runs on both.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const db = kyselyForPostgres(options.databaseUrl);
    return { db, kind: "postgres", location: redact(options.databaseUrl), close: () => db.destroy() };
  }
  const dir = path.join(options.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const pglite = await openPglite({ dataDir: dir });
  const db = kyselyForPglite(pglite);
  return { db, kind: "pglite", location: dir, close: () => db.destroy() };
}
