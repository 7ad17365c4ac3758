import { type Kysely, sql } from "kysely";

/**
 * The case library (structured cases in ja/en, linked to red-flag ids both ways) and training:
 * modules built from cases, assignments with due dates and reminders, and completion records
 * (the training records export-control and research-integrity rules ask for).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('draft', 'published')),
      version integer NOT NULL DEFAULT 1,
      content jsonb NOT NULL,
      search_text text NOT NULL DEFAULT '',
      built_in boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id),
      updated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE case_flags (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      flag_id text NOT NULL,
      PRIMARY KEY (case_id, flag_id)
    )`.execute(db);
  await sql`CREATE INDEX case_flags_flag ON case_flags (flag_id)`.execute(db);

  await sql`
    CREATE TABLE training_modules (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('draft', 'published')),
      version integer NOT NULL DEFAULT 1,
      content jsonb NOT NULL,
      pass_percent integer NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
      due_days integer NOT NULL CHECK (due_days BETWEEN 1 AND 365),
      renew_months integer CHECK (renew_months IS NULL OR renew_months BETWEEN 1 AND 60),
      required_for text[] NOT NULL DEFAULT '{}',
      built_in boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE training_module_cases (
      module_id uuid NOT NULL REFERENCES training_modules(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id),
      position integer NOT NULL,
      PRIMARY KEY (module_id, case_id)
    )`.execute(db);
  await sql`CREATE INDEX training_module_cases_case ON training_module_cases (case_id)`.execute(db);

  await sql`
    CREATE TABLE training_completions (
      id uuid PRIMARY KEY,
      module_id uuid NOT NULL REFERENCES training_modules(id),
      module_version integer NOT NULL,
      module_title text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      user_display_name text NOT NULL,
      user_department text,
      score integer NOT NULL,
      max_score integer NOT NULL,
      percent integer NOT NULL,
      passed boolean NOT NULL,
      answers jsonb NOT NULL,
      completed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX training_completions_user ON training_completions (user_id, module_id, completed_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE training_assignments (
      id uuid PRIMARY KEY,
      module_id uuid NOT NULL REFERENCES training_modules(id),
      user_id uuid NOT NULL REFERENCES users(id),
      assigned_by uuid REFERENCES users(id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      due_at timestamptz NOT NULL,
      completed_at timestamptz,
      completion_id uuid REFERENCES training_completions(id),
      cancelled_at timestamptz,
      last_reminded_at timestamptz,
      reminder_count integer NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX training_assignments_open ON training_assignments (module_id, user_id)
    WHERE completed_at IS NULL AND cancelled_at IS NULL`.execute(db);
  await sql`CREATE INDEX training_assignments_due ON training_assignments (due_at) WHERE completed_at IS NULL AND cancelled_at IS NULL`.execute(
    db,
  );
}
