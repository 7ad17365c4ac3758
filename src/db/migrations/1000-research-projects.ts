import { type Kysely, sql } from "kysely";

/**
 * Research security for funded projects (issue 16):
 * - `research_projects` and their partners (parties, incl. funders' owners), members (people),
 *   stated appointments, data and equipment, the due-diligence checklist with evidence, and the
 *   mitigation plan (measures with owners and tasks);
 * - `erad_pledges`: the e-Rad research-integrity pledge per researcher (due, given, date);
 * - `disclosure_party_matches`: every organisation named in a disclosure and the party it was
 *   matched to (or created as), with the method and reasons;
 * - `training_attempts`: a quiz attempt with its seeded answer order, so the order is random per
 *   attempt and grading maps answers back; completions remember the attempt and their expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE research_projects (
      id uuid PRIMARY KEY,
      number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      title text NOT NULL,
      summary text,
      funding_agency text NOT NULL,
      funding_programme text NOT NULL,
      specified_programme boolean NOT NULL DEFAULT false,
      us_federal boolean NOT NULL DEFAULT false,
      application_due_on date,
      starts_on date,
      ends_on date,
      department text,
      jp_tags text[] NOT NULL DEFAULT '{}',
      us_tags text[] NOT NULL DEFAULT '{}',
      required_modules text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'ready', 'withdrawn')),
      ready_at timestamptz,
      ready_by uuid REFERENCES users(id),
      ready_snapshot jsonb,
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE research_project_partners (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES research_projects(id),
      party_id uuid NOT NULL REFERENCES parties(id),
      role text NOT NULL CHECK (role IN (
        'partner', 'funder', 'co_investigator_org', 'subcontractor', 'data_recipient', 'supplier', 'owner', 'other')),
      owner_of uuid REFERENCES research_project_partners(id),
      note text,
      position integer NOT NULL,
      CHECK ((role = 'owner') = (owner_of IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX research_project_partners_project_idx ON research_project_partners (project_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE research_project_members (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES research_projects(id),
      person_id uuid NOT NULL REFERENCES people(id),
      role text NOT NULL CHECK (role IN (
        'pi', 'co_pi', 'co_investigator', 'researcher', 'postdoc', 'student', 'technician', 'other')),
      affiliation_party_id uuid REFERENCES parties(id),
      pledge_required boolean NOT NULL,
      covered boolean NOT NULL,
      position integer NOT NULL,
      UNIQUE (project_id, person_id)
    )`.execute(db);
  await sql`
    CREATE TABLE research_project_member_appointments (
      member_id uuid NOT NULL REFERENCES research_project_members(id) ON DELETE CASCADE,
      party_id uuid NOT NULL REFERENCES parties(id),
      PRIMARY KEY (member_id, party_id)
    )`.execute(db);

  await sql`
    CREATE TABLE research_project_assets (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES research_projects(id),
      kind text NOT NULL CHECK (kind IN ('data', 'equipment', 'material', 'software')),
      description text NOT NULL,
      control_status text NOT NULL CHECK (control_status IN ('listed', 'not_listed', 'unclassified')),
      control_ref text,
      shared_with_party_id uuid REFERENCES parties(id),
      sharing_agreement text,
      position integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE research_project_checks (
      project_id uuid NOT NULL REFERENCES research_projects(id),
      item text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'satisfied', 'concern')),
      conclusion text,
      concluded_by uuid REFERENCES users(id),
      concluded_at timestamptz,
      PRIMARY KEY (project_id, item)
    )`.execute(db);
  await sql`
    CREATE TABLE research_project_evidence (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES research_projects(id),
      item text NOT NULL,
      text text NOT NULL,
      url text,
      added_by uuid REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE research_project_measures (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES research_projects(id),
      kind text NOT NULL CHECK (kind IN (
        'access_limits', 'data_segregation', 'publication_review', 'travel_rules', 'other')),
      description text NOT NULL,
      owner_user_id uuid NOT NULL REFERENCES users(id),
      due_on date,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_place')),
      addresses text[] NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      in_place_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE erad_pledges (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      due_on date NOT NULL,
      given_on date,
      project_id uuid REFERENCES research_projects(id),
      note text,
      requested_by uuid REFERENCES users(id),
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX erad_pledges_person_idx ON erad_pledges (person_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE disclosure_party_matches (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id),
      disclosure_version integer NOT NULL,
      path text NOT NULL,
      name text NOT NULL,
      party_id uuid NOT NULL REFERENCES parties(id),
      method text NOT NULL CHECK (method IN ('chosen', 'identifier', 'exact', 'similar', 'created', 'relinked')),
      score real,
      reasons jsonb NOT NULL DEFAULT '[]',
      confirmed_by uuid REFERENCES users(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (person_id, disclosure_version, path)
    )`.execute(db);

  await sql`
    CREATE TABLE training_attempts (
      id uuid PRIMARY KEY,
      module_id uuid NOT NULL REFERENCES training_modules(id),
      module_version integer NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      seed text NOT NULL,
      layout jsonb NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz
    )`.execute(db);
  await sql`ALTER TABLE training_completions ADD COLUMN attempt_id uuid REFERENCES training_attempts(id)`.execute(
    db,
  );
  await sql`ALTER TABLE training_completions ADD COLUMN expires_at timestamptz`.execute(db);
}
