import { type Selectable, sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { BackgroundJobTables } from "../db/schema.js";

export type JobRow = Selectable<BackgroundJobTables["background_jobs"]>;

/** SQL for the durable background-job queue (migration 1180). */
export function createJobsRepo() {
  return {
    /**
     * Queues a job in the caller's transaction. A pending job of the same kind for the same entity
     * is kept as it is (at most one pending per kind and entity): false then.
     */
    async enqueue(
      tx: Executor,
      job: {
        id: string;
        kind: string;
        entityType: string;
        entityId: string;
        payload: unknown;
        at: Date;
        maxAttempts?: number | undefined;
      },
    ): Promise<boolean> {
      const r = await tx
        .insertInto("background_jobs")
        .values({
          id: job.id,
          kind: job.kind,
          entity_type: job.entityType,
          entity_id: job.entityId,
          payload: JSON.stringify(job.payload ?? {}),
          next_attempt_at: job.at,
          created_at: job.at,
          ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
        })
        .onConflict((oc) =>
          oc.columns(["kind", "entity_type", "entity_id"]).where("status", "=", "pending").doNothing(),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /**
     * Takes the next due job of these kinds and locks its row until the transaction ends. Rows
     * another transaction holds are skipped (`SKIP LOCKED`): two workers never take the same job.
     */
    claimNext(tx: Executor, kinds: string[], now: Date): Promise<JobRow | undefined> {
      return tx
        .selectFrom("background_jobs")
        .selectAll()
        .where("status", "=", "pending")
        .where("kind", "in", kinds)
        .where("next_attempt_at", "<=", now)
        .orderBy("next_attempt_at")
        .orderBy("created_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    },

    async markDone(tx: Executor, id: string, at: Date): Promise<void> {
      await tx
        .updateTable("background_jobs")
        .set((eb) => ({
          status: "done",
          attempts: eb("attempts", "+", 1),
          finished_at: at,
          last_error: null,
        }))
        .where("id", "=", id)
        .execute();
    },

    /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) after its last attempt. */
    async markAttemptFailed(tx: Executor, id: string, error: string, retryAt: Date, at: Date): Promise<void> {
      await tx
        .updateTable("background_jobs")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          last_error: error.slice(0, 2000),
          next_attempt_at: retryAt,
          status: sql<
            "pending" | "failed"
          >`CASE WHEN attempts + 1 >= max_attempts THEN 'failed' ELSE 'pending' END`,
          finished_at: sql<Date | null>`CASE WHEN attempts + 1 >= max_attempts THEN ${at}::timestamptz ELSE NULL END`,
        }))
        .where("id", "=", id)
        .execute();
    },

    /** The newest job of a kind for each of these entities. */
    async latestFor(db: Executor, kind: string, entityType: string, entityIds: string[]): Promise<JobRow[]> {
      if (entityIds.length === 0) return [];
      return db
        .selectFrom("background_jobs")
        .selectAll()
        .distinctOn("entity_id")
        .where("kind", "=", kind)
        .where("entity_type", "=", entityType)
        .where("entity_id", "in", entityIds)
        .orderBy("entity_id")
        .orderBy("created_at", "desc")
        .execute();
    },

    /** Jobs due now or later, per kind: how much work is waiting. */
    async pendingCounts(db: Executor): Promise<{ kind: string; n: number }[]> {
      return db
        .selectFrom("background_jobs")
        .select(["kind", sql<number>`count(*)::int`.as("n")])
        .where("status", "=", "pending")
        .groupBy("kind")
        .execute();
    },

    /** The next time a pending job of these kinds falls due (null: none pending). */
    async nextDue(db: Executor, kinds: string[]): Promise<Date | null> {
      const r = await db
        .selectFrom("background_jobs")
        .select(sql<Date | null>`min(next_attempt_at)`.as("at"))
        .where("status", "=", "pending")
        .where("kind", "in", kinds)
        .executeTakeFirst();
      return r?.at ? new Date(r.at) : null;
    },

    /** Done jobs older than `before` are removed (their effects and audit rows stay). */
    async purgeDone(db: Executor, before: Date): Promise<number> {
      const r = await db
        .deleteFrom("background_jobs")
        .where("status", "=", "done")
        .where("finished_at", "<", before)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
