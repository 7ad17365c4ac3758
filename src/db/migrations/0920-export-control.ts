import { type Kysely, sql } from "kysely";

/**
 * Export control (issue 13): imported country-group tables, the item master (品目マスタ) with its
 * attachments, the items a review covers, licences and comprehensive licences with their usage,
 * licence links of reviews, approval conditions as tracked tasks, the technology-provision log,
 * hand-carried items on trips, yearly self-inspections, and the export facts and licence
 * determination on each review. Old classifications are rewritten to the new shape (exceptions kept
 * in addition to the item; a transaction's catch-all result no longer stored as the item's).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE country_group_tables (
      id uuid PRIMARY KEY,
      title jsonb NOT NULL,
      content jsonb NOT NULL,
      note text,
      active boolean NOT NULL DEFAULT false,
      imported_by uuid REFERENCES users(id),
      imported_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX country_group_tables_one_active ON country_group_tables (active) WHERE active`.execute(
    db,
  );

  await sql`CREATE SEQUENCE export_item_ref_seq`.execute(db);
  await sql`
    CREATE TABLE export_items (
      id uuid PRIMARY KEY,
      ref_no text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('goods', 'technology')),
      name text NOT NULL,
      model_number text,
      maker text,
      description text NOT NULL DEFAULT '',
      hs_code text,
      list_status text NOT NULL CHECK (list_status IN ('listed', 'not_listed')),
      listed_item text,
      provision jsonb,
      catch_all_category text CHECK (catch_all_category IN ('16-1', '16-2', 'outside')),
      exceptions jsonb NOT NULL DEFAULT '[]',
      rationale text NOT NULL,
      decided_by uuid REFERENCES users(id),
      decided_on date NOT NULL,
      recheck_on date,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((list_status = 'listed') = (listed_item IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX export_items_recheck ON export_items (recheck_on) WHERE status = 'active'`.execute(
    db,
  );

  await sql`
    CREATE TABLE export_attachments (
      id uuid PRIMARY KEY,
      owner_type text NOT NULL CHECK (owner_type IN ('item', 'self_inspection', 'licence')),
      owner_id uuid NOT NULL,
      kind text NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX export_attachments_owner ON export_attachments (owner_type, owner_id)`.execute(db);

  await sql`
    CREATE TABLE review_items (
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      item_id uuid NOT NULL REFERENCES export_items(id),
      position integer NOT NULL,
      quantity numeric,
      unit text,
      value_jpy bigint,
      snapshot jsonb NOT NULL,
      exceptions jsonb NOT NULL DEFAULT '[]',
      note text,
      PRIMARY KEY (review_id, item_id)
    )`.execute(db);
  await sql`CREATE INDEX review_items_item ON review_items (item_id)`.execute(db);

  await sql`CREATE SEQUENCE export_licence_ref_seq`.execute(db);
  await sql`
    CREATE TABLE export_licences (
      id uuid PRIMARY KEY,
      ref_no text NOT NULL UNIQUE,
      kind text NOT NULL,
      licence_number text,
      status text NOT NULL CHECK (status IN ('applying', 'valid', 'refused', 'withdrawn', 'revoked')),
      holder text NOT NULL,
      applied_on date,
      issued_on date,
      valid_from date,
      valid_until date,
      conditions text NOT NULL DEFAULT '',
      items jsonb NOT NULL DEFAULT '[]',
      destinations jsonb NOT NULL DEFAULT '[]',
      quantity_limit numeric,
      quantity_unit text,
      value_limit_jpy bigint,
      responsible_user_id uuid REFERENCES users(id),
      note text,
      created_by uuid REFERENCES users(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX export_licences_expiry ON export_licences (valid_until) WHERE status = 'valid'`.execute(
    db,
  );

  await sql`
    CREATE TABLE licence_usages (
      id uuid PRIMARY KEY,
      licence_id uuid NOT NULL REFERENCES export_licences(id),
      review_id uuid REFERENCES reviews(id),
      provision_id uuid,
      used_on date NOT NULL,
      quantity numeric,
      value_jpy bigint,
      note text,
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX licence_usages_licence ON licence_usages (licence_id, used_on)`.execute(db);

  await sql`
    CREATE TABLE review_licences (
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      licence_id uuid NOT NULL REFERENCES export_licences(id),
      linked_by uuid REFERENCES users(id),
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (review_id, licence_id)
    )`.execute(db);

  await sql`
    CREATE TABLE review_conditions (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL,
      owner_user_id uuid NOT NULL REFERENCES users(id),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'waived')),
      evidence text,
      done_by uuid REFERENCES users(id),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX review_conditions_review ON review_conditions (review_id, position)`.execute(db);

  await sql`
    CREATE TABLE tech_provisions (
      id uuid PRIMARY KEY,
      review_id uuid REFERENCES reviews(id),
      licence_id uuid REFERENCES export_licences(id),
      item_id uuid REFERENCES export_items(id),
      what text NOT NULL,
      recipient_party_id uuid REFERENCES parties(id),
      recipient_name text NOT NULL,
      provided_on date NOT NULL,
      method text NOT NULL,
      country text,
      provided_by uuid REFERENCES users(id),
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tech_provisions_review ON tech_provisions (review_id, provided_on)`.execute(db);

  await sql`
    CREATE TABLE hand_carry_items (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      kind text NOT NULL,
      description text NOT NULL,
      item_id uuid REFERENCES export_items(id),
      out_on date NOT NULL,
      return_due_on date NOT NULL,
      returned_on date,
      return_status text NOT NULL DEFAULT 'pending'
        CHECK (return_status IN ('pending', 'returned', 'consumed', 'left_abroad', 'lost')),
      return_note text,
      checked_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX hand_carry_due ON hand_carry_items (return_due_on) WHERE return_status = 'pending'`.execute(
    db,
  );

  await sql`
    CREATE TABLE self_inspections (
      id uuid PRIMARY KEY,
      fiscal_year integer NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
      answers jsonb NOT NULL DEFAULT '{}',
      completed_by uuid REFERENCES users(id),
      completed_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Scheduled reminders sent once per key (e.g. licence:<id>:expiry:30:<valid_until>), so a task the
  // user has ticked off is not opened again by the next daily run.
  await sql`
    CREATE TABLE export_reminders_sent (
      key text PRIMARY KEY,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`ALTER TABLE reviews ADD COLUMN export_facts jsonb`.execute(db);
  await sql`ALTER TABLE reviews ADD COLUMN licence_determination jsonb`.execute(db);
  await sql`ALTER TABLE reviews ADD COLUMN next_rescreen_on date`.execute(db);
  await sql`ALTER TABLE reviews ADD COLUMN last_rescreened_at timestamptz`.execute(db);

  // Old classifications: the outcome choice becomes list status + 16の項 category + exceptions.
  // A recorded exception used to replace the item, so such records lose their list status and must
  // be classified again; a transaction's catch-all result is no longer the item's classification.
  await sql`
    UPDATE reviews SET classification = jsonb_build_object(
      'listStatus', CASE classification->>'outcome'
        WHEN 'listed' THEN 'listed' WHEN 'not_listed' THEN 'not_listed' ELSE NULL END,
      'regime', classification->'regime',
      'item', CASE WHEN classification->>'outcome' = 'listed' THEN classification->'item' ELSE 'null'::jsonb END,
      'subItem', classification->'subItem',
      'provision', NULL,
      'catchAllCategory', NULL,
      'exceptions', CASE WHEN classification->>'outcome' = 'exception'
        THEN jsonb_build_array(jsonb_build_object(
          'code', CASE classification->>'exception'
            WHEN 'teaching' THEN 'public_domain'
            WHEN 'thesis_publication' THEN 'publication_intended'
            ELSE classification->>'exception' END,
          'use', CASE classification->>'exception'
            WHEN 'teaching' THEN 'open_lecture'
            WHEN 'thesis_publication' THEN 'thesis'
            ELSE NULL END,
          'basis', classification->>'rationale'))
        ELSE '[]'::jsonb END,
      'rationale', classification->>'rationale',
      'reference', classification->'reference',
      'needsReclassification', classification->>'outcome' IN ('exception', 'catch_all'),
      'legacy', jsonb_build_object('outcome', classification->'outcome',
        'catchAllBasis', classification->'catchAllBasis'))
    WHERE classification IS NOT NULL AND classification ? 'outcome'`.execute(db);
}
