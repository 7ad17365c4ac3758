import { type Kysely, sql } from "kysely";

/**
 * Audit rows carry an HMAC under a key kept outside the database (src/audit/audit-anchor.ts), so a
 * chain re-hashed with the public hash function no longer verifies. Rows written before the key
 * existed keep a NULL MAC; `sekimori audit verify` says so.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN mac text`.execute(db);
}
