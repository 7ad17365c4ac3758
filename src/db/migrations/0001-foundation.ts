import { type Kysely, sql } from "kysely";

/** Accounts, sessions, the hash-chained audit log and the parties directory. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      email text,
      password_hash text,
      roles text[] NOT NULL DEFAULT '{}',
      locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
      department text,
      failed_login_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      password_changed_at timestamptz,
      external_issuer text,
      external_subject text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT users_roles_known CHECK (
        roles <@ ARRAY['applicant','unit_officer','secretariat','approver','auditor','admin']::text[]
      )
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_external_key ON users (external_issuer, external_subject)
            WHERE external_subject IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE app_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      auth_method text NOT NULL DEFAULT 'password',
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb,
      context jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`
    CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      last_id bigint NOT NULL,
      last_hash text NOT NULL
    )`.execute(db);
  await sql`INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, ${"0".repeat(64)})`.execute(db);
  // The application never updates or deletes audit rows; refuse it at the database too.
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  await sql`
    CREATE TABLE parties (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('organization', 'person')),
      primary_name text NOT NULL,
      country text,
      birth_date date,
      website text,
      notes text,
      tags text[] NOT NULL DEFAULT '{}',
      identifiers jsonb NOT NULL DEFAULT '[]',
      search_text text NOT NULL,
      archived_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX parties_search_trgm ON parties USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX parties_updated_idx ON parties (updated_at DESC, id)`.execute(db);
  await sql`CREATE INDEX parties_tags_idx ON parties USING gin (tags)`.execute(db);
  await sql`
    CREATE TABLE party_names (
      id uuid PRIMARY KEY,
      party_id uuid NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('primary', 'alias', 'former', 'transliteration')),
      lang text,
      script text NOT NULL,
      position integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX party_names_party_idx ON party_names (party_id, position)`.execute(db);
}
