import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db } from "../db/database.js";
import type { ListEntityRow, ListSnapshotRow, ListSnapshotStatus } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError, notFound } from "../shared/errors.js";
import {
  ImportError,
  type ImportFormat,
  importerFor,
  importers,
  type TextEncoding,
} from "./importers/index.js";
import {
  countEntity,
  createSourceIdDeduper,
  entityContentHash,
  type SnapshotCounts,
  SOURCE_ID_PATTERN,
} from "./lists-engine.js";
import type { ListEntityInsert, ListsRepo } from "./lists-repo.js";
import type { ListEntity } from "./screening-contract.js";

/** A list snapshot as the API and CLI show it. */
export type ListSnapshot = {
  id: string;
  source: string;
  version: number;
  status: ListSnapshotStatus;
  format: string;
  fileNames: string[];
  sha256: string;
  byteSize: number;
  entityCount: number;
  nameCount: number;
  schemaCounts: Record<string, number>;
  error: string | null;
  importedBy: string;
  startedAt: string;
  finishedAt: string | null;
  activatedAt: string | null;
  supersededAt: string | null;
  entitiesPruned: boolean;
  /** A demo sample shipped with Sekimori, not the official list. */
  sample: boolean;
};

/** A list (UN, OFAC SDN …) with its active snapshot, if any. */
export type ListSource = {
  id: string;
  label: { ja: string; en: string };
  format: string;
  active: ListSnapshot | null;
  updatedAt: string;
};

/** A stored list entity: the contract's ListEntity plus where it is stored. */
export type StoredListEntity = ListEntity & {
  id: string;
  snapshotId: string;
  position: number;
  contentHash: string;
};

/** What one import needs. */
export type ImportListInput = {
  files: readonly string[];
  format: ImportFormat | string;
  source?: string | undefined;
  encoding?: TextEncoding | undefined;
  /** Names to record for the files (uploads are stored under temporary names). */
  displayNames?: readonly string[] | undefined;
  /** Told the bytes read so far and the total, for progress bars. */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /** The files are a demo sample (demo/lists), not the official list: say so wherever it is used. */
  sample?: boolean | undefined;
  /** Told after every batch written (tests use it to interrupt an import part-way). */
  onBatch?: ((entitiesWritten: number) => void | Promise<void>) | undefined;
};

const SNAPSHOT = { ja: "リストのスナップショット", en: "List snapshot" };
const ENTITY = { ja: "リストのエントリ", en: "List entry" };

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Maps a snapshot row to its API shape. */
export function toSnapshot(row: ListSnapshotRow): ListSnapshot {
  return {
    id: row.id,
    source: row.source,
    version: row.version,
    status: row.status,
    format: row.format,
    fileNames: [...row.file_names],
    sha256: row.sha256,
    byteSize: Number(row.byte_size),
    entityCount: row.entity_count,
    nameCount: row.name_count,
    schemaCounts: (row.schema_counts ?? {}) as Record<string, number>,
    error: row.error,
    importedBy: row.imported_by,
    startedAt: iso(row.started_at)!,
    finishedAt: iso(row.finished_at),
    activatedAt: iso(row.activated_at),
    supersededAt: iso(row.superseded_at),
    entitiesPruned: row.entities_pruned_at !== null,
    sample: row.sample ?? false,
  };
}

/** Maps an entity row back to the contract's shape. */
export function toStoredEntity(row: ListEntityRow, source: string): StoredListEntity {
  const entity: StoredListEntity = {
    id: row.id,
    snapshotId: row.snapshot_id,
    position: row.position,
    contentHash: row.content_hash,
    source,
    sourceId: row.source_id,
    schema: row.schema,
    names: row.names as ListEntity["names"],
    countries: [...row.countries],
    birthDates: [...row.birth_dates],
    identifiers: row.identifiers,
    programs: [...row.programs],
  };
  if (row.listed_on) entity.listedOn = row.listed_on;
  if (row.remarks) entity.remarks = row.remarks;
  if (row.addresses.length > 0) entity.addresses = [...row.addresses];
  if (row.details) entity.details = row.details;
  return entity;
}

function toInsert(
  entity: ListEntity,
  snapshotId: string,
  position: number,
  sourceId: string,
): ListEntityInsert {
  const stored = sourceId === entity.sourceId ? entity : { ...entity, sourceId };
  return {
    id: randomUUID(),
    snapshot_id: snapshotId,
    position,
    source_id: sourceId,
    schema: entity.schema,
    primary_name: entity.names[0]!.name,
    names: entity.names,
    countries: entity.countries,
    birth_dates: entity.birthDates,
    identifiers: entity.identifiers,
    programs: entity.programs,
    listed_on: entity.listedOn ?? null,
    remarks: entity.remarks ?? null,
    addresses: entity.addresses ?? [],
    details: entity.details ?? null,
    content_hash: entityContentHash(stored),
  };
}

async function fingerprint(files: readonly string[]): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += (await stat(file)).size;
    } catch (error) {
      throw new ImportError(
        { file },
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? { ja: "ファイルが見つかりません", en: "file not found" }
          : {
              ja: `ファイルを読めません（${(error as Error).message}）`,
              en: `cannot read the file (${(error as Error).message})`,
            },
      );
    }
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** An ImportError as the error the API and CLI show (422 with file, line and field). */
export function importFailed(error: ImportError): AppError {
  return new AppError(422, "import_failed", {
    ja: `取り込めませんでした: ${error.localized("ja")}。以前のスナップショットが引き続き有効です`,
    en: `Import failed: ${error.localized("en")}. The previous snapshot stays active`,
  });
}

/**
 * Restricted-party list storage: imports list files into dated, versioned snapshots and serves the
 * active ones to screening. Entities are written in batches while the new snapshot is `loading`;
 * it becomes `active` (and the previous one `superseded`) in one transaction that also writes the
 * audit row — so a failed, cancelled or killed import leaves the previous snapshot in force and no
 * reader ever sees a half-loaded list.
 */
export function createListsService({
  db,
  repo,
  audit,
  clock = () => new Date(),
  batchSize = 1000,
  keepSnapshots = 3,
}: {
  db: Db;
  repo: ListsRepo;
  audit: AuditWriter;
  clock?: () => Date;
  batchSize?: number;
  keepSnapshots?: number;
}) {
  async function deleteEntities(snapshotId: string): Promise<void> {
    while ((await repo.deleteEntitiesBatch(db, snapshotId, 5000)) > 0) {
      // keep going in batches so a big list never holds one huge transaction
    }
  }

  async function fail(actor: Actor, snapshotId: string, source: string, message: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const changed = await repo.markFailed(tx, snapshotId, message, clock());
      if (changed) {
        await audit.write(tx, actor, {
          action: "list.import_failed",
          entityType: "list_snapshot",
          entityId: snapshotId,
          after: { source, status: "failed", error: message },
        });
      }
    });
    await deleteEntities(snapshotId);
    await repo.markPruned(db, snapshotId, clock());
  }

  async function prune(source: string): Promise<void> {
    for (const old of await repo.snapshotsToPrune(db, source, keepSnapshots)) {
      await deleteEntities(old.id);
      await repo.markPruned(db, old.id, clock());
    }
  }

  /** Imports list files as a new snapshot and makes it active once every entity is stored. */
  async function importList(actor: Actor, input: ImportListInput): Promise<ListSnapshot> {
    let importer: ReturnType<typeof importerFor>;
    try {
      importer = importerFor(input.format, input.files[0]);
    } catch (error) {
      if (error instanceof ImportError) throw importFailed(error);
      throw error;
    }
    const files = await importer.resolveFiles(input.files);
    const source = input.source ?? importer.defaultSource(files);
    if (!SOURCE_ID_PATTERN.test(source)) {
      throw new AppError(400, "invalid_source", {
        ja: `リスト ID "${source}" は使えません（英小文字・数字・_、自組織のリストは custom:名前）`,
        en: `invalid list id "${source}" (lower-case letters, digits and _, or custom:<name> for own lists)`,
      });
    }
    let print: { sha256: string; bytes: number };
    try {
      print = await fingerprint(files);
    } catch (error) {
      if (error instanceof ImportError) throw importFailed(error);
      throw error;
    }
    const displayNames = files.map((f, i) => input.displayNames?.[i] ?? path.basename(f));
    const snapshotId = randomUUID();
    await db.transaction().execute(async (tx) => {
      await repo.upsertSource(tx, {
        id: source,
        labelJa: importer.label.ja,
        labelEn: importer.label.en,
        format: importer.format,
      });
      await repo.insertSnapshot(tx, {
        id: snapshotId,
        source,
        version: await repo.nextVersion(tx, source),
        format: importer.format,
        fileNames: displayNames,
        sha256: print.sha256,
        byteSize: print.bytes,
        importedById: actor.id,
        importedBy: actor.label,
        startedAt: clock(),
        sample: input.sample ?? false,
      });
    });

    const counts: SnapshotCounts = { entities: 0, names: 0, bySchema: {} };
    try {
      const dedupe = createSourceIdDeduper();
      let bytesRead = 0;
      let batch: ListEntityInsert[] = [];
      const flush = async () => {
        await repo.insertEntities(db, batch);
        await repo.heartbeat(db, snapshotId, clock());
        batch = [];
        await input.onBatch?.(counts.entities);
      };
      for await (const entity of importer.parse({
        files,
        source,
        encoding: input.encoding,
        onBytes: (n) => {
          bytesRead += n;
          input.onProgress?.(bytesRead, print.bytes);
        },
      })) {
        countEntity(counts, entity);
        batch.push(toInsert(entity, snapshotId, counts.entities, dedupe(entity.sourceId)));
        if (batch.length >= batchSize) await flush();
      }
      if (batch.length > 0) await flush();
      if (counts.entities === 0) {
        throw new ImportError(
          { file: files[0] ?? "" },
          { ja: "エントリが1件もありません", en: "the files hold no entries" },
        );
      }
    } catch (error) {
      const message =
        error instanceof ImportError ? error.message : error instanceof Error ? error.message : String(error);
      await fail(actor, snapshotId, source, message).catch(() => undefined);
      if (error instanceof ImportError) throw importFailed(error);
      throw error;
    }

    const activated = await db.transaction().execute(async (tx) => {
      await repo.lockSource(tx, source);
      const now = clock();
      const current = (await repo.activeSnapshots(tx)).find((s) => s.source === source);
      if (current) await repo.supersede(tx, current.id, now);
      await repo.activate(tx, snapshotId, counts, now);
      await repo.setActiveSnapshot(tx, source, snapshotId, now);
      const row = await repo.findSnapshot(tx, snapshotId);
      if (row?.status !== "active") {
        throw new AppError(409, "import_interrupted", {
          ja: "取り込み中のスナップショットが中断扱いになっていました。もう一度取り込んでください",
          en: "The snapshot being imported was marked as interrupted; import again",
        });
      }
      await audit.write(tx, actor, {
        action: "list.imported",
        entityType: "list_snapshot",
        entityId: snapshotId,
        before: current
          ? { snapshotId: current.id, version: current.version, entities: current.entity_count }
          : null,
        after: {
          source,
          version: row.version,
          format: importer.format,
          files: displayNames,
          sha256: print.sha256,
          entities: counts.entities,
          names: counts.names,
          bySchema: counts.bySchema,
        },
      });
      return toSnapshot(row);
    });
    await prune(source).catch(() => undefined);
    return activated;
  }

  /**
   * Marks imports that stopped without finishing (process killed, machine down) as failed and
   * removes their rows. Run at start-up; `staleAfterMs` protects imports still running elsewhere
   * (0 for the embedded database, which only one process can open).
   */
  async function recoverInterruptedImports(actor: Actor, staleAfterMs: number): Promise<number> {
    const stale = await repo.staleLoading(db, new Date(clock().getTime() - staleAfterMs));
    for (const snapshot of stale) {
      await fail(
        actor,
        snapshot.id,
        snapshot.source,
        "interrupted: the import stopped before it was complete",
      );
    }
    return stale.length;
  }

  async function getSnapshot(id: string): Promise<ListSnapshot> {
    const row = await repo.findSnapshot(db, id);
    if (!row) throw notFound(SNAPSHOT);
    return toSnapshot(row);
  }

  return {
    importList,
    recoverInterruptedImports,

    /** The list formats this build reads, for the admin page and CLI help. */
    formats() {
      return Object.values(importers).map((i) => ({
        format: i.format,
        label: i.label,
        description: i.describe(),
      }));
    },

    /** Every list with its active snapshot and counts. */
    async listSources(): Promise<ListSource[]> {
      return (await repo.sources(db)).map((s) => ({
        id: s.id,
        label: { ja: s.label_ja, en: s.label_en },
        format: s.format,
        active: s.active ? toSnapshot(s.active) : null,
        updatedAt: iso(s.updated_at)!,
      }));
    },

    /**
     * A function naming a list for people: its label in the language, marked when its active
     * snapshot is a demo sample ("国連安保理 統合制裁リスト（デモ用サンプル）"); the id when unknown.
     */
    async listNamer(lang: "ja" | "en"): Promise<(source: string) => string> {
      const sources = await repo.sources(db);
      const names = new Map(
        sources.map((s) => {
          const label = lang === "ja" ? s.label_ja : s.label_en;
          const sample = s.active ? toSnapshot(s.active).sample : false;
          return [
            s.id,
            sample ? `${label}${lang === "ja" ? "（デモ用サンプル）" : " (demo sample)"}` : label,
          ];
        }),
      );
      return (source) => names.get(source) ?? source;
    },

    /** A function giving a list's label in both languages (its id when unknown). */
    async listLabels(): Promise<(source: string) => { ja: string; en: string }> {
      const sources = await repo.sources(db);
      const labels = new Map(sources.map((s) => [s.id, { ja: s.label_ja, en: s.label_en }]));
      return (source) => labels.get(source) ?? { ja: source, en: source };
    },

    /** Snapshots, newest first, optionally of one list or status. */
    async listSnapshots(query: {
      source?: string | undefined;
      status?: ListSnapshotStatus | undefined;
      page: number;
      pageSize: number;
    }): Promise<{ items: ListSnapshot[]; total: number; page: number; pageSize: number }> {
      const { rows, total } = await repo.snapshots(db, {
        source: query.source,
        status: query.status,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(toSnapshot), total, page: query.page, pageSize: query.pageSize };
    },

    getSnapshot,

    /** The active snapshot of every list: what screening matches against. */
    async activeSnapshots(): Promise<ListSnapshot[]> {
      return (await repo.activeSnapshots(db)).map(toSnapshot);
    },

    /**
     * Streams the entities of the active snapshots in batches (keyset pagination) — for building the
     * matching index without holding the database or a million rows at once.
     */
    async *iterateActiveEntities(
      options: { batchSize?: number; sources?: readonly string[] } = {},
    ): AsyncGenerator<StoredListEntity[]> {
      const size = options.batchSize ?? 5000;
      for (const snapshot of await repo.activeSnapshots(db)) {
        if (options.sources && !options.sources.includes(snapshot.source)) continue;
        let after = 0;
        for (;;) {
          const rows = await repo.entitiesAfter(db, snapshot.id, after, size);
          if (rows.length === 0) break;
          yield rows.map((r) => toStoredEntity(r, snapshot.source));
          after = rows.at(-1)!.position;
          if (rows.length < size) break;
        }
      }
    },

    /** Entries of one snapshot, searchable by name or identifier, for reviewers browsing a list. */
    async listEntities(
      snapshotId: string,
      query: { q?: string | undefined; page: number; pageSize: number },
    ): Promise<{ items: StoredListEntity[]; total: number; page: number; pageSize: number }> {
      const snapshot = await getSnapshot(snapshotId);
      const { rows, total } = await repo.searchEntities(db, snapshotId, {
        q: query.q?.trim() || undefined,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: rows.map((r) => toStoredEntity(r, snapshot.source)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** One list entry by its database id (a screening hit's `entityId`). */
    async getEntity(id: string): Promise<StoredListEntity & { snapshot: ListSnapshot }> {
      const row = await repo.findEntity(db, id);
      if (!row) throw notFound(ENTITY);
      const snapshot = await getSnapshot(row.snapshot_id);
      return { ...toStoredEntity(row, snapshot.source), snapshot };
    },

    /** Source ids added, changed or removed from one snapshot to another — for re-screening after an update. */
    async diffSnapshots(
      fromId: string,
      toId: string,
    ): Promise<{
      from: ListSnapshot;
      to: ListSnapshot;
      added: string[];
      changed: string[];
      removed: string[];
    }> {
      const from = await getSnapshot(fromId);
      const to = await getSnapshot(toId);
      if (from.entitiesPruned || to.entitiesPruned) {
        throw new AppError(409, "snapshot_pruned", {
          ja: "古いスナップショットのエントリは削除済みのため比較できません",
          en: "The entries of an old snapshot were pruned; it can no longer be compared",
        });
      }
      const rows = await repo.diff(db, fromId, toId);
      return {
        from,
        to,
        added: rows.filter((r) => r.change === "added").map((r) => r.source_id),
        changed: rows.filter((r) => r.change === "changed").map((r) => r.source_id),
        removed: rows.filter((r) => r.change === "removed").map((r) => r.source_id),
      };
    },
  };
}

export type ListsService = ReturnType<typeof createListsService>;
