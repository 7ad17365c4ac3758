import { type Kysely, sql } from "kysely";

/**
 * Dismissing a wrong consistency flag (issue 16): an officer records why a P-UNDISCLOSED-AFFILIATION,
 * P-DISCLOSURE-DROPPED or P-APPROACH-CONNECTION finding about one organisation is wrong. The
 * dismissal keeps the evidence it was given for (`evidence_keys`, with the readable items in
 * `evidence`): the same evidence stays dismissed, a new piece of evidence raises the flag again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE consistency_flag_dismissals (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      flag text NOT NULL,
      org_key text NOT NULL,
      message jsonb NOT NULL,
      evidence_keys text[] NOT NULL,
      evidence jsonb NOT NULL,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      dismissed_by uuid REFERENCES users(id),
      dismissed_by_label text NOT NULL,
      dismissed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX consistency_flag_dismissals_person_idx ON consistency_flag_dismissals (person_id, flag, org_key, dismissed_at DESC)`.execute(
    db,
  );
}
