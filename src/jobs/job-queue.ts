import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { sql } from "kysely";
import type { Db, Executor } from "../db/database.js";
import { AppError } from "../shared/errors.js";
import type { JobRow, JobsRepo } from "./jobs-repo.js";

/**
 * Does one job inside the worker's transaction: everything it writes (and its audit rows) commits
 * together with the job being marked done, or not at all. It must use only `tx` (on the embedded
 * database a query on `db` inside a transaction waits forever). Throwing retries the job later.
 */
export type JobHandler = (tx: Executor, job: JobRow) => Promise<void>;

/**
 * Called in the worker's transaction when a job has failed its last attempt (with the last error),
 * so that a job given up is never silent: e.g. a task and an e-mail for the people who must do by
 * hand what the job could not. Its own failure is logged and leaves the job marked failed.
 */
export type JobGiveUpHandler = (tx: Executor, job: JobRow, error: string) => Promise<void>;

/** Seconds before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s … at most 15 minutes. */
export function jobRetryDelaySeconds(attempts: number): number {
  return Math.min(900, 5 * 2 ** Math.max(0, attempts));
}

export type JobQueueDeps = {
  db: Db;
  repo: JobsRepo;
  clock?: () => Date;
  log?: (message: string, error?: unknown) => void;
};

/**
 * The durable background-job queue (migration 1180): work a request need not wait for — e.g. linking
 * and screening the people an approach report names — is written as a job in the request's own
 * transaction (outbox pattern) and done afterwards by a worker in the server process, one job per
 * transaction. A job survives a crash (taken again at the next start), a failed attempt is retried
 * with back-off, and on PostgreSQL several server processes share the queue without taking the same
 * job twice (`FOR UPDATE SKIP LOCKED`).
 */
export function createJobQueue(deps: JobQueueDeps) {
  const { db, repo } = deps;
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const handlers = new Map<string, JobHandler>();
  const preparers = new Map<string, () => Promise<void>>();
  const giveUps = new Map<string, JobGiveUpHandler>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let loop: Promise<void> | undefined;
  let again = false;

  /**
   * Takes one due job and does it. "none" when no job is due (or every due one is being done by
   * another worker). A failed attempt is recorded in the same transaction as the job is held in.
   */
  async function runOne(): Promise<"done" | "retry" | "failed" | "none"> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return "none";
    return db.transaction().execute(async (tx) => {
      const job = await repo.claimNext(tx, kinds, clock());
      if (!job) return "none";
      const handler = handlers.get(job.kind)!;
      await sql`SAVEPOINT background_job`.execute(tx);
      try {
        await handler(tx, job);
        await sql`RELEASE SAVEPOINT background_job`.execute(tx);
        await repo.markDone(tx, job.id, clock());
        return "done";
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT background_job`.execute(tx);
        const message =
          error instanceof AppError
            ? `${error.code}: ${error.messages.en}`
            : error instanceof Error
              ? error.message
              : String(error);
        const now = clock();
        const retryAt = new Date(now.getTime() + jobRetryDelaySeconds(job.attempts) * 1000);
        await repo.markAttemptFailed(tx, job.id, message, retryAt, now);
        const last = job.attempts + 1 >= job.max_attempts;
        log(`background job ${job.kind} ${job.entity_id} failed${last ? " (gave up)" : ""}: ${message}`);
        const giveUp = giveUps.get(job.kind);
        if (last && giveUp) {
          await sql`SAVEPOINT background_job_gave_up`.execute(tx);
          try {
            await giveUp(tx, job, message);
            await sql`RELEASE SAVEPOINT background_job_gave_up`.execute(tx);
          } catch (e) {
            await sql`ROLLBACK TO SAVEPOINT background_job_gave_up`.execute(tx);
            log(`background job ${job.kind} ${job.entity_id}: telling that it gave up failed`, e);
          }
        }
        return last ? "failed" : "retry";
      }
    });
  }

  /**
   * Does due jobs until none is left (or `max` were done, or `goOn` says stop); counts what
   * happened. Tests call it to finish the queue's work at a known point; the worker loops on it.
   */
  async function drain(max = Number.POSITIVE_INFINITY, goOn: () => boolean = () => true) {
    const counts = { done: 0, retry: 0, failed: 0 };
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return counts;
    const due = await repo.nextDue(db, kinds);
    if (!due || due > clock()) return counts;
    // What the handlers need outside any transaction (e.g. the screening index), once per drain.
    for (const prepare of preparers.values()) await prepare().catch(() => undefined);
    for (let i = 0; i < max && goOn(); i++) {
      const r = await runOne();
      if (r === "none") break;
      counts[r] += 1;
      // Requests waiting for the database or the CPU go first between two jobs.
      await yieldToEventLoop();
    }
    return counts;
  }

  /** Starts a drain unless one is running; a wake during a drain makes it look again at the end. */
  function kick(): Promise<void> {
    if (loop) {
      again = true;
      return loop;
    }
    loop = (async () => {
      try {
        do {
          again = false;
          await drain(Number.POSITIVE_INFINITY, () => !stopped);
        } while (again && !stopped);
      } catch (error) {
        log("background jobs: the worker stopped on an error (it resumes at the next poll)", error);
      } finally {
        loop = undefined;
      }
    })();
    return loop;
  }

  return {
    /**
     * Registers what is done for a kind of job (before `start`). `prepare` runs outside any
     * transaction before a drain that has due jobs (e.g. waiting for the screening index); its
     * errors are ignored (the handler decides what a missing resource means). `onGiveUp` runs when
     * a job of this kind fails its last attempt (see JobGiveUpHandler).
     */
    register(
      kind: string,
      handler: JobHandler,
      prepare?: () => Promise<void>,
      onGiveUp?: JobGiveUpHandler,
    ): void {
      handlers.set(kind, handler);
      if (prepare) preparers.set(kind, prepare);
      else preparers.delete(kind);
      if (onGiveUp) giveUps.set(kind, onGiveUp);
      else giveUps.delete(kind);
    },

    /**
     * Queues a job in the caller's transaction (so it exists exactly when the change that needs it
     * commits). At most one pending job per kind and entity: false when one was already pending.
     */
    enqueue(
      tx: Executor,
      job: { kind: string; entityType: string; entityId: string; payload?: unknown; maxAttempts?: number },
    ): Promise<boolean> {
      return repo.enqueue(tx, {
        id: randomUUID(),
        kind: job.kind,
        entityType: job.entityType,
        entityId: job.entityId,
        payload: job.payload ?? {},
        at: clock(),
        maxAttempts: job.maxAttempts,
      });
    },

    runOne,
    drain,

    /** Tells the worker (if started) that a job was just committed: it starts without waiting for the poll. */
    wake(): void {
      if (timer && !stopped) setImmediate(() => void kick());
    },

    /** The newest job of a kind for each entity (e.g. to show "screening pending" on a report). */
    latestFor: (exec: Executor, kind: string, entityType: string, entityIds: string[]) =>
      repo.latestFor(exec, kind, entityType, entityIds),

    pendingCounts: () => repo.pendingCounts(db),

    /**
     * Resolves when the worker has nothing left to do now (its current drain, with the jobs that
     * were due, has finished). Tests and the browser specs' helpers wait on this, never on sleeps.
     */
    whenIdle: (): Promise<void> => loop ?? Promise.resolve(),

    /**
     * Starts the worker: it drains at once (jobs a crash or stop left behind), after every `wake`,
     * and every `pollMs` (retries falling due, jobs other processes queued).
     */
    start(pollMs = 2_000): void {
      if (timer) return;
      stopped = false;
      timer = setInterval(() => void kick(), pollMs);
      timer.unref();
      void kick();
    },

    /** Stops the worker and waits for the job being done, if any, to commit. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await loop;
    },

    /** Removes done jobs finished more than `days` ago (their effects and audit rows stay). */
    purgeDone: (days = 30) => repo.purgeDone(db, new Date(clock().getTime() - days * 86_400_000)),
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
