import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db } from "../db/database.js";
import type { Actor } from "../shared/actor.js";
import { AppError, notFound } from "../shared/errors.js";
import { ImportError } from "./importers/import-error.js";
import { type ActiveIndex, type IndexManager, snapshotKey } from "./index-manager.js";
import {
  type BatchColumns,
  type BatchHit,
  type BatchInput,
  type BatchResultRow,
  detectColumns,
  interpretRow,
  looksLikeXlsx,
  readBatchRows,
  resultLine,
  resultsHeader,
  UTF8_BOM,
} from "./screening-batch.js";
import type { ScreeningQuery } from "./screening-contract.js";
import { mergeHits } from "./screening-engine.js";
import type { ScreeningRepo } from "./screening-repo.js";

/** A batch job as the API shows it. */
export type BatchJob = {
  id: string;
  fileName: string;
  fileFormat: "csv" | "xlsx";
  encoding: string | null;
  status: "queued" | "running" | "done" | "failed";
  totalRows: number;
  processedRows: number;
  matchedRows: number;
  threshold: number;
  snapshots: Record<string, string> | null;
  columns: BatchColumns;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type BatchRow = NonNullable<Awaited<ReturnType<ScreeningRepo["findBatch"]>>>;
type StoredBatchRow = Awaited<ReturnType<ScreeningRepo["batchRows"]>>[number];

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}

function toJob(b: BatchRow): BatchJob {
  return {
    id: b.id,
    fileName: b.file_name,
    fileFormat: b.file_format,
    encoding: b.encoding,
    status: b.status,
    totalRows: b.total_rows,
    processedRows: b.processed_rows,
    matchedRows: b.matched_rows,
    threshold: b.threshold,
    snapshots: b.snapshot_ids,
    columns: b.columns as BatchColumns,
    error: b.error,
    createdBy: b.created_by,
    createdAt: iso(b.created_at)!,
    startedAt: iso(b.started_at),
    finishedAt: iso(b.finished_at),
  };
}

function toResultRow(r: StoredBatchRow): BatchResultRow {
  return {
    rowNo: r.row_no,
    line: r.line,
    input: r.input as BatchInput,
    done: r.done,
    bestScore: r.best_score,
    matchCount: r.match_count,
    hits: (r.hits as BatchHit[] | null) ?? [],
  };
}

const BATCH = { ja: "一括スクリーニング", en: "Batch screening job" };

/** The error for an upload whose request timed out (or whose client went away) while it was read. */
function timedOut(signal: AbortSignal): AppError {
  return signal.reason instanceof AppError
    ? signal.reason
    : new AppError(503, "request_timeout", {
        ja: "処理に時間がかかりすぎたため中止しました。何も保存されていません",
        en: "The request took too long and was stopped; nothing was saved",
      });
}

/**
 * Screens one row of a batch file (its name and aliases, with its country and birth date) and keeps
 * its best hits in the compact form results files show — shared by batch jobs and the CLI.
 */
export function screenBatchInput(
  active: ActiveIndex,
  input: BatchInput,
  options: { threshold: number; hitsPerRow: number; minScore: number },
): { best_score: number | null; match_count: number; hits: BatchHit[] } {
  if (input.problem) return { best_score: null, match_count: 0, hits: [] };
  const queries: ScreeningQuery[] = [input.name, ...input.aliases].map((name) => {
    const q: ScreeningQuery = { name, schema: input.schema };
    if (input.country) q.countries = [input.country];
    if (input.birthDate) q.birthDate = input.birthDate;
    return q;
  });
  const hits = mergeHits(
    queries.map((q) =>
      active.index.match(q, {
        limit: options.hitsPerRow,
        minScore: options.minScore,
        threshold: options.threshold,
      }),
    ),
    options.hitsPerRow,
  );
  const compact: BatchHit[] = hits.map((h) => ({
    entityId: h.entityId,
    source: h.source,
    sourceId: h.sourceId,
    name: h.name,
    schema: h.schema,
    score: h.score,
    match: h.match,
    programs: h.programs,
    summary: h.explanation.summary,
    ...(h.explanation.crossScript ? { crossScript: h.explanation.crossScript } : {}),
  }));
  return {
    best_score: compact[0]?.score ?? null,
    match_count: compact.filter((h) => h.match).length,
    hits: compact,
  };
}

/**
 * Batch screening: an uploaded CSV (UTF-8 / Shift_JIS) or XLSX of names becomes a job whose rows are
 * screened in the background against one consistent set of list snapshots, with progress saved
 * every chunk so a restart resumes where it stopped; results download as a CSV for Excel.
 */
export function createBatchService({
  db,
  repo,
  audit,
  index,
  threshold,
  maxRows = 100_000,
  hitsPerRow = 5,
  minScore = 0.5,
  chunk = 200,
  jobTimeoutMs = 60 * 60_000,
  clock = () => new Date(),
  log = () => undefined,
}: {
  db: Db;
  repo: ScreeningRepo;
  audit: AuditWriter;
  index: IndexManager;
  threshold: number;
  maxRows?: number;
  hitsPerRow?: number;
  minScore?: number;
  /** Rows screened between two progress saves. */
  chunk?: number;
  /** Longest run of one job in this process (SEKIMORI_JOB_TIMEOUT_MINUTES); it is then marked failed. */
  jobTimeoutMs?: number;
  clock?: () => Date;
  log?: (line: string) => void;
}) {
  let lane: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    lane = lane.then(work).catch((error: unknown) => {
      log(`  batch screening failed: ${(error as Error).message}`);
    });
    return lane;
  };

  const screenInput = (active: ActiveIndex, input: BatchInput, jobThreshold: number) =>
    screenBatchInput(active, input, { threshold: jobThreshold, hitsPerRow, minScore });

  async function processBatch(id: string): Promise<void> {
    const job = await repo.findBatch(db, id);
    if (!job || (job.status !== "queued" && job.status !== "running")) return;
    let active: ActiveIndex;
    try {
      active = await index.acquireWithLists(30 * 60_000);
    } catch (error) {
      await repo.finishBatch(db, id, "failed", clock(), (error as Error).message);
      return;
    }
    // Resuming after a restart with other snapshots active: start over so one job = one snapshot set.
    if (job.status === "running" && job.snapshot_ids && snapshotKey(job.snapshot_ids) !== active.key) {
      await db.transaction().execute((tx) => repo.resetBatch(tx, id));
    }
    await repo.startBatch(db, id, active.snapshots, job.started_at ?? clock());
    const runStarted = performance.now();
    try {
      for (;;) {
        if (performance.now() - runStarted > jobTimeoutMs) {
          const minutes = Math.round(jobTimeoutMs / 60_000);
          await repo.finishBatch(
            db,
            id,
            "failed",
            clock(),
            `時間切れ: ${minutes} 分を超えたため中止しました（SEKIMORI_JOB_TIMEOUT_MINUTES） / timed out: stopped after ${minutes} minutes (SEKIMORI_JOB_TIMEOUT_MINUTES)`,
          );
          log(`  batch screening ${id} timed out after ${minutes} min`);
          return;
        }
        const rows = await repo.pendingBatchRows(db, id, chunk);
        if (rows.length === 0) break;
        const results = [];
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          results.push({ row_no: r.row_no, ...screenInput(active, r.input as BatchInput, job.threshold) });
          if (i % 25 === 24) await yieldToEventLoop();
        }
        await repo.saveBatchResults(db, id, results, clock());
      }
      await db.transaction().execute(async (tx) => {
        await repo.finishBatch(tx, id, "done", clock());
        const done = await repo.findBatch(tx, id);
        await audit.write(
          tx,
          { id: job.created_by_id, label: job.created_by, roles: [], locale: "ja" },
          {
            action: "screening.batch_finished",
            entityType: "screening_batch",
            entityId: id,
            after: { rows: done?.total_rows, matchedRows: done?.matched_rows, snapshots: active.snapshots },
          },
        );
      });
    } catch (error) {
      await repo.finishBatch(db, id, "failed", clock(), (error as Error).message);
      throw error;
    }
  }

  async function getJob(id: string): Promise<BatchJob> {
    const b = await repo.findBatch(db, id);
    if (!b) throw notFound(BATCH);
    return toJob(b);
  }

  return {
    /**
     * Reads an uploaded file completely (so a broken file is refused whole, naming the line), stores
     * the job with its rows in one transaction, and queues it.
     */
    async create(
      actor: Actor,
      upload: {
        file: string;
        fileName: string;
        encoding?: "auto" | "utf8" | "cp932" | undefined;
        /** The request's deadline: reading stops and nothing is stored when it fires. */
        signal?: AbortSignal | undefined;
      },
    ): Promise<BatchJob> {
      const { signal } = upload;
      const isXlsx = await looksLikeXlsx(upload.file);
      const inputs: BatchInput[] = [];
      let columns: BatchColumns | null = null;
      try {
        for await (const raw of readBatchRows(upload.file, upload.fileName, upload.encoding ?? "auto", {
          signal,
        })) {
          if (!columns) {
            columns = detectColumns(raw.cells);
            if (columns.hasHeader) continue;
          }
          const input = interpretRow(raw, columns);
          if (!input) continue;
          inputs.push(input);
          if (inputs.length > maxRows) {
            throw new AppError(400, "too_many_rows", {
              ja: `行が多すぎます（一度に ${maxRows.toLocaleString()} 行まで）。ファイルを分けてください`,
              en: `Too many rows (at most ${maxRows.toLocaleString()} per job); split the file`,
            });
          }
        }
      } catch (error) {
        if (signal?.aborted) throw timedOut(signal);
        if (error instanceof ImportError) {
          throw new AppError(422, "unreadable_file", {
            ja: `ファイルを読めません: ${error.localized("ja")}`,
            en: `Cannot read the file: ${error.localized("en")}`,
          });
        }
        throw error;
      }
      if (!columns || inputs.length === 0) {
        throw new AppError(422, "no_names", {
          ja: "ファイルに名前の行がありません（見出し行「名前」「name」などと、その下に名前の行）",
          en: 'The file holds no names (a header such as "name" or "名前" with names below it)',
        });
      }
      if (signal?.aborted) throw timedOut(signal);
      const id = randomUUID();
      const at = clock();
      await db.transaction().execute(async (tx) => {
        await repo.insertBatch(tx, {
          id,
          fileName: upload.fileName,
          fileFormat: isXlsx ? "xlsx" : "csv",
          encoding: isXlsx ? null : (upload.encoding ?? "auto"),
          totalRows: inputs.length,
          threshold,
          columns,
          createdById: actor.id,
          createdBy: actor.label,
          at,
        });
        for (let i = 0; i < inputs.length; i += 1000) {
          await repo.insertBatchRows(
            tx,
            id,
            inputs.slice(i, i + 1000).map((input, j) => ({ row_no: i + j + 1, line: input.line, input })),
          );
        }
        await audit.write(tx, actor, {
          action: "screening.batch_created",
          entityType: "screening_batch",
          entityId: id,
          after: {
            fileName: upload.fileName,
            format: isXlsx ? "xlsx" : "csv",
            rows: inputs.length,
            rowsWithProblems: inputs.filter((r) => r.problem).length,
          },
        });
      });
      void enqueue(() => processBatch(id));
      return getJob(id);
    },

    getJob,

    /** Jobs newest first (the batch page lists them, so a job survives a page reload). */
    async list(page: number, pageSize: number): Promise<{ items: BatchJob[]; total: number }> {
      const { rows, total } = await repo.listBatches(db, pageSize, (page - 1) * pageSize);
      return { items: rows.map(toJob), total };
    },

    /** A page of a job's rows with their hits. */
    async rows(
      id: string,
      query: { page: number; pageSize: number; onlyMatches?: boolean | undefined },
    ): Promise<{ items: BatchResultRow[]; total: number; page: number; pageSize: number }> {
      await getJob(id);
      const all = await repo.batchRows(db, id, {
        afterRowNo: 0,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        onlyMatches: query.onlyMatches,
      });
      return {
        items: all.map(toResultRow),
        total: await repo.countBatchRows(db, id, query.onlyMatches ?? false),
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** The results as CSV text chunks (BOM first), streamed from the database in row order. */
    async *resultsCsv(
      id: string,
      lang: "ja" | "en",
      listName?: (source: string) => string,
    ): AsyncGenerator<string> {
      await getJob(id);
      yield UTF8_BOM + resultsHeader(lang);
      let after = 0;
      for (;;) {
        const rows = await repo.batchRows(db, id, { afterRowNo: after, limit: 1000 });
        if (rows.length === 0) return;
        yield rows.map((r) => resultLine(toResultRow(r), lang, listName)).join("");
        after = rows.at(-1)!.row_no;
      }
    },

    /** Queues jobs left queued or running by a previous process (called at start-up). */
    async resumeUnfinished(): Promise<number> {
      const jobs = await repo.unfinishedBatches(db);
      for (const job of jobs) void enqueue(() => processBatch(job.id));
      return jobs.length;
    },

    /** Resolves when no batch job is running in this process (tests, shutdown). */
    async idle(): Promise<void> {
      let seen: Promise<void>;
      do {
        seen = lane;
        await seen;
      } while (seen !== lane);
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
