import type { DatabaseConnection, Driver, TransactionSettings } from "kysely";

/**
 * Serialises access to PGlite's single connection. Kysely's PGlite driver hands the same connection
 * to every caller, so without this two concurrent requests could run inside each other's transaction.
 * Inside a transaction, use only the transaction object: a query on `db` would wait forever.
 */
export class SerialDriver implements Driver {
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
