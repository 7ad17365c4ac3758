import { type Kysely, sql } from "kysely";

/**
 * The folded names and identifiers of a party (its search text's " | "-separated parts) as an
 * indexed array (issue 11 §6): approach reports' background job looks up each named sender and
 * organisation by exact folded name, which the trigram index cannot serve without statistics
 * (PGlite has no autovacuum), so it scanned and scored the whole directory — which that job itself
 * grows by up to two parties per report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX parties_search_parts ON parties USING gin (string_to_array(search_text, ' | '))`.execute(
    db,
  );
}
