import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { ScreeningDecisionStatus, ScreeningRunTrigger } from "../db/schema.js";
import type { PartiesService, Party } from "../parties/parties-service.js";
import { type Actor, systemActor } from "../shared/actor.js";
import { AppError, type Bilingual, type FieldError, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  type ActiveIndex,
  type IndexManager,
  type IndexStatus,
  indexBuildingError,
  noListsError,
} from "./index-manager.js";
import { type StoredListEntity, toStoredEntity } from "./lists-service.js";
import type {
  PartyScreeningResult,
  ScreeningHit,
  ScreeningPort,
  ScreeningQuery,
} from "./screening-contract.js";
import {
  compareHits,
  decisionApplies,
  ftmProperties,
  ftmSchema,
  mergeHits,
  newOrChanged,
  partyQueries,
  type RunQuery,
  type YenteExample,
  yenteExampleQueries,
  yenteFeatures,
} from "./screening-engine.js";
import type { ScreeningRepo } from "./screening-repo.js";

/** A reviewer's decision as the API shows it. */
export type Decision = {
  status: ScreeningDecisionStatus;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  /** The deciding user's id (null for the system), for the four-eyes rule on approvals. */
  decidedById?: string | null;
};

/** A hit of a party run with what the product layer adds to the contract (additive fields). */
export type PartyHit = PartyScreeningResult["hits"][number] & {
  snapshotId: string;
  contentHash: string;
  /** New or changed since the party's previous run. */
  isNew: boolean;
  /** A decision made on an earlier version of this list entry (the entry has changed since). */
  previousDecision: Decision | null;
};

/** The contract's result plus the snapshots used and who ran it. */
export type PartyResult = Omit<PartyScreeningResult, "hits"> & {
  hits: PartyHit[];
  trigger: ScreeningRunTrigger;
  actorLabel: string;
  snapshots: Record<string, string>;
  threshold: number;
  query: RunQuery;
  newHitCount: number;
};

/** One run in a party's screening history. */
export type RunSummary = {
  runId: string;
  screenedAt: string;
  trigger: ScreeningRunTrigger;
  actorLabel: string;
  snapshots: Record<string, string>;
  hitCount: number;
  matchCount: number;
  openCount: number;
  newCount: number;
  context: { entityType: string; entityId: string } | null;
};

/** A decision in a party's decision history. */
export type DecisionRecord = Decision & {
  id: string;
  partyId: string;
  entityId: string;
  entityName: string;
  source: string;
  sourceId: string;
  contentHash: string;
  current: boolean;
};

/** An open hit waiting in the review queue. */
export type QueueItem = {
  party: { id: string; name: string; kind: string; country: string | null };
  runId: string;
  screenedAt: string;
  hit: ScreeningHit & { snapshotId: string; contentHash: string; isNew: boolean };
};

/** A search hit with the full list entry, for the screening page. */
export type SearchHit = ScreeningHit & { entry: StoredListEntity | null };

export type RescreenStatus = {
  id: string;
  status: "running" | "done" | "failed" | "superseded";
  snapshots: Record<string, string>;
  total: number;
  processed: number;
  partiesWithNewHits: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
};

/** yente `/match` request (FollowTheMoney query entities keyed by the caller's ids). */
export type YenteMatchRequest = {
  queries: Record<string, YenteExample>;
  threshold?: number | undefined;
  limit?: number | undefined;
  cutoff?: number | undefined;
};

/** One scored list entry in yente's response shape (plus our bilingual `explanation`). */
export type YenteResult = {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  features: Record<string, number>;
  explanations: Record<string, { score: number; detail: string | null }>;
  match: boolean;
  token: string | null;
  explanation: ScreeningHit["explanation"];
};

/** yente `/match` response: one entry per query id. */
export type YenteMatchResponse = {
  responses: Record<
    string,
    {
      status: number;
      results: YenteResult[];
      total: { value: number; relation: string };
      query: { id: string | null; schema: string; properties: Record<string, unknown> };
    }
  >;
  limit: number;
  threshold: number;
  snapshots: Record<string, string>;
};

export const REVIEW_TASK_KIND = "screening.review";
const _PARTY = { ja: "取引先・関係者", en: "Party" };

function iso(d: Date | string): string {
  return new Date(d).toISOString();
}

function toDecision(row: {
  status: ScreeningDecisionStatus;
  rationale: string;
  decided_by: string;
  decided_at: Date;
  decided_by_id?: string | null;
}): Decision {
  return {
    status: row.status,
    rationale: row.rationale,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
    decidedById: row.decided_by_id ?? null,
  };
}

type HitRow = Awaited<ReturnType<ScreeningRepo["hitsOfRun"]>>[number];
type RunRow = NonNullable<Awaited<ReturnType<ScreeningRepo["findRun"]>>>;
type DecisionRow = Awaited<ReturnType<ScreeningRepo["currentDecisions"]>>[number];

function hitFromRow(h: HitRow): ScreeningHit & { snapshotId: string; contentHash: string; isNew: boolean } {
  return {
    entityId: h.entity_id,
    source: h.source,
    sourceId: h.source_id,
    schema: h.schema as ScreeningHit["schema"],
    name: h.name,
    score: h.score,
    match: h.match,
    explanation: h.explanation as ScreeningHit["explanation"],
    programs: [...h.programs],
    countries: [...h.countries],
    snapshotId: h.snapshot_id,
    contentHash: h.content_hash,
    isNew: h.is_new,
  };
}

function runSummary(r: RunRow): RunSummary {
  return {
    runId: r.id,
    screenedAt: iso(r.screened_at),
    trigger: r.trigger,
    actorLabel: r.actor_label,
    snapshots: r.snapshot_ids,
    hitCount: r.hit_count,
    matchCount: r.match_count,
    openCount: r.open_count,
    newCount: r.new_count,
    context: r.context_type && r.context_id ? { entityType: r.context_type, entityId: r.context_id } : null,
  };
}

/** Assembles a run with its hits and the party's current decisions into the API result. */
function buildResult(run: RunRow, hitRows: HitRow[], decisions: DecisionRow[]): PartyResult {
  const hits: PartyHit[] = hitRows.map((row) => {
    const hit = hitFromRow(row);
    const d = decisions.find((x) => x.source === hit.source && x.source_id === hit.sourceId);
    const applies = d ? decisionApplies({ contentHash: d.content_hash }, hit) : false;
    return {
      ...hit,
      decision: d && applies ? toDecision(d) : null,
      previousDecision: d && !applies ? toDecision(d) : null,
    };
  });
  return {
    runId: run.id,
    partyId: run.party_id,
    screenedAt: iso(run.screened_at),
    hits,
    openHitCount: hits.filter((h) => h.match && !h.decision).length,
    confirmedHitCount: hits.filter((h) => h.decision?.status === "true_match").length,
    trigger: run.trigger,
    actorLabel: run.actor_label,
    snapshots: run.snapshot_ids,
    threshold: run.threshold,
    query: run.query as RunQuery,
    newHitCount: hits.filter((h) => h.isNew && h.match && !h.decision).length,
  };
}

/**
 * The screening product layer: screens parties against every active list (all their names, in every
 * script, with country, birth date and identifiers as evidence), stores each run with the snapshots
 * it used, remembers reviewers' decisions per party/list-entry pair (raised again only when the entry
 * changes), turns open hits into tasks for the secretariat, re-screens everyone when a list changes,
 * and answers ad-hoc searches and yente-compatible `/match` requests.
 */
export function createScreeningService({
  db,
  repo,
  audit,
  parties,
  tasks,
  index,
  threshold,
  clock = () => new Date(),
  maxHits = 20,
  minScore = 0.5,
  rescreenBatch = 50,
  log = () => undefined,
  decisionGuard,
  onRescreenNewHits,
}: {
  /**
   * Called in the run's transaction when a re-screening after a list update finds new or changed
   * hits on a party that nobody has decided yet: other modules raise their own alerts for the
   * records that name the party (an approved hire's payee, for one). The composition root wires it.
   */
  onRescreenNewHits?: (exec: Executor, actor: Actor, party: Party, hits: PartyHit[]) => Promise<void>;
  /**
   * Who may not decide hits on a party (separation of duties: only the secretariat, never on a
   * party of one's own application or on oneself); the composition root supplies it. Null: may.
   */
  decisionGuard?: (exec: Executor, actor: Actor, partyId: string) => Promise<Bilingual | null>;
  db: Db;
  repo: ScreeningRepo;
  audit: AuditWriter;
  parties: Pick<PartiesService, "get">;
  tasks: Pick<TasksService, "open" | "closeFor">;
  index: IndexManager;
  threshold: number;
  clock?: () => Date;
  /** Hits kept per run. */
  maxHits?: number;
  /** Hits scoring below this are not kept (they are noise to a reviewer). */
  minScore?: number;
  /** Parties re-screened between two progress saves. */
  rescreenBatch?: number;
  log?: (line: string) => void;
}) {
  const screeningActor = systemActor("screening");

  // List entries by id, for search and /match answers. A list entry row is never changed once
  // written (an import writes a new snapshot with new ids; old ones are only deleted), so a cached
  // entry can never be stale, in this process or after another one imported a list. Bounded, oldest
  // first out: frequently hit entries (the names people actually screen) stay.
  const ENTRY_CACHE_SIZE = 4096;
  const entryCache = new Map<string, StoredListEntity>();
  async function entriesById(ids: string[]): Promise<Map<string, StoredListEntity>> {
    const found = new Map<string, StoredListEntity>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = entryCache.get(id);
      if (cached) {
        // refresh its place (a Map keeps insertion order)
        entryCache.delete(id);
        entryCache.set(id, cached);
        found.set(id, cached);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      for (const row of await repo.entries(db, missing)) {
        const entry = toStoredEntity(row, row.source);
        found.set(row.id, entry);
        entryCache.set(row.id, entry);
      }
      while (entryCache.size > ENTRY_CACHE_SIZE) entryCache.delete(entryCache.keys().next().value!);
    }
    return found;
  }

  /** Scores a set of queries against an index and merges the hits (best name per list entry). */
  function matchQueries(active: ActiveIndex, queries: ScreeningQuery[], limit = maxHits, floor = minScore) {
    return mergeHits(
      queries.map((q) => active.index.match(q, { limit, minScore: floor, threshold })),
      limit,
    );
  }

  async function openOrCloseTask(
    tx: Executor,
    actor: Actor,
    party: Party,
    open: PartyHit[],
    raiseTask: boolean,
  ): Promise<void> {
    if (open.length === 0) {
      await tasks.closeFor(tx, actor, { entityType: "party", entityId: party.id, kind: REVIEW_TASK_KIND });
      return;
    }
    if (!raiseTask) return;
    const names = open
      .slice(0, 3)
      .map((h) => `${h.name} (${h.source}, ${h.score.toFixed(2)})`)
      .join(" / ");
    await tasks.open(tx, actor, {
      kind: REVIEW_TASK_KIND,
      title: {
        ja: `スクリーニング該当候補の確認: ${party.primaryName}（${open.length}件）`,
        en: `Review screening hits: ${party.primaryName} (${open.length})`,
      },
      detail: {
        ja: `リストとの一致の可能性があります。一致か誤検知かを判断し、理由を記録してください: ${names}`,
        en: `Possible list matches. Decide true match or false positive and record why: ${names}`,
      },
      link: `/parties/${party.id}`,
      entityType: "party",
      entityId: party.id,
      assignee: { role: "secretariat" },
      dedupeKey: `${REVIEW_TASK_KIND}:${party.id}`,
      email: true,
    });
  }

  /** Screens one party with a given index and stores the run; the heart of manual and re-screening. */
  async function screenWith(
    actor: Actor,
    party: Party,
    active: ActiveIndex,
    options: {
      trigger: ScreeningRunTrigger;
      context?: { entityType: string; entityId: string } | undefined;
      rescreenId?: string | null;
    },
    /** The caller's transaction to screen in (default: a transaction of its own). */
    within?: Executor,
  ): Promise<PartyResult> {
    const { run: query, queries } = partyQueries(party);
    const hits = matchQueries(active, queries);
    const versions = new Map(
      (
        await repo.entryVersions(
          within ?? db,
          hits.map((h) => h.entityId),
        )
      ).map((v) => [v.id, v]),
    );
    const runId = randomUUID();
    const screenedAt = clock();
    const inTransaction = async (tx: Executor): Promise<PartyResult> => {
      const previous = await repo.latestRun(tx, party.id);
      const previousHits = previous ? await repo.hitsOfRun(tx, previous.id) : null;
      const decisions = await repo.currentDecisions(tx, party.id);
      const versioned = hits.map((h) => ({
        ...h,
        snapshotId: versions.get(h.entityId)?.snapshot_id ?? active.snapshots[h.source] ?? h.entityId,
        contentHash: versions.get(h.entityId)?.content_hash ?? "unknown",
      }));
      const fresh = newOrChanged(
        versioned,
        previousHits?.map((h) => ({
          source: h.source,
          sourceId: h.source_id,
          contentHash: h.content_hash,
          match: h.match,
        })) ?? null,
      );
      const rows = versioned.map((h, position) => ({
        run_id: runId,
        position,
        entity_id: h.entityId,
        snapshot_id: h.snapshotId,
        source: h.source,
        source_id: h.sourceId,
        content_hash: h.contentHash,
        schema: h.schema,
        name: h.name,
        score: h.score,
        match: h.match,
        is_new: fresh[position]!,
        explanation: h.explanation,
        programs: h.programs,
        countries: h.countries,
      }));
      const runRow: RunRow = {
        id: runId,
        party_id: party.id,
        trigger: options.trigger,
        context_type: options.context?.entityType ?? null,
        context_id: options.context?.entityId ?? null,
        rescreen_id: options.rescreenId ?? null,
        actor_id: actor.id,
        actor_label: actor.label,
        screened_at: screenedAt,
        snapshot_ids: active.snapshots,
        threshold,
        query,
        hit_count: rows.length,
        match_count: rows.filter((r) => r.match).length,
        open_count: 0,
        new_count: 0,
      };
      const result = buildResult(
        runRow,
        rows.map((r) => ({ ...r, programs: r.programs, countries: r.countries })),
        decisions,
      );
      const open = result.hits.filter((h) => h.match && !h.decision);
      const newOpen = open.filter((h) => h.isNew);
      runRow.open_count = open.length;
      runRow.new_count = newOpen.length;
      await repo.insertRun(
        tx,
        {
          id: runId,
          partyId: party.id,
          trigger: options.trigger,
          contextType: runRow.context_type,
          contextId: runRow.context_id,
          rescreenId: runRow.rescreen_id,
          actorId: actor.id,
          actorLabel: actor.label,
          screenedAt,
          snapshotIds: active.snapshots,
          threshold,
          query,
          hitCount: runRow.hit_count,
          matchCount: runRow.match_count,
          openCount: open.length,
          newCount: newOpen.length,
        },
        rows,
      );
      // Re-screening opens tasks only for new or changed hits; a person screening always sees one.
      const isRescreen = options.trigger === "rescreen";
      await openOrCloseTask(tx, actor, party, open, !isRescreen || newOpen.length > 0);
      if (isRescreen && newOpen.length > 0 && onRescreenNewHits)
        await onRescreenNewHits(tx, actor, party, newOpen);
      if (!isRescreen || newOpen.length > 0) {
        await audit.write(tx, actor, {
          action: "screening.party_screened",
          entityType: "party",
          entityId: party.id,
          after: {
            runId,
            trigger: options.trigger,
            snapshots: active.snapshots,
            hits: runRow.hit_count,
            matches: runRow.match_count,
            open: open.length,
            newOrChanged: newOpen.map((h) => `${h.source}:${h.sourceId}`),
          },
          ...(options.context ? { context: { ...options.context } } : {}),
        });
      }
      return { ...result, openHitCount: open.length, newHitCount: newOpen.length };
    };
    return within ? inTransaction(within) : db.transaction().execute(inTransaction);
  }

  async function latestResult(exec: Executor, partyId: string): Promise<PartyResult | null> {
    const run = await repo.latestRun(exec, partyId);
    if (!run) return null;
    return buildResult(run, await repo.hitsOfRun(exec, run.id), await repo.currentDecisions(exec, partyId));
  }

  // ── background work: one lane for re-screening ──────────────────────────────────────────────
  let rescreenLane: Promise<void> = Promise.resolve();
  const enqueueRescreen = (work: () => Promise<void>): Promise<void> => {
    rescreenLane = rescreenLane.then(work).catch((error: unknown) => {
      log(`  re-screening failed: ${(error as Error).message}`);
    });
    return rescreenLane;
  };

  async function processRescreen(rescreenId: string): Promise<void> {
    const r = await repo.findRescreen(db, rescreenId);
    if (r?.status !== "running") return;
    let cursor = r.cursor_party_id;
    try {
      for (;;) {
        const active = index.peek();
        // A newer index means a newer re-screening follows; this one stops where it is.
        if (!active || active.key !== r.snapshot_key) return;
        const ids = await repo.partyIdsAfter(db, cursor, rescreenBatch);
        if (ids.length === 0) break;
        let withNew = 0;
        for (const id of ids) {
          const party = await parties.get(id).catch(() => null);
          if (!party) continue;
          const result = await screenWith(screeningActor, party, active, {
            trigger: "rescreen",
            rescreenId,
          });
          if (result.newHitCount > 0) withNew++;
          await yieldToEventLoop();
        }
        cursor = ids.at(-1)!;
        await repo.rescreenProgress(db, rescreenId, {
          cursor,
          processedDelta: ids.length,
          newHitsDelta: withNew,
          at: clock(),
        });
        const now = await repo.findRescreen(db, rescreenId);
        if (now?.status !== "running") return;
      }
      await db.transaction().execute(async (tx) => {
        await repo.finishRescreen(tx, rescreenId, "done", clock());
        const done = await repo.findRescreen(tx, rescreenId);
        await audit.write(tx, screeningActor, {
          action: "screening.rescreen_finished",
          entityType: "screening_rescreen",
          entityId: rescreenId,
          after: { processed: done?.processed, partiesWithNewHits: done?.parties_with_new_hits },
        });
      });
    } catch (error) {
      await repo.finishRescreen(db, rescreenId, "failed", clock(), (error as Error).message);
      throw error;
    }
  }

  /**
   * Starts re-screening every party against this index unless one for the same snapshots exists
   * (then resumes it if it was interrupted). `force` starts a new one regardless.
   */
  async function startRescreen(active: ActiveIndex, force = false): Promise<string | null> {
    const latest = await repo.latestRescreen(db);
    if (!force) {
      if (active.key === "") return null;
      if (latest && latest.snapshot_key === active.key && latest.status !== "failed") {
        return latest.status === "running" ? latest.id : null;
      }
    }
    const id = randomUUID();
    const total = await repo.countActiveParties(db);
    await db.transaction().execute(async (tx) => {
      await repo.supersedeRunningRescreens(tx, clock());
      await repo.insertRescreen(tx, {
        id,
        snapshotKey: active.key,
        snapshotIds: active.snapshots,
        total,
        at: clock(),
      });
      await audit.write(tx, screeningActor, {
        action: "screening.rescreen_started",
        entityType: "screening_rescreen",
        entityId: id,
        after: { snapshots: active.snapshots, parties: total, forced: force },
      });
    });
    return id;
  }

  function toRescreenStatus(
    r: NonNullable<Awaited<ReturnType<ScreeningRepo["findRescreen"]>>>,
  ): RescreenStatus {
    return {
      id: r.id,
      status: r.status,
      snapshots: r.snapshot_ids,
      total: r.total,
      processed: r.processed,
      partiesWithNewHits: r.parties_with_new_hits,
      startedAt: iso(r.started_at),
      finishedAt: r.finished_at ? iso(r.finished_at) : null,
      error: r.error,
    };
  }

  /** ScreeningPort: screens a party against every active list now and stores the run. */
  async function screenParty(
    actor: Actor,
    partyId: string,
    context?: { entityType: string; entityId: string },
  ): Promise<PartyResult> {
    const party = await parties.get(partyId);
    const active = await index.acquireWithLists();
    return screenWith(actor, party, active, { trigger: context ? "context" : "manual", context });
  }

  /**
   * ScreeningPort: screens a party inside the caller's transaction (background jobs that create,
   * link and screen in one transaction). Never waits for the index: while it is being built this
   * throws 503 `index_building` (the caller retries later); with no list loaded, 409 `no_lists`.
   */
  async function screenPartyIn(
    tx: Executor,
    actor: Actor,
    party: Party,
    context: { entityType: string; entityId: string },
  ): Promise<PartyResult> {
    const active = index.peek();
    if (!active) throw indexBuildingError(index.status());
    if (Object.keys(active.snapshots).length === 0) throw noListsError();
    return screenWith(actor, party, active, { trigger: "context", context }, tx);
  }

  const service = {
    screenParty,
    screenPartyIn,
    /** ScreeningPort: waits for the index (starting its build) without throwing. */
    async ready(): Promise<void> {
      await index.acquire().catch(() => undefined);
    },
    /** ScreeningPort: the latest result for a party with current decisions, or null if never screened. */
    latestForParty: (partyId: string): Promise<PartyResult | null> => latestResult(db, partyId),

    /** Like latestForParty, but a party that does not exist is a 404 (for the API). */
    async latestForPartyChecked(partyId: string): Promise<PartyResult | null> {
      await parties.get(partyId);
      return latestResult(db, partyId);
    },

    /** The score at or above which a hit is a match a reviewer must resolve. */
    threshold,

    /** The index status (building, ready, counts) for the pages and /status. */
    indexStatus: (): IndexStatus => index.status(),

    /** A stored run with its hits and the party's current decisions (history view). */
    async getRun(runId: string): Promise<PartyResult> {
      const run = await repo.findRun(db, runId);
      if (!run) throw notFound({ ja: "スクリーニング結果", en: "Screening run" });
      return buildResult(
        run,
        await repo.hitsOfRun(db, run.id),
        await repo.currentDecisions(db, run.party_id),
      );
    },

    /** A party's screening runs, newest first. */
    async runsForParty(
      partyId: string,
      page: number,
      pageSize: number,
    ): Promise<{ items: RunSummary[]; total: number }> {
      await parties.get(partyId);
      const { rows, total } = await repo.runsForParty(db, partyId, pageSize, (page - 1) * pageSize);
      return { items: rows.map(runSummary), total };
    },

    /** Every decision taken on a party's hits, current and replaced, newest first. */
    async decisionsForParty(partyId: string): Promise<DecisionRecord[]> {
      await parties.get(partyId);
      return (await repo.decisionHistory(db, partyId)).map((d) => ({
        ...toDecision(d),
        id: d.id,
        partyId: d.party_id,
        entityId: d.entity_id,
        entityName: d.entity_name,
        source: d.source,
        sourceId: d.source_id,
        contentHash: d.content_hash,
        current: d.replaced_at === null,
      }));
    },

    /**
     * Records a reviewer's decision on a hit (true match / false positive, with a rationale). It holds
     * for this party and list entry until the entry's content changes; replacing a decision keeps the
     * old one in the history. Closes the party's review task when no open hit remains.
     */
    async decide(
      actor: Actor,
      input: { partyId: string; entityId: string; status: ScreeningDecisionStatus; rationale: string },
    ): Promise<DecisionRecord> {
      const rationale = input.rationale.normalize("NFC").trim();
      const fields: FieldError[] = [];
      if (rationale === "") {
        fields.push({
          path: "rationale",
          message: { ja: "判断の理由を入力してください", en: "Enter the rationale for the decision" },
        });
      }
      if (fields.length > 0) throw invalid(fields);
      const party = await parties.get(input.partyId);
      return db.transaction().execute(async (tx) => {
        if (actor.id !== null && decisionGuard) {
          const refusal = await decisionGuard(tx, actor, party.id);
          if (refusal) throw new AppError(403, "conflict_of_interest", refusal);
        }
        const hit = await repo.hitForParty(tx, party.id, input.entityId);
        if (!hit) {
          throw new AppError(404, "hit_not_found", {
            ja: "この取引先・関係者のスクリーニング結果にこのリストのエントリはありません",
            en: "This list entry was not found among this party's screening hits",
          });
        }
        const current = await repo.currentDecision(tx, party.id, hit.source, hit.source_id, true);
        const at = clock();
        if (current) await repo.replaceDecision(tx, current.id, at);
        const id = randomUUID();
        await repo.insertDecision(tx, {
          id,
          partyId: party.id,
          source: hit.source,
          sourceId: hit.source_id,
          contentHash: hit.content_hash,
          entityId: hit.entity_id,
          entityName: hit.name,
          status: input.status,
          rationale,
          decidedById: actor.id,
          decidedBy: actor.label,
          decidedAt: at,
        });
        await audit.write(tx, actor, {
          action: "screening.hit_decided",
          entityType: "party",
          entityId: party.id,
          before: current
            ? { status: current.status, rationale: current.rationale, contentHash: current.content_hash }
            : null,
          after: {
            source: hit.source,
            sourceId: hit.source_id,
            entityId: hit.entity_id,
            name: hit.name,
            contentHash: hit.content_hash,
            status: input.status,
            rationale,
          },
        });
        const latest = await latestResult(tx, party.id);
        if (latest && latest.openHitCount === 0) {
          await tasks.closeFor(tx, actor, {
            entityType: "party",
            entityId: party.id,
            kind: REVIEW_TASK_KIND,
          });
        }
        return {
          id,
          partyId: party.id,
          entityId: hit.entity_id,
          entityName: hit.name,
          source: hit.source,
          sourceId: hit.source_id,
          contentHash: hit.content_hash,
          status: input.status,
          rationale,
          decidedBy: actor.label,
          decidedAt: iso(at),
          current: true,
        };
      });
    },

    /** Open hits across all parties' latest runs (the reviewers' queue), highest score first. */
    async queue(query: {
      page: number;
      pageSize: number;
      partyId?: string | undefined;
    }): Promise<{ items: QueueItem[]; total: number; page: number; pageSize: number }> {
      const { rows, total } = await repo.openHits(db, {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        partyId: query.partyId,
      });
      return {
        items: rows.map((r) => ({
          party: { id: r.party_id, name: r.party_name, kind: r.party_kind, country: r.party_country },
          runId: r.run_id,
          screenedAt: iso(r.screened_at),
          hit: hitFromRow(r as unknown as HitRow),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * Screens a name typed by a person (any script) against every active list: ranked hits with
     * explanations and the full list entries. Nothing is stored: a search is not a decision.
     */
    async search(query: {
      q: string;
      country?: string | undefined;
      schema?: "Person" | "Organization" | undefined;
      birthDate?: string | undefined;
      limit: number;
    }): Promise<{ items: SearchHit[]; snapshots: Record<string, string>; threshold: number }> {
      const q = query.q.normalize("NFC").trim();
      const active = index.peek();
      if (q === "") return { items: [], snapshots: active?.snapshots ?? {}, threshold };
      const ready = await index.acquireWithLists();
      const sq: ScreeningQuery = { name: q };
      if (query.schema) sq.schema = query.schema;
      if (query.country) sq.countries = [query.country.toUpperCase()];
      if (query.birthDate) sq.birthDate = query.birthDate;
      const hits = matchQueries(ready, [sq], query.limit);
      const entries = await entriesById(hits.map((h) => h.entityId));
      return {
        items: hits.map((h) => ({ ...h, entry: entries.get(h.entityId) ?? null })),
        snapshots: ready.snapshots,
        threshold,
      };
    },

    /**
     * OpenSanctions yente-compatible matching: FollowTheMoney query entities in, yente's response shape
     * out (score, match, features, explanations), so tools written for yente can call Sekimori.
     */
    async match(request: YenteMatchRequest, lang: "ja" | "en"): Promise<YenteMatchResponse> {
      const limit = Math.min(Math.max(request.limit ?? 5, 1), 500);
      const matchThreshold = request.threshold ?? threshold;
      const cutoff = request.cutoff ?? minScore;
      const fields: FieldError[] = [];
      const parsed = Object.entries(request.queries).map(([key, example]) => {
        const q = yenteExampleQueries(example);
        if (!q.ok) fields.push({ path: `queries.${key}.properties`, message: q.problem });
        return { key, example, queries: q.ok ? q.queries : [] };
      });
      if (parsed.length === 0) {
        fields.push({ path: "queries", message: { ja: "照会がありません", en: "No queries provided" } });
      }
      if (fields.length > 0) throw invalid(fields);
      const active = await index.acquireWithLists();
      const hitsByKey = parsed.map((p) => {
        const hits = mergeHits(
          p.queries.map((q) =>
            active.index.match(q, { limit: limit * 2, minScore: cutoff, threshold: matchThreshold }),
          ),
          limit * 2,
        );
        return hits.sort(compareHits);
      });
      const entries = await entriesById(hitsByKey.flat().map((h) => h.entityId));
      const responses: YenteMatchResponse["responses"] = {};
      parsed.forEach((p, i) => {
        const hits = hitsByKey[i]!;
        responses[p.key] = {
          status: 200,
          // every match is returned even beyond `limit` (a limit must never hide a listing)
          results: hits
            .filter((h, n) => n < limit || h.score >= matchThreshold)
            .map((h): YenteResult => {
              const entry = entries.get(h.entityId);
              const { features, explanations } = yenteFeatures(h, lang);
              return {
                id: h.entityId,
                caption: h.name,
                schema: ftmSchema(h.schema),
                properties: entry ? ftmProperties(entry) : { name: [h.name] },
                datasets: [h.source],
                referents: [`${h.source}:${h.sourceId}`],
                target: true,
                first_seen: null,
                last_seen: null,
                last_change: null,
                score: h.score,
                features,
                explanations,
                match: h.score >= matchThreshold,
                token: null,
                explanation: h.explanation,
              };
            }),
          total: { value: hits.length, relation: "eq" },
          query: { id: p.example.id ?? p.key, schema: p.example.schema, properties: p.example.properties },
        };
      });
      return { responses, limit, threshold: matchThreshold, snapshots: active.snapshots };
    },

    /** Re-screens every party when the index was rebuilt for new snapshots (or resumes one). */
    rescreenFor(active: ActiveIndex, force = false): Promise<void> {
      return enqueueRescreen(async () => {
        const id = await startRescreen(active, force);
        if (id) await processRescreen(id);
      });
    },

    /** Starts a re-screening of everyone now (admin / secretariat action), returning its status. */
    async rescreenNow(actor: Actor): Promise<RescreenStatus> {
      const active = await index.acquireWithLists();
      const id = await startRescreen(active, true);
      await db.transaction().execute(async (tx) => {
        await audit.write(tx, actor, {
          action: "screening.rescreen_requested",
          entityType: "screening_rescreen",
          entityId: id,
          after: { snapshots: active.snapshots },
        });
      });
      void enqueueRescreen(() => processRescreen(id!));
      return toRescreenStatus((await repo.findRescreen(db, id!))!);
    },

    /** The latest re-screenings with their progress. */
    async rescreens(limit = 5): Promise<RescreenStatus[]> {
      return (await repo.recentRescreens(db, limit)).map(toRescreenStatus);
    },

    /** Resolves when no re-screening is running in this process (tests, shutdown). */
    async idle(): Promise<void> {
      let seen: Promise<void>;
      do {
        seen = rescreenLane;
        await seen;
      } while (seen !== rescreenLane);
    },
  };
  return service satisfies ScreeningPort;
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
