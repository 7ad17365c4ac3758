import { type Kysely, sql } from "kysely";

/**
 * Restricted-party list storage: list sources, dated versioned snapshots (a snapshot becomes active
 * only when its import is complete), and the entities of each snapshot with a content hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE list_sources (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]+(:[A-Za-z0-9_.-]+)?$'),
      label_ja text NOT NULL,
      label_en text NOT NULL,
      format text NOT NULL,
      active_snapshot_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE list_snapshots (
      id uuid PRIMARY KEY,
      source text NOT NULL REFERENCES list_sources(id),
      version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('loading', 'active', 'superseded', 'failed')),
      format text NOT NULL,
      file_names text[] NOT NULL,
      sha256 text NOT NULL,
      byte_size bigint NOT NULL DEFAULT 0,
      entity_count integer NOT NULL DEFAULT 0,
      name_count integer NOT NULL DEFAULT 0,
      schema_counts jsonb NOT NULL DEFAULT '{}',
      error text,
      imported_by_id uuid REFERENCES users(id),
      imported_by text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      activated_at timestamptz,
      superseded_at timestamptz,
      entities_pruned_at timestamptz,
      UNIQUE (source, version)
    )`.execute(db);
  // At most one active snapshot per list, enforced by the database.
  await sql`CREATE UNIQUE INDEX list_snapshots_one_active ON list_snapshots (source) WHERE status = 'active'`.execute(
    db,
  );
  await sql`CREATE INDEX list_snapshots_status_idx ON list_snapshots (status, heartbeat_at)`.execute(db);
  await sql`ALTER TABLE list_sources ADD CONSTRAINT list_sources_active_fk
            FOREIGN KEY (active_snapshot_id) REFERENCES list_snapshots(id)`.execute(db);
  await sql`
    CREATE TABLE list_entities (
      id uuid PRIMARY KEY,
      snapshot_id uuid NOT NULL REFERENCES list_snapshots(id) ON DELETE CASCADE,
      position integer NOT NULL,
      source_id text NOT NULL,
      schema text NOT NULL CHECK (schema IN ('Person', 'Organization', 'Vessel', 'Aircraft', 'Unknown')),
      primary_name text NOT NULL,
      names jsonb NOT NULL,
      countries text[] NOT NULL DEFAULT '{}',
      birth_dates text[] NOT NULL DEFAULT '{}',
      identifiers jsonb NOT NULL DEFAULT '[]',
      programs text[] NOT NULL DEFAULT '{}',
      listed_on text,
      remarks text,
      addresses text[] NOT NULL DEFAULT '{}',
      details jsonb,
      content_hash text NOT NULL
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX list_entities_position_key ON list_entities (snapshot_id, position)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX list_entities_source_id_key ON list_entities (snapshot_id, source_id)`.execute(
    db,
  );
}
