import { type Kysely, sql } from "kysely";

/**
 * The data and equipment register of a research project (issue 16): who may access each data set,
 * instrument, material or software (the members named, and a written access rule), where it is kept,
 * and when it was last changed. The table existed since 1000 without access limits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE research_project_assets ADD COLUMN location text`.execute(db);
  await sql`ALTER TABLE research_project_assets ADD COLUMN access_limits text`.execute(db);
  await sql`ALTER TABLE research_project_assets ADD COLUMN authorised_member_ids uuid[] NOT NULL DEFAULT '{}'`.execute(
    db,
  );
  await sql`ALTER TABLE research_project_assets ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE research_project_assets ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`.execute(
    db,
  );
  await sql`CREATE INDEX research_project_assets_project_idx ON research_project_assets (project_id, position)`.execute(
    db,
  );
}
