/**
 * Kysely's PGlite dialect, for the Kysely release that supports Node 20.
 *
 * Kysely ships a PGlite dialect from 0.29 on, but 0.29 declares `engines: node >= 22`, so `npm ci`
 * on Node 20 warns (EBADENGINE) — and Sekimori promises Node 20.19+ with no such warning. Kysely
 * 0.28 (node >= 20) has everything else Sekimori uses. This file is Kysely 0.29's PGlite dialect
 * (MIT licence, © 2022 Sami Koskimäki and the Kysely contributors) adapted to 0.28's driver
 * interface; when Node 22 becomes the floor, delete it and import `PGliteDialect` from "kysely".
 */
import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  IdentifierNode,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  type RootOperationNode,
} from "kysely";

/** PGlite has one connection, held by the migrator from lock to unlock: no lock to take. */
class PGliteAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

type CompileQuery = (node: RootOperationNode, queryId: { readonly queryId: string }) => CompiledQuery;

let queryIds = 0;
const savepointCommand = (command: string, name: string): RawNode =>
  RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);

/**
 * The one connection to PGlite. A Kysely transaction runs inside `pglite.transaction()` (PGlite's
 * exclusive mode), held open until Kysely commits or rolls back.
 */
class PGliteConnection implements DatabaseConnection {
  #transaction: PGliteTransaction | undefined;
  #closed: Promise<void> | undefined;
  #commit: (() => void) | undefined;
  #rollback: ((reason: unknown) => void) | undefined;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { affectedRows, rows } = await (this.#transaction ?? this.pglite).query<R>(
      compiled.sql,
      compiled.parameters as unknown[],
      { rowMode: "object" },
    );
    return {
      numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined,
      rows: rows ?? [],
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite cannot stream; Kysely calls this only if asked to.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming is not supported by PGlite.");
  }

  async begin(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.#commit = resolve;
      this.#rollback = reject;
    });
    let begun!: () => void;
    const started = new Promise<void>((resolve) => {
      begun = resolve;
    });
    this.#closed = this.pglite.transaction(async (tx) => {
      this.#transaction = tx;
      begun();
      await done;
    });
    // A transaction that fails to open rejects #closed before it begins.
    await Promise.race([started, this.#closed]);
  }

  async commit(): Promise<void> {
    this.#commit?.();
    try {
      await this.#closed;
    } finally {
      this.#reset();
    }
  }

  async rollback(): Promise<void> {
    this.#rollback?.(new Error("rollback"));
    await this.#closed?.catch(() => undefined);
    this.#reset();
  }

  #reset(): void {
    this.#commit = undefined;
    this.#rollback = undefined;
    this.#transaction = undefined;
    this.#closed = undefined;
  }
}

class PGliteDriver implements Driver {
  #connection: PGliteConnection | undefined;
  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {
    if (this.pglite.closed) throw new Error("PGlite instance is already closed.");
    await this.pglite.waitReady;
    this.#connection = new PGliteConnection(this.pglite);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection!;
  }
  async releaseConnection(): Promise<void> {}
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).rollback();
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    await connection.executeQuery(
      compile(savepointCommand("savepoint", name), { queryId: `sp${++queryIds}` }),
    );
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: CompileQuery,
  ): Promise<void> {
    await connection.executeQuery(
      compile(savepointCommand("rollback to", name), { queryId: `sp${++queryIds}` }),
    );
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    await connection.executeQuery(compile(savepointCommand("release", name), { queryId: `sp${++queryIds}` }));
  }
  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/** Kysely over an open PGlite instance (PostgreSQL SQL, introspection and adapter). */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  constructor(config: { pglite: PGlite }) {
    this.#pglite = config.pglite;
  }
  createAdapter(): DialectAdapter {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
