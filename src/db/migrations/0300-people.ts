import { type Kysely, sql } from "kysely";

/**
 * People: person records (staff, students, visitors) linked to parties, residency history under the
 * Foreign Exchange Act, 特定類型 self-declarations and research-integrity disclosures (each kept as
 * a new version, never overwritten), and the latest screening of declared affiliations and funders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE people (
      id uuid PRIMARY KEY,
      party_id uuid NOT NULL UNIQUE REFERENCES parties(id),
      user_id uuid UNIQUE REFERENCES users(id),
      category text NOT NULL CHECK (category IN ('staff', 'student', 'visitor', 'researcher', 'other')),
      department text,
      email text,
      erad_researcher_number text,
      disclosure_due_on date,
      tokutei_review_on date,
      version integer NOT NULL DEFAULT 1,
      archived_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE person_residency (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      status text NOT NULL CHECK (status IN ('resident', 'non_resident')),
      basis text NOT NULL,
      basis_date date,
      effective_from date NOT NULL,
      note text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX person_residency_idx ON person_residency (person_id, effective_from DESC, recorded_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE tokutei_declarations (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      declared_on date NOT NULL,
      content jsonb NOT NULL,
      type1 boolean NOT NULL,
      type2 boolean NOT NULL,
      type3 boolean NOT NULL,
      income_share numeric,
      next_review_on date NOT NULL,
      superseded_at timestamptz,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tokutei_person_idx ON tokutei_declarations (person_id, recorded_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE integrity_disclosures (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      version integer NOT NULL,
      submitted_on date NOT NULL,
      content jsonb NOT NULL,
      total_effort numeric NOT NULL,
      pledged boolean NOT NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, version)
    )`.execute(db);

  await sql`
    CREATE TABLE person_provider_screenings (
      person_id uuid NOT NULL REFERENCES people(id),
      party_id uuid NOT NULL REFERENCES parties(id),
      provider_name text NOT NULL,
      result jsonb NOT NULL,
      screened_at timestamptz NOT NULL,
      PRIMARY KEY (person_id, party_id)
    )`.execute(db);
}
