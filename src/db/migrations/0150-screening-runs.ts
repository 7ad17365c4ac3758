import { type Kysely, sql } from "kysely";

/**
 * The screening product layer: party screening runs and their hits (with the list snapshots they
 * used), reviewers' decisions per party/list-entry pair, re-screening jobs after a list update, and
 * batch screening jobs with their rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE screening_rescreens (
      id uuid PRIMARY KEY,
      snapshot_key text NOT NULL,
      snapshot_ids jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'done', 'failed', 'superseded')),
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      parties_with_new_hits integer NOT NULL DEFAULT 0,
      cursor_party_id uuid,
      error text,
      started_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX screening_rescreens_started ON screening_rescreens (started_at DESC)`.execute(db);

  await sql`
    CREATE TABLE screening_runs (
      id uuid PRIMARY KEY,
      party_id uuid NOT NULL REFERENCES parties(id),
      trigger text NOT NULL CHECK (trigger IN ('manual', 'context', 'rescreen')),
      context_type text,
      context_id text,
      rescreen_id uuid REFERENCES screening_rescreens(id),
      actor_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      screened_at timestamptz NOT NULL,
      snapshot_ids jsonb NOT NULL,
      threshold double precision NOT NULL,
      query jsonb NOT NULL,
      hit_count integer NOT NULL,
      match_count integer NOT NULL,
      open_count integer NOT NULL,
      new_count integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX screening_runs_party ON screening_runs (party_id, screened_at DESC, id)`.execute(db);

  await sql`
    CREATE TABLE screening_hits (
      run_id uuid NOT NULL REFERENCES screening_runs(id),
      position integer NOT NULL,
      entity_id uuid NOT NULL,
      snapshot_id uuid NOT NULL,
      source text NOT NULL,
      source_id text NOT NULL,
      content_hash text NOT NULL,
      schema text NOT NULL,
      name text NOT NULL,
      score double precision NOT NULL,
      match boolean NOT NULL,
      is_new boolean NOT NULL,
      explanation jsonb NOT NULL,
      programs text[] NOT NULL,
      countries text[] NOT NULL,
      PRIMARY KEY (run_id, position)
    )`.execute(db);
  await sql`CREATE INDEX screening_hits_entry ON screening_hits (source, source_id)`.execute(db);

  await sql`
    CREATE TABLE screening_decisions (
      id uuid PRIMARY KEY,
      party_id uuid NOT NULL REFERENCES parties(id),
      source text NOT NULL,
      source_id text NOT NULL,
      content_hash text NOT NULL,
      entity_id uuid NOT NULL,
      entity_name text NOT NULL,
      status text NOT NULL CHECK (status IN ('true_match', 'false_positive')),
      rationale text NOT NULL CHECK (length(rationale) > 0),
      decided_by_id uuid REFERENCES users(id),
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL,
      replaced_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX screening_decisions_current ON screening_decisions (party_id, source, source_id) WHERE replaced_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX screening_decisions_party ON screening_decisions (party_id, decided_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE screening_batches (
      id uuid PRIMARY KEY,
      file_name text NOT NULL,
      file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
      encoding text,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      total_rows integer NOT NULL,
      processed_rows integer NOT NULL DEFAULT 0,
      matched_rows integer NOT NULL DEFAULT 0,
      threshold double precision NOT NULL,
      snapshot_ids jsonb,
      columns jsonb NOT NULL,
      error text,
      created_by_id uuid REFERENCES users(id),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX screening_batches_created ON screening_batches (created_at DESC)`.execute(db);

  await sql`
    CREATE TABLE screening_batch_rows (
      batch_id uuid NOT NULL REFERENCES screening_batches(id),
      row_no integer NOT NULL,
      line integer NOT NULL,
      input jsonb NOT NULL,
      done boolean NOT NULL DEFAULT false,
      best_score double precision,
      match_count integer,
      hits jsonb,
      PRIMARY KEY (batch_id, row_no)
    )`.execute(db);
  await sql`CREATE INDEX screening_batch_rows_pending ON screening_batch_rows (batch_id, row_no) WHERE NOT done`.execute(
    db,
  );
}
