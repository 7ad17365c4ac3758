import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type {
  PartyIdentifier,
  PartyKind,
  PartyNameKind,
  PartyNameRow,
  PartyRow,
  PartyVersionsTable,
} from "../db/schema.js";
import type { DirectoryParty } from "./parties-duplicates-engine.js";

export type PartyVersionInsert = {
  partyId: string;
  version: number;
  action: PartyVersionsTable["action"];
  snapshot: unknown;
  reason: string | null;
  relatedPartyId: string | null;
  actorId: string | null;
  actorLabel: string;
};

export type PartyVersionRow = {
  version: number;
  action: PartyVersionsTable["action"];
  snapshot: unknown;
  reason: string | null;
  related_party_id: string | null;
  actor_label: string;
  at: Date;
};

/** A directory party for duplicate detection, with when it last changed. */
export type DirectoryRow = DirectoryParty & { archived: boolean; updatedAt: Date };

export type PartyNameInsert = {
  id: string;
  name: string;
  kind: PartyNameKind;
  lang: string | null;
  script: string;
  position: number;
};

export type PartyRecordInsert = {
  id: string;
  kind: PartyKind;
  primaryName: string;
  country: string | null;
  birthDate: string | null;
  website: string | null;
  notes: string | null;
  tags: string[];
  identifiers: PartyIdentifier[];
  searchText: string;
  createdBy: string | null;
};

export type PartyQuery = {
  folded?: string | undefined;
  kind?: PartyKind | undefined;
  country?: string | undefined;
  tag?: string | undefined;
  includeArchived?: boolean | undefined;
  limit: number;
  offset: number;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for the parties directory. */
export function createPartiesRepo() {
  return {
    async insert(tx: Executor, party: PartyRecordInsert, names: PartyNameInsert[]): Promise<void> {
      await tx
        .insertInto("parties")
        .values({
          id: party.id,
          kind: party.kind,
          primary_name: party.primaryName,
          country: party.country,
          birth_date: party.birthDate,
          website: party.website,
          notes: party.notes,
          tags: party.tags,
          identifiers: JSON.stringify(party.identifiers),
          search_text: party.searchText,
          created_by: party.createdBy,
        })
        .execute();
      await this.replaceNames(tx, party.id, names);
    },

    async update(
      tx: Executor,
      party: Omit<PartyRecordInsert, "createdBy">,
      names: PartyNameInsert[],
    ): Promise<void> {
      await tx
        .updateTable("parties")
        .set((eb) => ({
          kind: party.kind,
          primary_name: party.primaryName,
          country: party.country,
          birth_date: party.birthDate,
          website: party.website,
          notes: party.notes,
          tags: party.tags,
          identifiers: JSON.stringify(party.identifiers),
          search_text: party.searchText,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", party.id)
        .execute();
      await this.replaceNames(tx, party.id, names);
    },

    async replaceNames(tx: Executor, partyId: string, names: PartyNameInsert[]): Promise<void> {
      await tx.deleteFrom("party_names").where("party_id", "=", partyId).execute();
      if (names.length > 0) {
        await tx
          .insertInto("party_names")
          .values(names.map((n) => ({ ...n, party_id: partyId })))
          .execute();
      }
    },

    async setArchived(tx: Executor, id: string, archivedAt: Date | null): Promise<void> {
      await tx
        .updateTable("parties")
        .set((eb) => ({ archived_at: archivedAt, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", id)
        .execute();
    },

    find(db: Executor, id: string, forUpdate = false): Promise<PartyRow | undefined> {
      const q = db.selectFrom("parties").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    namesOf(db: Executor, partyIds: string[]): Promise<PartyNameRow[]> {
      if (partyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("party_names")
        .selectAll()
        .where("party_id", "in", partyIds)
        .orderBy("party_id")
        .orderBy("position")
        .execute();
    },

    /**
     * Parties of a kind, not archived, that have `folded` as one of their search text's " | "-separated
     * parts (a name or an identifier, folded), newest first. An exact look-up in the parts' index
     * (migration 1190): unlike `search`, nothing is scored or counted, so the cost follows the
     * matches, not the size of the directory (issue 11 §6: every approach report's job asks this).
     */
    withFoldedPart(db: Executor, kind: PartyKind, folded: string): Promise<PartyRow[]> {
      return this.withFoldedPartQuery(db, kind, folded).execute();
    },

    /** The query of `withFoldedPart` (its test checks the plan uses the index). */
    withFoldedPartQuery(db: Executor, kind: PartyKind, folded: string) {
      return db
        .selectFrom("parties")
        .selectAll()
        .where("archived_at", "is", null)
        .where("kind", "=", kind)
        .where(sql<boolean>`string_to_array(search_text, ' | ') @> ARRAY[${folded}::text]`)
        .orderBy("updated_at", "desc")
        .orderBy("id");
    },

    /** Substring match first, then trigram similarity; newest first among equals. */
    async search(db: Executor, q: PartyQuery): Promise<{ rows: PartyRow[]; total: number }> {
      let base = db.selectFrom("parties");
      if (!q.includeArchived) base = base.where("archived_at", "is", null);
      if (q.kind) base = base.where("kind", "=", q.kind);
      if (q.country) base = base.where("country", "=", q.country);
      if (q.tag) base = base.where(sql<boolean>`${q.tag} = ANY(tags)`);
      if (q.folded) {
        const pattern = likePattern(q.folded);
        base = base.where(
          sql<boolean>`(search_text LIKE ${pattern} OR word_similarity(${q.folded}, search_text) >= 0.45)`,
        );
      }
      const countRow = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      let rowsQuery = base.selectAll();
      if (q.folded) {
        const pattern = likePattern(q.folded);
        rowsQuery = rowsQuery
          .orderBy(sql`(search_text LIKE ${pattern})`, "desc")
          .orderBy(sql`word_similarity(${q.folded}, search_text)`, "desc");
      }
      const rows = await rowsQuery
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return { rows, total: countRow.n };
    },

    async insertVersion(tx: Executor, v: PartyVersionInsert): Promise<void> {
      await tx
        .insertInto("party_versions")
        .values({
          party_id: v.partyId,
          version: v.version,
          action: v.action,
          snapshot: JSON.stringify(v.snapshot),
          reason: v.reason,
          related_party_id: v.relatedPartyId,
          actor_id: v.actorId,
          actor_label: v.actorLabel,
        })
        .execute();
    },

    /** Every version of a party, newest first. */
    versions(db: Executor, partyId: string): Promise<PartyVersionRow[]> {
      return db
        .selectFrom("party_versions")
        .select(["version", "action", "snapshot", "reason", "related_party_id", "actor_label", "at"])
        .where("party_id", "=", partyId)
        .orderBy("version", "desc")
        .execute() as Promise<PartyVersionRow[]>;
    },

    async setMergedInto(tx: Executor, id: string, survivorId: string): Promise<void> {
      await tx
        .updateTable("parties")
        .set((eb) => ({
          merged_into: survivorId,
          archived_at: new Date(),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },

    /** Parties for the duplicate index: all of them, those changed at or after `since`, or these ids. */
    async directory(db: Executor, filter: { since?: Date; ids?: string[] } = {}): Promise<DirectoryRow[]> {
      if (filter.ids && filter.ids.length === 0) return [];
      const { rows } = await sql<{
        id: string;
        kind: PartyKind;
        country: string | null;
        birth_date: string | null;
        identifiers: PartyIdentifier[];
        archived: boolean;
        updated_at: Date;
        names: { name: string; kind: string }[] | null;
      }>`
        SELECT p.id, p.kind, p.country, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.identifiers,
               (p.archived_at IS NOT NULL) AS archived, p.updated_at,
               (SELECT json_agg(json_build_object('name', n.name, 'kind', n.kind) ORDER BY n.position)
                  FROM party_names n WHERE n.party_id = p.id) AS names
        FROM parties p
        ${
          filter.since
            ? sql`WHERE p.updated_at >= ${filter.since}`
            : filter.ids
              ? sql`WHERE p.id = ANY(${filter.ids}::uuid[])`
              : sql``
        }`.execute(db);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        country: r.country,
        birthDate: r.birth_date,
        identifiers: r.identifiers ?? [],
        names: r.names ?? [],
        archived: r.archived,
        updatedAt: new Date(r.updated_at),
      }));
    },

    /** Ids of active parties holding any of these identifiers (scheme and value equal). */
    async withIdentifiers(db: Executor, ids: PartyIdentifier[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("parties")
        .select("id")
        .where("archived_at", "is", null)
        .where((eb) =>
          eb.or(
            ids.map(
              (i) =>
                sql<boolean>`identifiers @> ${JSON.stringify([{ scheme: i.scheme, value: i.value }])}::jsonb`,
            ),
          ),
        )
        .execute();
      return rows.map((r) => r.id);
    },

    async tags(db: Executor): Promise<string[]> {
      const { rows } = await sql<{ tag: string }>`
        SELECT DISTINCT unnest(tags) AS tag FROM parties WHERE archived_at IS NULL ORDER BY 1`.execute(db);
      return rows.map((r) => r.tag);
    },
  };
}

export type PartiesRepo = ReturnType<typeof createPartiesRepo>;
