import { type Kysely, sql } from "kysely";

/**
 * Parties keep every version (issue 11 §3, issue 14 §4): `party_versions` holds the full record as
 * it was after each change (created, updated, archived, restored, merged), with who changed it and
 * why, so a review submitted against a party can be read against the party as it was. Merging two
 * duplicate parties archives the duplicate and points it at the surviving party (`merged_into`).
 * Existing parties get their current state as a baseline version; earlier changes stay in the
 * audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE parties ADD COLUMN merged_into uuid REFERENCES parties(id)`.execute(db);
  await sql`
    CREATE TABLE party_versions (
      party_id uuid NOT NULL REFERENCES parties(id),
      version integer NOT NULL,
      action text NOT NULL CHECK (action IN (
        'baseline', 'created', 'updated', 'archived', 'restored', 'merged', 'merged_into')),
      snapshot jsonb NOT NULL,
      reason text,
      related_party_id uuid,
      actor_id uuid REFERENCES users(id),
      actor_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (party_id, version)
    )`.execute(db);
  await sql`
    INSERT INTO party_versions (party_id, version, action, snapshot, actor_id, actor_label, at)
    SELECT p.id, p.version, 'baseline',
      jsonb_build_object(
        'kind', p.kind,
        'primaryName', p.primary_name,
        'names', COALESCE((
          SELECT jsonb_agg(jsonb_build_object('name', n.name, 'kind', n.kind, 'lang', n.lang, 'script', n.script)
                           ORDER BY n.position)
          FROM party_names n WHERE n.party_id = p.id), '[]'::jsonb),
        'country', p.country,
        'birthDate', to_char(p.birth_date, 'YYYY-MM-DD'),
        'website', p.website,
        'notes', p.notes,
        'tags', to_jsonb(p.tags),
        'identifiers', p.identifiers,
        'archived', p.archived_at IS NOT NULL,
        'mergedInto', NULL),
      p.created_by, 'migration', p.updated_at
    FROM parties p`.execute(db);
  await sql`CREATE INDEX parties_identifiers_idx ON parties USING gin (identifiers jsonb_path_ops)`.execute(
    db,
  );
}
