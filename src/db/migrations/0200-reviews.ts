import { type Kysely, sql } from "kysely";

/**
 * Reviews: the 事前確認 → 該非判定 → 取引審査 → approval workflow. One row per application, its
 * counterparties (parties), the transitions it went through, and the drafts users are editing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE review_ref_seq`.execute(db);
  await sql`
    CREATE TABLE reviews (
      id uuid PRIMARY KEY,
      ref_no text NOT NULL UNIQUE,
      activity_type text NOT NULL,
      title text NOT NULL,
      applicant_user_id uuid NOT NULL REFERENCES users(id),
      unit text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN (
        'draft', 'unit_review', 'secretariat_review', 'approval', 'returned',
        'cleared', 'approved', 'approved_with_conditions', 'rejected', 'withdrawn')),
      track text CHECK (track IN ('simple', 'full')),
      details jsonb NOT NULL,
      answers jsonb NOT NULL DEFAULT '{}',
      notes jsonb NOT NULL DEFAULT '{}',
      topic_tags jsonb NOT NULL DEFAULT '{"jp": [], "us": []}',
      classification jsonb,
      classified_by uuid REFERENCES users(id),
      classified_at timestamptz,
      transaction_check jsonb,
      checked_by uuid REFERENCES users(id),
      checked_at timestamptz,
      routing jsonb,
      risk jsonb,
      conditions text,
      decision_comment text,
      decided_by uuid REFERENCES users(id),
      submitted_at timestamptz,
      decided_at timestamptz,
      retention_until date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX reviews_status_idx ON reviews (status, updated_at DESC)`.execute(db);
  await sql`CREATE INDEX reviews_applicant_idx ON reviews (applicant_user_id, updated_at DESC)`.execute(db);

  await sql`
    CREATE TABLE review_counterparties (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      position integer NOT NULL,
      party_id uuid NOT NULL REFERENCES parties(id),
      role text NOT NULL,
      attributes jsonb NOT NULL DEFAULT '{}',
      screening jsonb,
      screened_at timestamptz,
      UNIQUE (review_id, party_id, role)
    )`.execute(db);
  await sql`CREATE INDEX review_counterparties_party_idx ON review_counterparties (party_id)`.execute(db);

  await sql`
    CREATE TABLE review_events (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      actor_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      comment text,
      conditions text
    )`.execute(db);
  await sql`CREATE INDEX review_events_review_idx ON review_events (review_id, at)`.execute(db);

  await sql`
    CREATE TABLE review_drafts (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      key text NOT NULL,
      payload jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`.execute(db);
}
