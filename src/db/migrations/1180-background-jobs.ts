import { type Kysely, sql } from "kysely";

/**
 * A durable queue of background work (issue 11 §6): a job is written in the same transaction as the
 * change that needs it (outbox pattern), and a worker in the server process takes it in its own
 * transaction (`FOR UPDATE SKIP LOCKED`, so several server processes on one PostgreSQL never take the
 * same job) and marks it done in that transaction. A job left by a crash is still `pending` and is
 * taken again after a restart; a failed attempt is retried with back-off up to `max_attempts`.
 * At most one pending job per kind and entity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE background_jobs (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 8,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX background_jobs_due ON background_jobs (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX background_jobs_pending_once ON background_jobs (kind, entity_type, entity_id) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX background_jobs_entity ON background_jobs (entity_type, entity_id, created_at DESC)`.execute(
    db,
  );
}
