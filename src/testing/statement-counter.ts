import type { KyselyPlugin } from "kysely";

/** A database handle (a Kysely instance or a transaction) that counts the statements sent through it, and the count so far. */
export type CountedDb<Handle> = {
  db: Handle;
  /** Statements sent through `db` since it was made or last reset. */
  readonly count: number;
  reset(): void;
};

/**
 * Wraps a database handle so a test can assert how many statements an operation costs: the
 * performance promises (one statement per list page, a bounded number per submission, one per audit
 * write) are about round trips, which wall time on a shared machine cannot show.
 */
export function countStatements<Handle extends { withPlugin(plugin: KyselyPlugin): Handle }>(
  db: Handle,
): CountedDb<Handle> {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    db: db.withPlugin(counter),
    get count() {
      return statements;
    },
    reset() {
      statements = 0;
    },
  };
}
