import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { ListEntityRow, ListSnapshotRow, ListSnapshotStatus, ListSourceRow } from "../db/schema.js";

/** One entity row as written by an import batch. */
export type ListEntityInsert = {
  id: string;
  snapshot_id: string;
  position: number;
  source_id: string;
  schema: string;
  primary_name: string;
  names: unknown;
  countries: string[];
  birth_dates: string[];
  identifiers: unknown;
  programs: string[];
  listed_on: string | null;
  remarks: string | null;
  addresses: string[];
  details: unknown;
  content_hash: string;
};

/** SQL for list sources, snapshots and entities. */
export function createListsRepo() {
  return {
    async upsertSource(
      exec: Executor,
      source: { id: string; labelJa: string; labelEn: string; format: string },
    ): Promise<void> {
      await exec
        .insertInto("list_sources")
        .values({ id: source.id, label_ja: source.labelJa, label_en: source.labelEn, format: source.format })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({
            label_ja: source.labelJa,
            label_en: source.labelEn,
            format: source.format,
            updated_at: new Date(),
          }),
        )
        .execute();
    },

    async nextVersion(exec: Executor, source: string): Promise<number> {
      const row = await exec
        .selectFrom("list_snapshots")
        .select((eb) => eb.fn.max("version").as("max"))
        .where("source", "=", source)
        .executeTakeFirst();
      return Number(row?.max ?? 0) + 1;
    },

    async insertSnapshot(
      exec: Executor,
      snapshot: {
        id: string;
        source: string;
        version: number;
        format: string;
        fileNames: string[];
        sha256: string;
        byteSize: number;
        importedById: string | null;
        importedBy: string;
        startedAt: Date;
        sample?: boolean;
      },
    ): Promise<void> {
      await exec
        .insertInto("list_snapshots")
        .values({
          id: snapshot.id,
          source: snapshot.source,
          version: snapshot.version,
          status: "loading",
          format: snapshot.format,
          file_names: snapshot.fileNames,
          sha256: snapshot.sha256,
          byte_size: snapshot.byteSize,
          imported_by_id: snapshot.importedById,
          imported_by: snapshot.importedBy,
          sample: snapshot.sample ?? false,
          error: null,
          started_at: snapshot.startedAt,
          heartbeat_at: snapshot.startedAt,
        })
        .execute();
    },

    /** Writes a batch of entities in one statement (one parameter: the batch as JSON). */
    async insertEntities(exec: Executor, rows: ListEntityInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await sql`
        INSERT INTO list_entities (id, snapshot_id, position, source_id, schema, primary_name, names, countries,
          birth_dates, identifiers, programs, listed_on, remarks, addresses, details, content_hash)
        SELECT id, snapshot_id, position, source_id, schema, primary_name, names, countries,
          birth_dates, identifiers, programs, listed_on, remarks, addresses, details, content_hash
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
          id uuid, snapshot_id uuid, position integer, source_id text, schema text, primary_name text,
          names jsonb, countries text[], birth_dates text[], identifiers jsonb, programs text[],
          listed_on text, remarks text, addresses text[], details jsonb, content_hash text)`.execute(exec);
    },

    async heartbeat(exec: Executor, snapshotId: string, at: Date): Promise<void> {
      await exec
        .updateTable("list_snapshots")
        .set({ heartbeat_at: at })
        .where("id", "=", snapshotId)
        .execute();
    },

    /** Locks the source row so two imports of one list activate one after the other. */
    async lockSource(exec: Executor, source: string): Promise<ListSourceRow | undefined> {
      return exec
        .selectFrom("list_sources")
        .selectAll()
        .where("id", "=", source)
        .forUpdate()
        .executeTakeFirst();
    },

    async findSnapshot(exec: Executor, id: string): Promise<ListSnapshotRow | undefined> {
      return exec.selectFrom("list_snapshots").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async supersede(exec: Executor, id: string, at: Date): Promise<void> {
      await exec
        .updateTable("list_snapshots")
        .set({ status: "superseded", superseded_at: at })
        .where("id", "=", id)
        .where("status", "=", "active")
        .execute();
    },

    async activate(
      exec: Executor,
      id: string,
      counts: { entities: number; names: number; bySchema: Record<string, number> },
      at: Date,
    ): Promise<void> {
      await exec
        .updateTable("list_snapshots")
        .set({
          status: "active",
          entity_count: counts.entities,
          name_count: counts.names,
          schema_counts: JSON.stringify(counts.bySchema),
          finished_at: at,
          activated_at: at,
          heartbeat_at: at,
        })
        .where("id", "=", id)
        .where("status", "=", "loading")
        .execute();
    },

    async setActiveSnapshot(exec: Executor, source: string, snapshotId: string, at: Date): Promise<void> {
      await exec
        .updateTable("list_sources")
        .set({ active_snapshot_id: snapshotId, updated_at: at })
        .where("id", "=", source)
        .execute();
    },

    async markFailed(exec: Executor, id: string, error: string, at: Date): Promise<boolean> {
      const result = await exec
        .updateTable("list_snapshots")
        .set({ status: "failed", error: error.slice(0, 4000), finished_at: at })
        .where("id", "=", id)
        .where("status", "=", "loading")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Deletes up to `limit` entities of a snapshot; returns how many went (0 when none are left). */
    async deleteEntitiesBatch(exec: Executor, snapshotId: string, limit: number): Promise<number> {
      const result = await sql`
        DELETE FROM list_entities WHERE id IN (
          SELECT id FROM list_entities WHERE snapshot_id = ${snapshotId} LIMIT ${limit})`.execute(exec);
      return Number(result.numAffectedRows ?? 0);
    },

    async markPruned(exec: Executor, id: string, at: Date): Promise<void> {
      await exec.updateTable("list_snapshots").set({ entities_pruned_at: at }).where("id", "=", id).execute();
    },

    /** Loading snapshots whose import has given no sign of life since `before` (interrupted imports). */
    async staleLoading(exec: Executor, before: Date): Promise<ListSnapshotRow[]> {
      return exec
        .selectFrom("list_snapshots")
        .selectAll()
        .where("status", "=", "loading")
        .where("heartbeat_at", "<=", before)
        .execute();
    },

    /** Failed or superseded snapshots that still hold entity rows, oldest first, beyond the newest `keep` of their list. */
    async snapshotsToPrune(exec: Executor, source: string, keep: number): Promise<ListSnapshotRow[]> {
      const rows = await exec
        .selectFrom("list_snapshots")
        .selectAll()
        .where("source", "=", source)
        .where("entities_pruned_at", "is", null)
        .orderBy("version", "desc")
        .execute();
      const kept = rows.filter((r) => r.status === "active" || r.status === "superseded").slice(0, keep);
      const keepIds = new Set(kept.map((r) => r.id));
      return rows.filter((r) => !keepIds.has(r.id) && r.status !== "loading" && r.status !== "active");
    },

    async sources(exec: Executor): Promise<(ListSourceRow & { active: ListSnapshotRow | null })[]> {
      const sources = await exec.selectFrom("list_sources").selectAll().orderBy("id").execute();
      const active = await exec
        .selectFrom("list_snapshots")
        .selectAll()
        .where("status", "=", "active")
        .execute();
      const bySource = new Map(active.map((s) => [s.source, s]));
      return sources.map((s) => ({ ...s, active: bySource.get(s.id) ?? null }));
    },

    async snapshots(
      exec: Executor,
      filter: {
        source?: string | undefined;
        status?: ListSnapshotStatus | undefined;
        limit: number;
        offset: number;
      },
    ): Promise<{ rows: ListSnapshotRow[]; total: number }> {
      let q = exec.selectFrom("list_snapshots");
      if (filter.source) q = q.where("source", "=", filter.source);
      if (filter.status) q = q.where("status", "=", filter.status);
      const rows = await q
        .selectAll()
        .orderBy("started_at", "desc")
        .orderBy("version", "desc")
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
      return { rows, total: Number(count?.n ?? 0) };
    },

    async activeSnapshots(exec: Executor): Promise<ListSnapshotRow[]> {
      return exec
        .selectFrom("list_snapshots")
        .selectAll()
        .where("status", "=", "active")
        .orderBy("source")
        .execute();
    },

    /** Entities of a snapshot in file order after `afterPosition` (keyset pagination, no OFFSET scans). */
    async entitiesAfter(
      exec: Executor,
      snapshotId: string,
      afterPosition: number,
      limit: number,
    ): Promise<ListEntityRow[]> {
      return exec
        .selectFrom("list_entities")
        .selectAll()
        .where("snapshot_id", "=", snapshotId)
        .where("position", ">", afterPosition)
        .orderBy("position")
        .limit(limit)
        .execute();
    },

    async searchEntities(
      exec: Executor,
      snapshotId: string,
      filter: { q?: string | undefined; limit: number; offset: number },
    ): Promise<{ rows: ListEntityRow[]; total: number }> {
      let q = exec.selectFrom("list_entities").where("snapshot_id", "=", snapshotId);
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([
            eb("primary_name", "ilike", pattern),
            eb("source_id", "ilike", pattern),
            eb(sql`names::text`, "ilike", pattern),
          ]),
        );
      }
      const rows = await q
        .selectAll()
        .orderBy("position")
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
      return { rows, total: Number(count?.n ?? 0) };
    },

    async findEntity(exec: Executor, id: string): Promise<ListEntityRow | undefined> {
      return exec.selectFrom("list_entities").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Source ids added, changed (other content hash) or removed between two snapshots. */
    async diff(
      exec: Executor,
      fromId: string,
      toId: string,
    ): Promise<{ source_id: string; change: "added" | "changed" | "removed" }[]> {
      const { rows } = await sql<{ source_id: string; change: "added" | "changed" | "removed" }>`
        SELECT COALESCE(n.source_id, o.source_id) AS source_id,
               CASE WHEN o.source_id IS NULL THEN 'added'
                    WHEN n.source_id IS NULL THEN 'removed'
                    ELSE 'changed' END AS change
        FROM (SELECT source_id, content_hash FROM list_entities WHERE snapshot_id = ${fromId}) o
        FULL OUTER JOIN (SELECT source_id, content_hash FROM list_entities WHERE snapshot_id = ${toId}) n
          ON n.source_id = o.source_id
        WHERE o.source_id IS NULL OR n.source_id IS NULL OR o.content_hash <> n.content_hash
        ORDER BY 1`.execute(exec);
      return rows;
    },

    async countEntities(exec: Executor, snapshotId: string): Promise<number> {
      const row = await exec
        .selectFrom("list_entities")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("snapshot_id", "=", snapshotId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type ListsRepo = ReturnType<typeof createListsRepo>;
