import { type Kysely, sql } from "kysely";

/**
 * Approach reports: the report itself (draft until submitted), its attachments (stored in the
 * database so a report and its evidence are saved, backed up and deleted together), the link keys
 * and text-similarity bands used to find the same contact across reporters, clusters, linked
 * parties and reviews, and triage notes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE approach_clusters (
      id uuid PRIMARY KEY,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reviewed')),
      summary jsonb NOT NULL,
      report_count integer NOT NULL,
      reporter_count integer NOT NULL,
      first_at timestamptz NOT NULL,
      last_at timestamptz NOT NULL,
      merged_into uuid REFERENCES approach_clusters(id),
      alerted_reporter_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE approach_reports (
      id uuid PRIMARY KEY,
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      reporter_id uuid NOT NULL REFERENCES users(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'new', 'in_review', 'closed')),
      version integer NOT NULL DEFAULT 1,
      channel text NOT NULL,
      channel_other text,
      occurred_on date,
      sender_name text,
      sender_organisation text,
      sender_profile_url text,
      sender_email text,
      sender_phone text,
      offered text[] NOT NULL DEFAULT '{}',
      offered_other text,
      asked text[] NOT NULL DEFAULT '{}',
      asked_other text,
      message_text text,
      description text,
      answers jsonb NOT NULL DEFAULT '{}',
      risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
      risk_score real NOT NULL,
      assessment jsonb NOT NULL,
      reporter_department text,
      assignee_id uuid REFERENCES users(id),
      outcome text,
      outcome_note text,
      cluster_id uuid REFERENCES approach_clusters(id),
      text_signature jsonb,
      submitted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX approach_reports_reporter ON approach_reports (reporter_id, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX approach_reports_status ON approach_reports (status, submitted_at DESC)`.execute(db);
  await sql`CREATE INDEX approach_reports_cluster ON approach_reports (cluster_id)`.execute(db);

  await sql`
    CREATE TABLE approach_attachments (
      id uuid PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      file_name text NOT NULL,
      media_type text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('message_text', 'screenshot', 'document')),
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX approach_attachments_report ON approach_attachments (report_id)`.execute(db);

  await sql`
    CREATE TABLE approach_report_keys (
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      kind text NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (report_id, kind, value)
    )`.execute(db);
  await sql`CREATE INDEX approach_report_keys_lookup ON approach_report_keys (kind, value)`.execute(db);

  await sql`
    CREATE TABLE approach_text_bands (
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      band text NOT NULL,
      PRIMARY KEY (report_id, band)
    )`.execute(db);
  await sql`CREATE INDEX approach_text_bands_lookup ON approach_text_bands (band)`.execute(db);

  await sql`
    CREATE TABLE approach_cluster_links (
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      linked_report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      reasons jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (report_id, linked_report_id)
    )`.execute(db);

  await sql`
    CREATE TABLE approach_report_parties (
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      party_id uuid NOT NULL REFERENCES parties(id),
      role text NOT NULL CHECK (role IN ('sender', 'organisation')),
      linked_by uuid REFERENCES users(id),
      linked_at timestamptz NOT NULL DEFAULT now(),
      screening jsonb,
      PRIMARY KEY (report_id, party_id)
    )`.execute(db);
  await sql`CREATE INDEX approach_report_parties_party ON approach_report_parties (party_id)`.execute(db);

  await sql`
    CREATE TABLE approach_report_reviews (
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      review_id uuid NOT NULL,
      linked_by uuid REFERENCES users(id),
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (report_id, review_id)
    )`.execute(db);
  await sql`CREATE INDEX approach_report_reviews_review ON approach_report_reviews (review_id)`.execute(db);

  await sql`
    CREATE TABLE approach_notes (
      id uuid PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      author_id uuid REFERENCES users(id),
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX approach_notes_report ON approach_notes (report_id, created_at)`.execute(db);
}
