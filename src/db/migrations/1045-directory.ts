import { type Kysely, sql } from "kysely";

/**
 * The people directory (issue 17 §3–§4): what SCIM, LDAP sync and HR/学務 CSV imports know about a
 * person record (directory key, employee number, names, post, supervisor, start/end and notice
 * dates, active or deactivated — never deleted), the sync runs with their counts and events, SCIM
 * bearer tokens (stored as SHA-256 hashes only) and SCIM groups with their members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE directory_entries (
      person_id uuid PRIMARY KEY REFERENCES people(id),
      user_name text NOT NULL UNIQUE,
      employee_number text UNIQUE,
      external_id text,
      source text NOT NULL CHECK (source IN ('scim', 'ldap', 'csv')),
      display_name text NOT NULL,
      name_kanji text,
      name_kana text,
      name_roman text,
      post text,
      supervisor_key text,
      start_date date,
      end_date date,
      notice_date date,
      abroad_from date,
      abroad_until date,
      active boolean NOT NULL DEFAULT true,
      deactivated_at timestamptz,
      record jsonb NOT NULL,
      last_sync_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX directory_entries_source_idx ON directory_entries (source, active)`.execute(db);

  await sql`
    CREATE TABLE directory_syncs (
      id uuid PRIMARY KEY,
      source text NOT NULL CHECK (source IN ('scim', 'ldap', 'csv')),
      origin text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('preview', 'apply')),
      status text NOT NULL CHECK (status IN ('ok', 'refused')),
      actor_label text NOT NULL,
      counts jsonb NOT NULL,
      events jsonb NOT NULL,
      problems jsonb NOT NULL DEFAULT '[]',
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX directory_syncs_started_idx ON directory_syncs (started_at DESC)`.execute(db);

  await sql`
    CREATE TABLE scim_tokens (
      id uuid PRIMARY KEY,
      label text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE scim_groups (
      id uuid PRIMARY KEY,
      display_name text NOT NULL UNIQUE,
      external_id text,
      members text[] NOT NULL DEFAULT '{}',
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
