import { type Kysely, sql } from "kysely";

/**
 * Insider ingestion runs hold a lease: the running process renews `heartbeat_at`, and a run whose
 * lease was not renewed for a couple of minutes is taken over (its process died).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE insider_runs ADD COLUMN heartbeat_at timestamptz`.execute(db);
  await sql`ALTER TABLE insider_runs ALTER COLUMN heartbeat_at SET DEFAULT now()`.execute(db);
}
