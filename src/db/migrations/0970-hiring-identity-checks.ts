import { type Kysely, sql } from "kysely";

/**
 * Hiring and contracting reviews (issue 15): the identity checklist of a review, one row per check
 * with its outcome, the evidence, who checked and when. A re-check overwrites the row; every version
 * stays in the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE review_identity_checks (
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      check_id text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('clear', 'sign')),
      evidence text NOT NULL CHECK (length(btrim(evidence)) > 0),
      checked_by uuid REFERENCES users(id),
      checked_by_label text NOT NULL,
      checked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, check_id)
    )`.execute(db);
}
