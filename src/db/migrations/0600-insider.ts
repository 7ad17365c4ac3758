import { type Kysely, sql } from "kysely";

/**
 * Insider risk: pseudonymised subjects (people and accounts in activity logs), ingestion runs and
 * the per-file ledger that makes re-ingestion idempotent, the engine's state between runs, scored
 * user-days, alerts with their evidence timeline, the confidential-asset registry and the event
 * keys of the HTTP batch endpoint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE insider_subjects (
      id uuid PRIMARY KEY,
      subject_key text NOT NULL UNIQUE,
      pseudonym text NOT NULL UNIQUE,
      display_name text,
      email text,
      role text,
      department text,
      team text,
      projects text[] NOT NULL DEFAULT '{}',
      supervisor_key text,
      watchlists text[] NOT NULL DEFAULT '{}',
      start_date date,
      end_date date,
      in_directory boolean NOT NULL DEFAULT false,
      person jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX insider_subjects_department_idx ON insider_subjects (department)`.execute(db);

  await sql`
    CREATE TABLE insider_runs (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('files', 'ndjson', 'bus')),
      source text NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'committed', 'failed')),
      actor_label text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      stats jsonb NOT NULL DEFAULT '{}',
      problems jsonb NOT NULL DEFAULT '[]'
    )`.execute(db);
  await sql`CREATE INDEX insider_runs_started_idx ON insider_runs (started_at DESC)`.execute(db);

  await sql`
    CREATE TABLE insider_files (
      identity text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      max_t bigint NOT NULL,
      ids_at_max text[] NOT NULL DEFAULT '{}',
      rows bigint NOT NULL DEFAULT 0,
      last_run_id uuid REFERENCES insider_runs(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE insider_engine_state (
      scope text PRIMARY KEY,
      snapshot jsonb NOT NULL,
      watermark bigint,
      run_id uuid REFERENCES insider_runs(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE insider_user_days (
      subject_key text NOT NULL,
      day date NOT NULL,
      score real NOT NULL,
      anomaly real NOT NULL,
      indicators text[] NOT NULL DEFAULT '{}',
      features real[] NOT NULL,
      baseline real[] NOT NULL,
      alert_key text,
      run_id uuid NOT NULL REFERENCES insider_runs(id),
      PRIMARY KEY (subject_key, day)
    )`.execute(db);
  await sql`CREATE INDEX insider_user_days_day_idx ON insider_user_days (day)`.execute(db);
  await sql`CREATE INDEX insider_user_days_run_idx ON insider_user_days (run_id)`.execute(db);

  await sql`
    CREATE TABLE insider_alerts (
      id uuid PRIMARY KEY,
      engine_key text NOT NULL UNIQUE,
      subject_key text NOT NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewing', 'confirmed', 'non_issue')),
      severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      score real NOT NULL,
      anomaly real NOT NULL,
      cases integer[] NOT NULL DEFAULT '{}',
      indicators jsonb NOT NULL DEFAULT '[]',
      first_day date NOT NULL,
      last_day date NOT NULL,
      evidence_count integer NOT NULL DEFAULT 0,
      triage_note text,
      triaged_by uuid REFERENCES users(id),
      triaged_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      run_id uuid REFERENCES insider_runs(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX insider_alerts_score_idx ON insider_alerts (score DESC, id)`.execute(db);
  await sql`CREATE INDEX insider_alerts_subject_idx ON insider_alerts (subject_key)`.execute(db);
  await sql`CREATE INDEX insider_alerts_first_day_idx ON insider_alerts (first_day)`.execute(db);

  await sql`
    CREATE TABLE insider_evidence (
      alert_id uuid NOT NULL REFERENCES insider_alerts(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      t bigint NOT NULL,
      kind text NOT NULL,
      action text NOT NULL,
      host text NOT NULL,
      host_context text NOT NULL,
      object text NOT NULL,
      recipients text[] NOT NULL DEFAULT '{}',
      attachments text[] NOT NULL DEFAULT '{}',
      bytes bigint NOT NULL DEFAULT 0,
      asset_id text,
      indicators text[] NOT NULL DEFAULT '{}',
      source_file text NOT NULL,
      source_line integer NOT NULL,
      source_id text NOT NULL,
      PRIMARY KEY (alert_id, seq)
    )`.execute(db);

  await sql`
    CREATE TABLE insider_assets (
      id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('server', 'path', 'repository', 'url')),
      pattern text NOT NULL,
      projects text[] NOT NULL DEFAULT '{}',
      allowed_roles text[] NOT NULL DEFAULT '{}',
      allowed_domains text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE insider_event_keys (
      source text NOT NULL,
      event_id text NOT NULL,
      t bigint NOT NULL,
      PRIMARY KEY (source, event_id)
    )`.execute(db);
  await sql`CREATE INDEX insider_event_keys_t_idx ON insider_event_keys (t)`.execute(db);
}
