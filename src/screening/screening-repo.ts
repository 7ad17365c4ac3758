import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { ListEntityRow, ScreeningDecisionStatus, ScreeningRunTrigger } from "../db/schema.js";

export type RunInsert = {
  id: string;
  partyId: string;
  trigger: ScreeningRunTrigger;
  contextType: string | null;
  contextId: string | null;
  rescreenId: string | null;
  actorId: string | null;
  actorLabel: string;
  screenedAt: Date;
  snapshotIds: Record<string, string>;
  threshold: number;
  query: unknown;
  hitCount: number;
  matchCount: number;
  openCount: number;
  newCount: number;
};

export type HitInsert = {
  run_id: string;
  position: number;
  entity_id: string;
  snapshot_id: string;
  source: string;
  source_id: string;
  content_hash: string;
  schema: string;
  name: string;
  score: number;
  match: boolean;
  is_new: boolean;
  explanation: unknown;
  programs: string[];
  countries: string[];
};

export type DecisionInsert = {
  id: string;
  partyId: string;
  source: string;
  sourceId: string;
  contentHash: string;
  entityId: string;
  entityName: string;
  status: ScreeningDecisionStatus;
  rationale: string;
  decidedById: string | null;
  decidedBy: string;
  decidedAt: Date;
};

export type BatchRowInsert = { row_no: number; line: number; input: unknown };

/** SQL for screening runs, hits, decisions, re-screening and batch jobs. */
export function createScreeningRepo() {
  return {
    // ── runs and hits ──────────────────────────────────────────────────────────────────────────

    async insertRun(exec: Executor, run: RunInsert, hits: HitInsert[]): Promise<void> {
      await exec
        .insertInto("screening_runs")
        .values({
          id: run.id,
          party_id: run.partyId,
          trigger: run.trigger,
          context_type: run.contextType,
          context_id: run.contextId,
          rescreen_id: run.rescreenId,
          actor_id: run.actorId,
          actor_label: run.actorLabel,
          screened_at: run.screenedAt,
          snapshot_ids: JSON.stringify(run.snapshotIds),
          threshold: run.threshold,
          query: JSON.stringify(run.query),
          hit_count: run.hitCount,
          match_count: run.matchCount,
          open_count: run.openCount,
          new_count: run.newCount,
        })
        .execute();
      if (hits.length === 0) return;
      await sql`
        INSERT INTO screening_hits (run_id, position, entity_id, snapshot_id, source, source_id, content_hash,
          schema, name, score, match, is_new, explanation, programs, countries)
        SELECT run_id, position, entity_id, snapshot_id, source, source_id, content_hash, schema, name, score,
          match, is_new, explanation, programs, countries
        FROM jsonb_to_recordset(${JSON.stringify(hits)}::jsonb) AS x(
          run_id uuid, position integer, entity_id uuid, snapshot_id uuid, source text, source_id text,
          content_hash text, schema text, name text, score double precision, match boolean, is_new boolean,
          explanation jsonb, programs text[], countries text[])`.execute(exec);
    },

    async latestRun(exec: Executor, partyId: string) {
      return exec
        .selectFrom("screening_runs")
        .selectAll()
        .where("party_id", "=", partyId)
        .orderBy("screened_at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
    },

    async findRun(exec: Executor, runId: string) {
      return exec.selectFrom("screening_runs").selectAll().where("id", "=", runId).executeTakeFirst();
    },

    async runsForParty(exec: Executor, partyId: string, limit: number, offset: number) {
      const rows = await exec
        .selectFrom("screening_runs")
        .selectAll()
        .where("party_id", "=", partyId)
        .orderBy("screened_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await exec
        .selectFrom("screening_runs")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("party_id", "=", partyId)
        .executeTakeFirstOrThrow();
      return { rows, total: Number(total.n) };
    },

    async hitsOfRun(exec: Executor, runId: string) {
      return exec
        .selectFrom("screening_hits")
        .selectAll()
        .where("run_id", "=", runId)
        .orderBy("position")
        .execute();
    },

    /** The newest hit of a party's runs on a list entity (a decision must concern a hit raised). */
    async hitForParty(exec: Executor, partyId: string, entityId: string) {
      return exec
        .selectFrom("screening_hits as h")
        .innerJoin("screening_runs as r", "r.id", "h.run_id")
        .selectAll("h")
        .where("r.party_id", "=", partyId)
        .where("h.entity_id", "=", entityId)
        .orderBy("r.screened_at", "desc")
        .limit(1)
        .executeTakeFirst();
    },

    /** Snapshot and content hash of list entries (for hits), by entity id. */
    async entryVersions(exec: Executor, entityIds: string[]) {
      if (entityIds.length === 0) return [];
      return exec
        .selectFrom("list_entities")
        .select(["id", "snapshot_id", "content_hash"])
        .where("id", "in", entityIds)
        .execute();
    },

    /** Full list entries with their list id, for yente-shaped results and the search page. */
    async entries(exec: Executor, entityIds: string[]): Promise<(ListEntityRow & { source: string })[]> {
      if (entityIds.length === 0) return [];
      return exec
        .selectFrom("list_entities as e")
        .innerJoin("list_snapshots as s", "s.id", "e.snapshot_id")
        .selectAll("e")
        .select("s.source")
        .where("e.id", "in", entityIds)
        .execute();
    },

    // ── decisions ──────────────────────────────────────────────────────────────────────────────

    async currentDecisions(exec: Executor, partyId: string) {
      return exec
        .selectFrom("screening_decisions")
        .selectAll()
        .where("party_id", "=", partyId)
        .where("replaced_at", "is", null)
        .execute();
    },

    async currentDecision(exec: Executor, partyId: string, source: string, sourceId: string, lock = false) {
      let q = exec
        .selectFrom("screening_decisions")
        .selectAll()
        .where("party_id", "=", partyId)
        .where("source", "=", source)
        .where("source_id", "=", sourceId)
        .where("replaced_at", "is", null);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    async decisionHistory(exec: Executor, partyId: string) {
      return exec
        .selectFrom("screening_decisions")
        .selectAll()
        .where("party_id", "=", partyId)
        .orderBy("decided_at", "desc")
        .execute();
    },

    async replaceDecision(exec: Executor, id: string, at: Date): Promise<void> {
      await exec.updateTable("screening_decisions").set({ replaced_at: at }).where("id", "=", id).execute();
    },

    async insertDecision(exec: Executor, d: DecisionInsert): Promise<void> {
      await exec
        .insertInto("screening_decisions")
        .values({
          id: d.id,
          party_id: d.partyId,
          source: d.source,
          source_id: d.sourceId,
          content_hash: d.contentHash,
          entity_id: d.entityId,
          entity_name: d.entityName,
          status: d.status,
          rationale: d.rationale,
          decided_by_id: d.decidedById,
          decided_by: d.decidedBy,
          decided_at: d.decidedAt,
        })
        .execute();
    },

    /** Matching hits of each party's latest run that no current decision covers (the review queue). */
    async openHits(exec: Executor, options: { limit: number; offset: number; partyId?: string | undefined }) {
      const partyFilter = options.partyId ? sql`AND l.party_id = ${options.partyId}` : sql``;
      const base = sql`
        WITH latest AS (
          SELECT DISTINCT ON (party_id) id, party_id, screened_at
          FROM screening_runs
          ORDER BY party_id, screened_at DESC, id DESC
        )
        SELECT h.*, l.party_id, l.screened_at, p.primary_name AS party_name, p.kind AS party_kind,
               p.country AS party_country
        FROM latest l
        JOIN screening_hits h ON h.run_id = l.id
        JOIN parties p ON p.id = l.party_id
        WHERE h.match AND p.archived_at IS NULL ${partyFilter}
          AND NOT EXISTS (
            SELECT 1 FROM screening_decisions d
            WHERE d.party_id = l.party_id AND d.source = h.source AND d.source_id = h.source_id
              AND d.content_hash = h.content_hash AND d.replaced_at IS NULL)`;
      const rows = await sql<{
        run_id: string;
        position: number;
        entity_id: string;
        snapshot_id: string;
        source: string;
        source_id: string;
        content_hash: string;
        schema: string;
        name: string;
        score: number;
        match: boolean;
        is_new: boolean;
        explanation: unknown;
        programs: string[];
        countries: string[];
        party_id: string;
        screened_at: Date;
        party_name: string;
        party_kind: string;
        party_country: string | null;
      }>`${base} ORDER BY h.score DESC, l.screened_at DESC, h.run_id, h.position
        LIMIT ${options.limit} OFFSET ${options.offset}`.execute(exec);
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${base}) q`.execute(exec);
      return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
    },

    // ── re-screening ───────────────────────────────────────────────────────────────────────────

    async latestRescreen(exec: Executor) {
      return exec
        .selectFrom("screening_rescreens")
        .selectAll()
        .orderBy("started_at", "desc")
        .limit(1)
        .executeTakeFirst();
    },

    async findRescreen(exec: Executor, id: string) {
      return exec.selectFrom("screening_rescreens").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async recentRescreens(exec: Executor, limit: number) {
      return exec
        .selectFrom("screening_rescreens")
        .selectAll()
        .orderBy("started_at", "desc")
        .limit(limit)
        .execute();
    },

    async insertRescreen(
      exec: Executor,
      r: { id: string; snapshotKey: string; snapshotIds: Record<string, string>; total: number; at: Date },
    ): Promise<void> {
      await exec
        .insertInto("screening_rescreens")
        .values({
          id: r.id,
          snapshot_key: r.snapshotKey,
          snapshot_ids: JSON.stringify(r.snapshotIds),
          status: "running",
          total: r.total,
          started_at: r.at,
          heartbeat_at: r.at,
        })
        .execute();
    },

    async supersedeRunningRescreens(exec: Executor, at: Date): Promise<string[]> {
      const rows = await exec
        .updateTable("screening_rescreens")
        .set({ status: "superseded", finished_at: at })
        .where("status", "=", "running")
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },

    async rescreenProgress(
      exec: Executor,
      id: string,
      p: { cursor: string; processedDelta: number; newHitsDelta: number; at: Date },
    ): Promise<void> {
      await exec
        .updateTable("screening_rescreens")
        .set((eb) => ({
          cursor_party_id: p.cursor,
          processed: eb("processed", "+", p.processedDelta),
          parties_with_new_hits: eb("parties_with_new_hits", "+", p.newHitsDelta),
          heartbeat_at: p.at,
        }))
        .where("id", "=", id)
        .execute();
    },

    async finishRescreen(
      exec: Executor,
      id: string,
      status: "done" | "failed",
      at: Date,
      error: string | null = null,
    ): Promise<void> {
      await exec
        .updateTable("screening_rescreens")
        .set({ status, finished_at: at, error })
        .where("id", "=", id)
        .where("status", "=", "running")
        .execute();
    },

    async countActiveParties(exec: Executor): Promise<number> {
      const row = await exec
        .selectFrom("parties")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("archived_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Active (not archived) party ids after a cursor, in id order — the re-screening walk. */
    async partyIdsAfter(exec: Executor, cursor: string | null, limit: number): Promise<string[]> {
      let q = exec
        .selectFrom("parties")
        .select("id")
        .where("archived_at", "is", null)
        .orderBy("id")
        .limit(limit);
      if (cursor) q = q.where("id", ">", cursor);
      return (await q.execute()).map((r) => r.id);
    },

    // ── batch jobs ─────────────────────────────────────────────────────────────────────────────

    async insertBatch(
      exec: Executor,
      b: {
        id: string;
        fileName: string;
        fileFormat: "csv" | "xlsx";
        encoding: string | null;
        totalRows: number;
        threshold: number;
        columns: unknown;
        createdById: string | null;
        createdBy: string;
        at: Date;
      },
    ): Promise<void> {
      await exec
        .insertInto("screening_batches")
        .values({
          id: b.id,
          file_name: b.fileName,
          file_format: b.fileFormat,
          encoding: b.encoding,
          status: "queued",
          total_rows: b.totalRows,
          threshold: b.threshold,
          columns: JSON.stringify(b.columns),
          created_by_id: b.createdById,
          created_by: b.createdBy,
          created_at: b.at,
        })
        .execute();
    },

    async insertBatchRows(exec: Executor, batchId: string, rows: BatchRowInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await sql`
        INSERT INTO screening_batch_rows (batch_id, row_no, line, input)
        SELECT ${batchId}::uuid, row_no, line, input
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(row_no integer, line integer, input jsonb)`.execute(
        exec,
      );
    },

    async findBatch(exec: Executor, id: string) {
      return exec.selectFrom("screening_batches").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async listBatches(exec: Executor, limit: number, offset: number) {
      const rows = await exec
        .selectFrom("screening_batches")
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await exec
        .selectFrom("screening_batches")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(total.n) };
    },

    async unfinishedBatches(exec: Executor) {
      return exec
        .selectFrom("screening_batches")
        .selectAll()
        .where("status", "in", ["queued", "running"])
        .orderBy("created_at")
        .execute();
    },

    async startBatch(
      exec: Executor,
      id: string,
      snapshotIds: Record<string, string>,
      at: Date,
    ): Promise<void> {
      await exec
        .updateTable("screening_batches")
        .set({
          status: "running",
          snapshot_ids: JSON.stringify(snapshotIds),
          started_at: at,
          heartbeat_at: at,
        })
        .where("id", "=", id)
        .execute();
    },

    async pendingBatchRows(exec: Executor, batchId: string, limit: number) {
      return exec
        .selectFrom("screening_batch_rows")
        .selectAll()
        .where("batch_id", "=", batchId)
        .where("done", "=", false)
        .orderBy("row_no")
        .limit(limit)
        .execute();
    },

    /** Stores the results of screened rows and advances the job's counters in one statement each. */
    async saveBatchResults(
      exec: Executor,
      batchId: string,
      results: { row_no: number; best_score: number | null; match_count: number; hits: unknown }[],
      at: Date,
    ): Promise<void> {
      if (results.length === 0) return;
      await sql`
        UPDATE screening_batch_rows r
        SET done = true, best_score = x.best_score, match_count = x.match_count, hits = x.hits
        FROM jsonb_to_recordset(${JSON.stringify(results)}::jsonb) AS x(
          row_no integer, best_score double precision, match_count integer, hits jsonb)
        WHERE r.batch_id = ${batchId}::uuid AND r.row_no = x.row_no`.execute(exec);
      await exec
        .updateTable("screening_batches")
        .set((eb) => ({
          processed_rows: eb("processed_rows", "+", results.length),
          matched_rows: eb("matched_rows", "+", results.filter((r) => r.match_count > 0).length),
          heartbeat_at: at,
        }))
        .where("id", "=", batchId)
        .execute();
    },

    async finishBatch(
      exec: Executor,
      id: string,
      status: "done" | "failed",
      at: Date,
      error: string | null = null,
    ): Promise<void> {
      await exec
        .updateTable("screening_batches")
        .set({ status, finished_at: at, error })
        .where("id", "=", id)
        .execute();
    },

    async batchRows(
      exec: Executor,
      batchId: string,
      options: { afterRowNo: number; limit: number; offset?: number; onlyMatches?: boolean | undefined },
    ) {
      let q = exec
        .selectFrom("screening_batch_rows")
        .selectAll()
        .where("batch_id", "=", batchId)
        .where("row_no", ">", options.afterRowNo)
        .orderBy("row_no")
        .limit(options.limit)
        .offset(options.offset ?? 0);
      if (options.onlyMatches) q = q.where("match_count", ">", 0);
      return q.execute();
    },

    /** Marks every row of a job unscreened again (resuming against other snapshots starts over). */
    async resetBatch(exec: Executor, batchId: string): Promise<void> {
      await exec
        .updateTable("screening_batch_rows")
        .set({ done: false, best_score: null, match_count: null, hits: null })
        .where("batch_id", "=", batchId)
        .execute();
      await exec
        .updateTable("screening_batches")
        .set({ processed_rows: 0, matched_rows: 0 })
        .where("id", "=", batchId)
        .execute();
    },

    async countBatchRows(exec: Executor, batchId: string, onlyMatches = false): Promise<number> {
      let q = exec
        .selectFrom("screening_batch_rows")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("batch_id", "=", batchId);
      if (onlyMatches) q = q.where("match_count", ">", 0);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
}

export type ScreeningRepo = ReturnType<typeof createScreeningRepo>;
