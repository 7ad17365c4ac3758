import { type Kysely, sql } from "kysely";

/**
 * Approach submission under load (issue 11 §6): clustering a new report costs the same however
 * big its cluster and the clustering window are.
 *
 * - Candidate look-ups read the newest rows of an index, never every report in the window: link keys
 *   and text bands carry their report's submission time (indexed with it), and
 *   `approach_link_tokens` holds the link engine's blocking tokens (name words and their
 *   skeletons, acronyms, "same request" topic/offer and amount/offer tokens).
 * - A cluster's summary is kept up to date one member at a time: `approach_clusters.state` holds
 *   the per-cluster counts (reporters, channels, departments, first/last), `approach_cluster_facts`
 *   one row per fact its members share (counts, distinct reporters, an order-free hash of the
 *   member set, a sample of member ids) and `approach_cluster_fact_members` which report carries
 *   which fact. Clusters stored before this migration have no state and are rebuilt once, the next
 *   time a report joins them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE approach_report_keys ADD COLUMN submitted_at timestamptz`.execute(db);
  await sql`ALTER TABLE approach_text_bands ADD COLUMN submitted_at timestamptz`.execute(db);
  await sql`
    UPDATE approach_report_keys k SET submitted_at = r.submitted_at
    FROM approach_reports r WHERE r.id = k.report_id`.execute(db);
  await sql`
    UPDATE approach_text_bands b SET submitted_at = r.submitted_at
    FROM approach_reports r WHERE r.id = b.report_id`.execute(db);
  await sql`CREATE INDEX approach_report_keys_recent ON approach_report_keys (kind, value, submitted_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX approach_text_bands_recent ON approach_text_bands (band, submitted_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE approach_link_tokens (
      token text NOT NULL,
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      submitted_at timestamptz NOT NULL,
      PRIMARY KEY (token, report_id)
    )`.execute(db);
  await sql`CREATE INDEX approach_link_tokens_recent ON approach_link_tokens (token, submitted_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX approach_link_tokens_report ON approach_link_tokens (report_id)`.execute(db);
  await sql`ALTER TABLE approach_clusters ADD COLUMN state jsonb`.execute(db);
  await sql`
    CREATE TABLE approach_cluster_facts (
      cluster_id uuid NOT NULL REFERENCES approach_clusters(id),
      fact text NOT NULL,
      kind text NOT NULL,
      value text,
      strength integer NOT NULL,
      report_count integer NOT NULL,
      reporter_count integer NOT NULL,
      ids_hash text NOT NULL,
      sample_ids jsonb NOT NULL,
      PRIMARY KEY (cluster_id, fact)
    )`.execute(db);
  await sql`CREATE INDEX approach_cluster_facts_top ON approach_cluster_facts (cluster_id, reporter_count DESC, strength)`.execute(
    db,
  );
  await sql`
    CREATE TABLE approach_cluster_fact_members (
      cluster_id uuid NOT NULL REFERENCES approach_clusters(id),
      fact text NOT NULL,
      report_id uuid NOT NULL REFERENCES approach_reports(id) ON DELETE CASCADE,
      reporter_id uuid NOT NULL,
      PRIMARY KEY (cluster_id, fact, report_id)
    )`.execute(db);
  await sql`CREATE INDEX approach_cluster_fact_members_reporter ON approach_cluster_fact_members (cluster_id, fact, reporter_id)`.execute(
    db,
  );
}
