import { type Kysely, sql } from "kysely";

/**
 * Demo list samples are marked as such, so the screening page and every result can say "sample,
 * not the official list" until a real list is imported (issue 14 §6). Snapshots imported by the
 * demo seeder before this column existed are recognised by their file names (`*-DEMO-SAMPLE.*`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE list_snapshots ADD COLUMN sample boolean NOT NULL DEFAULT false`.execute(db);
  await sql`
    UPDATE list_snapshots SET sample = true
    WHERE EXISTS (SELECT 1 FROM unnest(file_names) AS f(name) WHERE f.name LIKE '%-DEMO-SAMPLE.%')`.execute(
    db,
  );
}
