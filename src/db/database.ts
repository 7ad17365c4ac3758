import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type Transaction,
} from "kysely";
import pg from "pg";
import {
  DataDirBusyError,
  type DataDirLock,
  describeHolder,
  type LockHolder,
  tryLockDataDir,
} from "./data-dir-lock.js";
import { connectLocalAdmin, type LocalAdminClient } from "./local-admin.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";
import { SerialDriver } from "./serial-driver.js";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages (a directory or a redacted URL). */
  location: string;
  /**
   * "direct": this process opened the database; "server": an embedded database reached through the
   * running server's admin socket (the server owns the folder; this process only sends SQL).
   */
  access?: "direct" | "server";
  /** The PGlite instance, when this process opened the embedded database itself. */
  pglite?: PGlite;
  /** The data directory's lock, when this process holds it. */
  lock?: DataDirLock;
  /** The admin-socket connection, when access is "server". */
  admin?: LocalAdminClient;
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

/** How a process opens the database (see `openDatabase`). */
export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** "server" (`sekimori serve`) or a "cli" command (default). */
  role?: "server" | "cli";
  /**
   * CLI only: may the command run through a running server's admin socket (default true)? False
   * for commands that need the folder itself (restore): they refuse while a server runs.
   */
  throughServer?: boolean;
  /** The command line, written into the lock file for other processes' messages. */
  command?: string;
  /** How long to wait for another CLI command (or a starting server) to finish; default 30 s. */
  waitSeconds?: number;
  /** Told once when the command has to wait. */
  onWait?: (message: { ja: string; en: string }) => void;
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function busy(dir: string, holder: LockHolder, why: "server" | "restore" | "timeout", waited = 0) {
  const who = describeHolder(holder);
  const messages =
    why === "server"
      ? {
          ja: `データディレクトリ ${dir} は既に ${who.ja} が使用しています。同じデータで2つ目のサーバーは起動できません`,
          en: `The data directory ${dir} is already in use by ${who.en}; a second server cannot run on the same data`,
        }
      : why === "restore"
        ? {
            ja: `データディレクトリ ${dir} は ${who.ja} が使用中です。このコマンドはサーバーを停止してから実行してください`,
            en: `The data directory ${dir} is in use by ${who.en}; stop the server before running this command`,
          }
        : {
            ja: `データディレクトリ ${dir} は ${who.ja} が使用中です（${waited}秒待ちました）。終了してから再実行してください。何も変更していません`,
            en: `The data directory ${dir} is in use by ${who.en} (waited ${waited} s); try again when it has finished. Nothing was changed`,
          };
  return new DataDirBusyError(messages, holder);
}

/**
 * Opens the configured database: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded
 * file-backed PGlite under the data directory — the same SQL runs on both. The embedded database is
 * opened by one process only: this one takes the data directory's lock, or — when a server holds it —
 * a CLI command sends its SQL through the server's admin socket, so its writes cannot be lost.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const db = kyselyForPostgres(options.databaseUrl);
    return {
      db,
      kind: "postgres",
      location: redact(options.databaseUrl),
      access: "direct",
      close: () => db.destroy(),
    };
  }
  const role = options.role ?? "cli";
  const throughServer = role === "cli" && options.throughServer !== false;
  const command = options.command ?? (role === "server" ? "sekimori serve" : process.argv.slice(1).join(" "));
  const waitMs = (options.waitSeconds ?? 30) * 1000;
  const dir = path.join(options.dataDir, "pglite");
  const started = Date.now();
  let told = false;
  for (;;) {
    const attempt = tryLockDataDir(options.dataDir, { role, command });
    if ("lock" in attempt) {
      const lock = attempt.lock;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const pglite = await openPglite({ dataDir: dir });
        const db = kyselyForPglite(pglite);
        return {
          db,
          kind: "pglite",
          location: dir,
          access: "direct",
          pglite,
          lock,
          async close() {
            try {
              await db.destroy();
            } finally {
              lock.release();
            }
          },
        };
      } catch (error) {
        lock.release();
        throw error;
      }
    }
    const holder = attempt.holder;
    if (holder.role === "server") {
      if (role === "server") throw busy(options.dataDir, holder, "server");
      if (!throughServer) throw busy(options.dataDir, holder, "restore");
      if (holder.adminSocket && holder.adminToken) {
        try {
          const admin = await connectLocalAdmin(holder.adminSocket, holder.adminToken, { command });
          return {
            db: admin.db,
            kind: "pglite",
            location: `${dir} (through the running server, pid ${admin.serverPid})`,
            access: "server",
            admin,
            close: () => admin.close(),
          };
        } catch {
          // The server is stopping (or starting): wait for it like for any other holder.
        }
      }
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw busy(options.dataDir, holder, "timeout", Math.round(waited / 1000));
    if (!told) {
      told = true;
      const who = describeHolder(holder);
      options.onWait?.({
        ja: `データディレクトリは ${who.ja} が使用中です。終わるまで最大 ${Math.round(waitMs / 1000)} 秒待ちます…`,
        en: `The data directory is in use by ${who.en}; waiting up to ${Math.round(waitMs / 1000)} s for it…`,
      });
    }
    await sleep(250);
  }
}
