import { createHash, randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import type { SettingsRepo } from "../app/settings-repo.js";
import type { AuditService, AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { InsiderAlertStatus, InsiderSeverity } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError, type Bilingual, conflict, type FieldError, invalid, notFound } from "../shared/errors.js";
import { checkpointAccepted, StaleCheckpointError, type WorkerStore } from "./bus/worker.js";
import { AssetRegistry, type ConfidentialAsset, validateAssets } from "./engine/assets.js";
import type { CertRelease } from "./engine/cert-adapter.js";
import {
  Directory,
  FORBIDDEN_ATTRIBUTES,
  mergeHrRows,
  type Person,
  WATCHLISTS,
  type Watchlist,
} from "./engine/directory.js";
import {
  type AlertBudget,
  type AlertUpdate,
  createInsiderEngine,
  DEFAULT_BUDGET,
  type EngineOptions,
  type EngineSnapshot,
  type Evidence,
  type InsiderEngine,
  type UserDayResult,
} from "./engine/engine.js";
import type { ActivityEvent } from "./engine/event.js";
import { CHART_FEATURES, FEATURE_LABELS, FEATURE_NAMES } from "./engine/features.js";
import { CASES, INDICATOR_BY_ID, INDICATORS, severityOf } from "./engine/indicators.js";
import { type JsonFormat, parseJsonLine } from "./engine/jsonl-adapter.js";
import { analyseDataset, inferInternalDomains } from "./engine/pipeline.js";
import { redFlagsForIndicators } from "./engine/red-flags.js";
import { discoverDataset, loadDatasetContext, type SourceCursor } from "./engine/sources.js";
import { dayOf, dayToIso, isoToDay, localIso, MS_PER_DAY } from "./engine/time.js";
import type { InsiderRepo, UserDayInsert } from "./insider-repo.js";
import {
  type DecidedAlert,
  feedbackFrom,
  type MaskContext,
  maskAddress,
  maskObject,
  maskSourceAddress,
  pseudonymOf,
} from "./privacy.js";

const ALERT: Bilingual = { ja: "インサイダーアラート", en: "Insider alert" };
const SUBJECT: Bilingual = { ja: "対象者", en: "Subject" };
const EMBEDDED = "embedded";
const PSEUDONYM_SECRET_KEY = "insider.pseudonymSecret";
/** Evidence rows kept per alert in the database (the count keeps going). */
const MAX_EVIDENCE_PER_ALERT = 1000;
/**
 * The lease of a file ingestion: its process renews the run's heartbeat every `renewMs`; a run whose
 * heartbeat is older than `expireMs` (database clock) is abandoned — its process died — and taken over.
 */
const DEFAULT_INGEST_LEASE = { renewMs: 15_000, expireMs: 120_000 };

export type TriageStatus = InsiderAlertStatus;

export type IngestProblem = { file: string; line: number; reason: string };

export type IngestReport = {
  runId: string;
  files: { file: string; kind: string; rows: number; events: number; skipped: number; malformed: number }[];
  events: number;
  duplicates: number;
  malformed: number;
  late: number;
  reordered: number;
  unknownUsers: number;
  missingDisconnects: number;
  userDays: number;
  alertsNew: number;
  alertsUpdated: number;
  problems: IngestProblem[];
  notes: string[];
};

type AlertRow = NonNullable<Awaited<ReturnType<InsiderRepo["alertById"]>>>;
type ListedAlertRow = Awaited<ReturnType<InsiderRepo["listAlerts"]>>["rows"][number];

export type AlertIndicatorView = {
  id: string;
  kind: string;
  label: Bilingual;
  explanation: Bilingual;
  weight: number;
  baseWeight: number;
  count: number;
  firstDay: string;
  lastDay: string;
  cases: number[];
};

export type AlertSummary = {
  id: string;
  subjectId: string;
  pseudonym: string;
  role: string | null;
  department: string | null;
  status: InsiderAlertStatus;
  severity: InsiderSeverity;
  score: number;
  anomaly: number;
  cases: number[];
  /** Shared red-flag ids (src/shared/red-flags.ts) of the detectors that fired, for related cases. */
  redFlags: string[];
  firstDay: string;
  lastDay: string;
  evidenceCount: number;
  topIndicators: { id: string; weight: number }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type EvidenceView = {
  seq: number;
  at: string;
  kind: string;
  action: string;
  host: string;
  hostContext: string;
  object: string;
  recipients: string[];
  attachments: string[];
  bytes: number;
  assetId: string | null;
  indicators: string[];
  source: { file: string; line: number; id: string };
};

type StoredIndicator = { id: string; weight: number; count: number; firstDay: number; lastDay: number };

function isoDay(day: number): string {
  return dayToIso(day);
}

function personFromJson(raw: unknown): Person | null {
  if (!raw || typeof raw !== "object") return null;
  const p = raw as Person;
  if (typeof p.userId !== "string" || !Array.isArray(p.versions)) return null;
  return { ...p, hosts: p.hosts ?? [], watch: p.watch ?? [], psychometric: p.psychometric ?? null };
}

/**
 * Insider risk: ingests activity logs (files, the HTTP batch endpoint, the event bus) through the
 * streaming engine, keeps the engine's state between runs, stores scored user-days and alerts with
 * their evidence, and serves the pseudonymised dashboard, alert pages, triage and audited reveal.
 */
export function createInsiderService({
  db,
  repo,
  audit,
  settings,
  engineDefaults = {},
  clock = () => new Date(),
  ingestLease = DEFAULT_INGEST_LEASE,
  revealCheck,
}: {
  db: Db;
  repo: InsiderRepo;
  audit: AuditWriter & Pick<AuditService, "forEntity">;
  settings: SettingsRepo;
  engineDefaults?: Partial<EngineOptions>;
  clock?: () => Date;
  ingestLease?: { renewMs: number; expireMs: number };
  /**
   * Asked before every reveal (outside its transaction): refuses reveal rights granted too recently
   * (src/auth, SEKIMORI_REVEAL_HOLD_HOURS) and says what the reveal's audit row records about them.
   */
  revealCheck?: (actor: Actor) => Promise<Record<string, unknown>>;
}) {
  let secretCache: string | null = null;

  async function pseudonymSecret(exec: Executor): Promise<string> {
    if (secretCache) return secretCache;
    let secret = await settings.get<string>(exec, PSEUDONYM_SECRET_KEY);
    if (!secret) {
      secret = randomBytes(32).toString("hex");
      await settings.set(exec, PSEUDONYM_SECRET_KEY, secret);
    }
    secretCache = secret;
    return secret;
  }

  /**
   * Replaces a stored person with a dataset's version but keeps the watchlist spans other modules
   * put through {@link putOnWatchlist} (a new LDAP/HR file does not know them and must not drop them).
   */
  function putKeepingWatchlistEntries(directory: Directory, person: Person): void {
    const stored = directory.people.get(person.userId);
    const kept = (stored?.watch ?? []).filter(
      (w) => w.source !== undefined && w.source !== "hr" && w.source !== "ldap",
    );
    directory.put(person);
    for (const w of kept)
      if (!person.watch.some((x) => x.list === w.list && x.fromDay === w.fromDay && x.source === w.source))
        directory.addWatch(person.userId, w);
  }

  async function storedDirectory(exec: Executor): Promise<Directory> {
    const dir = new Directory();
    for (const row of await repo.directoryPersons(exec)) {
      const p = personFromJson(row.person);
      if (p) dir.put(p);
    }
    return dir;
  }

  type AssetView = Omit<ConfidentialAsset, "projects" | "allowedRoles" | "allowedDomains"> & {
    projects: string[];
    allowedRoles: string[];
    allowedDomains: string[];
  };
  const assetView = (a: ConfidentialAsset): AssetView => ({
    ...a,
    projects: [...a.projects],
    allowedRoles: [...a.allowedRoles],
    allowedDomains: [...a.allowedDomains],
  });

  async function storedAssets(exec: Executor): Promise<AssetView[]> {
    return (await repo.listAssets(exec)).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      pattern: a.pattern,
      projects: a.projects,
      allowedRoles: a.allowed_roles,
      allowedDomains: a.allowed_domains,
    }));
  }

  async function feedbackAndDecided(exec: Executor) {
    const rows = await repo.decidedAlerts(exec);
    const decided: DecidedAlert[] = rows.map((r) => ({
      subjectKey: r.subject_key,
      status: r.status as "confirmed" | "non_issue",
      indicatorIds: (r.indicators as StoredIndicator[]).map((i) => i.id),
      triagedAt: r.triaged_at ? new Date(r.triaged_at) : null,
    }));
    return { feedback: feedbackFrom(decided, clock()), decidedKeys: rows.map((r) => r.engine_key) };
  }

  /**
   * Marks abandoned runs (lease expired) failed and removes what they wrote; refuses while a live run
   * holds its lease. With `run`, also starts that run — in the same transaction, under an advisory
   * lock, so two ingestions cannot both find the way free.
   */
  async function claimIngestion(run?: { id: string; kind: "files"; source: string; actorLabel: string }) {
    await db.transaction().execute(async (tx) => {
      await repo.lockIngestion(tx);
      const running = await repo.runningRunsWithLeaseAge(tx);
      const live = running.filter((r) => r.lease_age_ms < ingestLease.expireMs);
      if (live.length > 0) {
        throw conflict("ingest_running", {
          ja: "別の取り込みが実行中です。終了してから再実行してください",
          en: "Another ingestion is running; try again when it has finished",
        });
      }
      if (running.length > 0) {
        for (const r of running) await repo.finishRun(tx, r.id, "failed", { abandoned: true }, []);
        await repo.deleteRunRows(
          tx,
          running.map((r) => r.id),
        );
      }
      if (run) await repo.insertRun(tx, run);
    });
  }

  /** Renews a run's lease until stopped; `lost` turns true if another process took the run over. */
  function holdLease(runId: string) {
    const state = { lost: false };
    const timer = setInterval(() => {
      repo
        .renewLease(db, runId)
        .then((renewed) => {
          if (!renewed) state.lost = true;
        })
        .catch(() => {
          // a failed renewal is retried at the next tick; the lease lasts several ticks
        });
    }, ingestLease.renewMs);
    timer.unref();
    return {
      get lost() {
        return state.lost;
      },
      stop: () => clearInterval(timer),
    };
  }

  /** Collects engine output: user-days are flushed in batches, alert updates merged per alert. */
  function createCollector(runId: string, flush: ((rows: UserDayInsert[]) => Promise<void>) | null) {
    const pending: UserDayInsert[] = [];
    const alerts = new Map<string, { latest: AlertUpdate; evidence: Evidence[] }>();
    const seen = new Set<string>();
    let userDays = 0;
    let flushing: Promise<void> = Promise.resolve();
    return {
      sink: {
        userDay(r: UserDayResult) {
          userDays++;
          seen.add(r.user);
          pending.push({
            subjectKey: r.user,
            day: isoDay(r.day),
            score: r.score,
            anomaly: r.anomaly,
            indicators: r.indicators.map((i) => i.id),
            features: Array.from(r.features, (v) => Math.round(v * 100) / 100),
            baseline: r.baseline.map((v) => Math.round(v * 100) / 100),
            alertKey: r.alertKey,
            runId,
          });
        },
        alert(a: AlertUpdate) {
          seen.add(a.user);
          const entry = alerts.get(a.key);
          if (entry) {
            entry.latest = a;
            entry.evidence.push(...a.evidence);
          } else alerts.set(a.key, { latest: a, evidence: [...a.evidence] });
        },
      },
      /** Writes buffered user-days (outside the final transaction, under the run id). */
      async maybeFlush(force = false): Promise<void> {
        if (!flush) return;
        if (!force && pending.length < 2000) return;
        const rows = pending.splice(0);
        flushing = flushing.then(() => flush(rows));
        await flushing;
      },
      takePending: () => pending.splice(0),
      alerts,
      seen,
      get userDays() {
        return userDays;
      },
    };
  }

  /** Writes subjects, alerts with evidence, and user-days inside the committing transaction. */
  async function writeOutputs(
    tx: Executor,
    runId: string,
    collector: ReturnType<typeof createCollector>,
    directory: Directory,
  ): Promise<{ alertsNew: number; alertsUpdated: number }> {
    await writeSubjects(tx, directory, collector.seen);
    const pending = collector.takePending();
    if (pending.length > 0) await repo.insertUserDays(tx, pending);
    let alertsNew = 0;
    let alertsUpdated = 0;
    for (const [key, { latest, evidence }] of collector.alerts) {
      const write = {
        engineKey: key,
        subjectKey: latest.user,
        severity: latest.severity,
        score: latest.score,
        anomaly: latest.anomaly,
        cases: latest.cases,
        indicators: latest.indicators,
        firstDay: isoDay(latest.firstDay),
        lastDay: isoDay(latest.lastDay),
        runId,
      };
      const found = await repo.alertByKey(tx, key);
      let alertId: string;
      let have = 0;
      if (found) {
        alertId = found.id;
        have = found.evidence_count;
        await repo.updateAlertScore(tx, alertId, write);
        alertsUpdated++;
      } else {
        alertId = randomUUID();
        await repo.insertAlert(tx, alertId, write);
        alertsNew++;
      }
      const room = Math.max(0, MAX_EVIDENCE_PER_ALERT - have);
      const rowsToAdd = evidence.slice(0, room).map((e) => ({
        t: e.t,
        kind: e.kind,
        action: e.action,
        host: e.host,
        hostContext: e.hostContext,
        object: e.object,
        recipients: e.recipients,
        attachments: e.attachments,
        bytes: e.bytes,
        assetId: e.assetId,
        indicators: e.indicators,
        sourceFile: e.sourceFile,
        sourceLine: e.sourceLine,
        sourceId: e.sourceId,
      }));
      if (rowsToAdd.length > 0) await repo.appendEvidence(tx, alertId, have, rowsToAdd);
    }
    return { alertsNew, alertsUpdated };
  }

  /** Upserts the subjects: everyone in the directory and every account seen in the logs. */
  async function writeSubjects(tx: Executor, directory: Directory, seen: ReadonlySet<string>): Promise<void> {
    const secret = await pseudonymSecret(tx);
    const keys = new Set<string>([...directory.people.keys(), ...seen]);
    const existing = new Map((await repo.subjectsByKeys(tx, [...keys])).map((s) => [s.subject_key, s]));
    const rows = [...keys].map((key) => {
      const person = directory.people.get(key) ?? null;
      const attrs = person ? person.versions[person.versions.length - 1]?.attrs : undefined;
      return {
        id: existing.get(key)?.id ?? randomUUID(),
        subjectKey: key,
        pseudonym: pseudonymOf(secret, key),
        displayName: attrs?.name || null,
        email: attrs?.email || null,
        role: attrs?.role || null,
        department: attrs?.department || null,
        team: attrs?.team || null,
        projects: attrs ? [...attrs.projects] : [],
        supervisorKey: attrs?.supervisorId ?? null,
        watchlists: person ? [...new Set(person.watch.map((w) => w.list))] : [],
        startDate: person?.startDay != null && person.startDay > -1_000_000 ? isoDay(person.startDay) : null,
        endDate: person?.endDay != null ? isoDay(person.endDay) : null,
        inDirectory: person !== null,
        person,
      };
    });
    await repo.upsertSubjects(tx, rows);
  }

  function engineOptionsFor(
    directory: Directory,
    feedback: EngineOptions["feedback"],
  ): Partial<EngineOptions> {
    const internalDomains = engineDefaults.internalDomains ?? inferInternalDomains(directory);
    return { ...engineDefaults, internalDomains, ...(feedback ? { feedback } : {}) };
  }

  /**
   * Ingests a CERT directory, a JSON-lines file or a directory of them. Rows an earlier run already
   * counted are skipped (per file identity and row id), malformed rows are reported with file and
   * line, and everything becomes visible at once when the run commits.
   */
  async function ingestPath(
    actor: Actor,
    target: string,
    options: {
      release?: CertRelease;
      finish?: boolean;
      onProgress?: (read: number, total: number) => void;
    } = {},
  ): Promise<IngestReport> {
    await claimIngestion();
    const layout = discoverDataset(target);
    if (layout.activity.length === 0) {
      throw invalid([
        {
          path: "path",
          message: { ja: "取り込める活動ログがありません", en: "No activity log files found" },
        },
      ]);
    }
    const runId = randomUUID();
    await claimIngestion({
      id: runId,
      kind: "files",
      source: path.basename(path.resolve(target)),
      actorLabel: actor.label,
    });
    const lease = holdLease(runId);
    try {
      const context = await loadDatasetContext(layout);
      const directory = await storedDirectory(db);
      for (const p of context.directory.people.values()) putKeepingWatchlistEntries(directory, p);
      const datasetHasAssets = layout.assets !== null;
      const assetList = datasetHasAssets ? [...context.assets.assets] : await storedAssets(db);
      const state = await repo.loadState(db, EMBEDDED);
      const cursors = new Map<string, SourceCursor>(
        (await repo.fileCursors(db)).map((f) => [f.identity, { maxT: Number(f.max_t), ids: f.ids_at_max }]),
      );
      const { feedback, decidedKeys } = await feedbackAndDecided(db);
      const collector = createCollector(runId, (rows) => repo.insertUserDays(db, rows));
      let flushError: unknown = null;
      const result = await analyseDataset({
        target,
        ...(options.release ? { release: options.release } : {}),
        engine: engineOptionsFor(directory, feedback),
        directory,
        assets: new AssetRegistry(assetList),
        context,
        cursors,
        ...(state ? { snapshot: state.snapshot as EngineSnapshot } : {}),
        onEngine: (engine) => {
          for (const key of decidedKeys) engine.closeAlert(key);
        },
        sink: {
          userDay: (r) => {
            collector.sink.userDay(r);
            collector.maybeFlush().catch((e) => {
              flushError = e;
            });
          },
          alert: (a) => collector.sink.alert(a),
        },
        finish: options.finish ?? true,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      await collector.maybeFlush(true);
      if (flushError) throw flushError;
      const problems: IngestProblem[] = [
        ...result.contextProblems,
        ...result.sources.flatMap((s) => s.stats.samples),
        ...result.engine.stats.lateSamples.map((l) => ({
          file: l.file,
          line: l.line,
          reason: `late event (${localIso(l.t)}) beyond the lateness window; not scored`,
        })),
      ];
      const stats = result.engine.stats;
      const zero = { events: 0, late: 0, reordered: 0, unknownUsers: 0, missingDisconnects: 0 };
      const before = { ...zero, ...(state ? (state.snapshot as EngineSnapshot).stats : {}) };
      const report: Omit<IngestReport, "alertsNew" | "alertsUpdated"> = {
        runId,
        files: result.sources.map((s) => ({
          file: s.file.rel,
          kind: s.stats.kind,
          rows: s.stats.rows,
          events: s.stats.events,
          skipped: s.skipped,
          malformed: s.stats.malformed,
        })),
        events: stats.events - before.events,
        duplicates: result.sources.reduce((a, s) => a + s.skipped, 0),
        malformed: result.sources.reduce((a, s) => a + s.stats.malformed, 0),
        late: stats.late - before.late,
        reordered: stats.reordered - before.reordered,
        unknownUsers: stats.unknownUsers - before.unknownUsers,
        missingDisconnects: stats.missingDisconnects - before.missingDisconnects,
        userDays: collector.userDays,
        problems: problems.slice(0, 200),
        notes: [
          ...result.notes,
          ...result.layout.ignored.map((i) => `${i.file}: ${i.reason}`),
          ...(datasetHasAssets
            ? [`confidential-asset registry replaced from ${path.basename(layout.assets!)}`]
            : []),
        ],
      };
      const outcome = await db.transaction().execute(async (tx) => {
        if (lease.lost || !(await repo.isRunRunning(tx, runId))) {
          throw conflict("ingest_lease_lost", {
            ja: "この取り込みは応答が途絶えたため他のプロセスに引き継がれました。結果は保存していません",
            en: "This ingestion stopped renewing its lease and was taken over by another process; its results were not saved",
          });
        }
        const written = await writeOutputs(tx, runId, collector, directory);
        await repo.saveState(
          tx,
          EMBEDDED,
          result.engine.snapshot(),
          Number.isFinite(result.engine.watermark) ? result.engine.watermark : null,
          runId,
        );
        for (const s of result.sources) {
          if (!Number.isFinite(s.cursor.maxT)) continue;
          await repo.upsertFile(tx, {
            identity: s.identity,
            name: s.file.rel,
            kind: s.stats.kind,
            maxT: s.cursor.maxT,
            ids: s.cursor.ids,
            rows: s.stats.events,
            runId,
          });
        }
        if (datasetHasAssets) await repo.replaceAssets(tx, assetList.map(assetView));
        const full = { ...report, ...written };
        await repo.finishRun(tx, runId, "committed", summaryOf(full), full.problems);
        await audit.write(tx, actor, {
          action: "insider.ingested",
          entityType: "insider_run",
          entityId: runId,
          after: summaryOf(full),
        });
        return written;
      });
      return { ...report, ...outcome };
    } catch (error) {
      await db.transaction().execute(async (tx) => {
        await repo.finishRun(
          tx,
          runId,
          "failed",
          { error: error instanceof Error ? error.message : String(error) },
          [],
        );
        await repo.deleteRunRows(tx, [runId]);
      });
      throw error;
    } finally {
      lease.stop();
    }
  }

  function summaryOf(r: IngestReport): Record<string, unknown> {
    const { problems: _p, ...rest } = r;
    return { ...rest, problemCount: r.problems.length };
  }

  /**
   * The HTTP batch endpoint: JSON lines (generic schema or ECS). Each event's id (or the hash of its
   * line) is an idempotency key per source, so a retried batch is not counted twice. The engine
   * continues from its stored state; days close as time moves on (or at once with `final`).
   */
  async function ingestNdjson(
    actor: Actor,
    input: { source: string; format: JsonFormat; text: string; final: boolean; utcOffsetMinutes?: number },
  ): Promise<IngestReport> {
    await claimIngestion();
    const problems: IngestProblem[] = [];
    const parsed: { ev: ActivityEvent; key: string }[] = [];
    const lines = input.text.split("\n");
    let rows = 0;
    lines.forEach((raw, i) => {
      const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (text.trim() === "") return;
      rows++;
      const r = parseJsonLine(text, input.format, input.utcOffsetMinutes ?? 540);
      if ("error" in r) {
        problems.push({ file: input.source, line: i + 1, reason: r.error });
        return;
      }
      r.event.sourceFile = input.source;
      r.event.sourceLine = i + 1;
      const key = r.event.sourceId || `sha1:${createHash("sha1").update(text).digest("hex")}`;
      if (!r.event.sourceId) r.event.sourceId = key;
      parsed.push({ ev: r.event, key });
    });
    const runId = randomUUID();
    return db.transaction().execute(async (tx) => {
      await repo.insertRun(tx, { id: runId, kind: "ndjson", source: input.source, actorLabel: actor.label });
      const fresh = await repo.claimKeys(tx, input.source, [
        ...new Map(parsed.map((p) => [p.key, { id: p.key, t: p.ev.t }])).values(),
      ]);
      const claimed = new Set<string>();
      const events: ActivityEvent[] = [];
      for (const p of parsed) {
        if (fresh.has(p.key) && !claimed.has(p.key)) {
          claimed.add(p.key);
          events.push(p.ev);
        }
      }
      events.sort((a, b) => a.t - b.t);
      const directory = await storedDirectory(tx);
      const assets = new AssetRegistry(await storedAssets(tx));
      const state = await repo.loadState(tx, EMBEDDED, true);
      const { feedback, decidedKeys } = await feedbackAndDecided(tx);
      const collector = createCollector(runId, null);
      const engine: InsiderEngine = createInsiderEngine({
        options: engineOptionsFor(directory, feedback) as EngineOptions,
        directory,
        assets,
        sink: collector.sink,
        ...(state ? { snapshot: state.snapshot as EngineSnapshot } : {}),
      });
      for (const key of decidedKeys) engine.closeAlert(key);
      const before = { ...engine.stats };
      engine.pushBatch(events);
      if (input.final) engine.finish();
      const written = await writeOutputs(tx, runId, collector, directory);
      await repo.saveState(
        tx,
        EMBEDDED,
        engine.snapshot(),
        Number.isFinite(engine.watermark) ? engine.watermark : null,
        runId,
      );
      if (Number.isFinite(engine.watermark)) await repo.pruneKeys(tx, engine.watermark - 3 * MS_PER_DAY);
      const lateNow = engine.stats.lateSamples.slice(before.lateSamples.length);
      problems.push(
        ...lateNow.map((l) => ({
          file: l.file,
          line: l.line,
          reason: `late event (${localIso(l.t)}) beyond the lateness window; not scored`,
        })),
      );
      const report: IngestReport = {
        runId,
        files: [
          {
            file: input.source,
            kind: input.format,
            rows,
            events: engine.stats.events - before.events,
            skipped: parsed.length - events.length,
            malformed: rows - parsed.length,
          },
        ],
        events: engine.stats.events - before.events,
        duplicates: parsed.length - events.length,
        malformed: rows - parsed.length,
        late: engine.stats.late - before.late,
        reordered: engine.stats.reordered - before.reordered,
        unknownUsers: engine.stats.unknownUsers - before.unknownUsers,
        missingDisconnects: engine.stats.missingDisconnects - before.missingDisconnects,
        userDays: collector.userDays,
        alertsNew: written.alertsNew,
        alertsUpdated: written.alertsUpdated,
        problems: problems.slice(0, 200),
        notes: [],
      };
      await repo.finishRun(tx, runId, "committed", summaryOf(report), report.problems);
      await audit.write(tx, actor, {
        action: "insider.ingested",
        entityType: "insider_run",
        entityId: runId,
        after: summaryOf(report),
      });
      return report;
    });
  }

  // ---------- reading (pseudonymised) ----------

  function toSummary(row: ListedAlertRow): AlertSummary {
    const indicators = (row.indicators as StoredIndicator[]).slice().sort((a, b) => b.weight - a.weight);
    return {
      id: row.id,
      subjectId: row.subject_id,
      pseudonym: row.pseudonym,
      role: row.subject_role,
      department: row.subject_department,
      status: row.status,
      severity: row.severity,
      score: row.score,
      anomaly: row.anomaly,
      cases: row.cases,
      redFlags: redFlagsForIndicators(indicators.map((i) => i.id)),
      firstDay: row.first_day,
      lastDay: row.last_day,
      evidenceCount: row.evidence_count,
      topIndicators: indicators.slice(0, 5).map((i) => ({ id: i.id, weight: i.weight })),
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  async function listAlerts(q: {
    status?: InsiderAlertStatus[] | undefined;
    severity?: InsiderSeverity | undefined;
    caseNumber?: number | undefined;
    pseudonym?: string | undefined;
    subjectId?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    let subjectKey: string | undefined;
    if (q.subjectId) {
      const s = await repo.subjectById(db, q.subjectId);
      if (!s) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      subjectKey = s.subject_key;
    }
    const { rows, total } = await repo.listAlerts(db, {
      status: q.status,
      severity: q.severity,
      caseNumber: q.caseNumber,
      pseudonym: q.pseudonym,
      subjectKey,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async function loadAlert(exec: Executor, id: string, forUpdate = false): Promise<AlertRow> {
    const row = await repo.alertById(exec, id, forUpdate);
    if (!row) throw notFound(ALERT);
    return row;
  }

  async function summaryFor(exec: Executor, row: AlertRow): Promise<AlertSummary> {
    const [s] = await repo.subjectsByKeys(exec, [row.subject_key]);
    if (!s) throw notFound(SUBJECT);
    return toSummary({
      ...row,
      subject_id: s.id,
      pseudonym: s.pseudonym,
      subject_role: s.role,
      subject_department: s.department,
    });
  }

  async function maskContext(exec: Executor, evidence: { recipients: string[] }[]): Promise<MaskContext> {
    const all = await repo.pseudonymMap(exec);
    const emails = [...new Set(evidence.flatMap((e) => e.recipients))];
    const byEmail = await repo.subjectsByEmails(exec, emails);
    const directory = await storedDirectory(exec);
    return {
      internalDomains: new Set(engineDefaults.internalDomains ?? inferInternalDomains(directory)),
      pseudonymByEmail: new Map(
        byEmail.filter((r) => r.email).map((r) => [r.email!.toLowerCase(), r.pseudonym]),
      ),
      pseudonymByKey: new Map(all.map((r) => [r.subject_key, r.pseudonym])),
    };
  }

  function evidenceView(
    row: Awaited<ReturnType<InsiderRepo["evidenceOf"]>>[number],
    mask: MaskContext | null,
  ): EvidenceView {
    return {
      seq: row.seq,
      at: localIso(Number(row.t)),
      kind: row.kind,
      action: row.action,
      host: row.host,
      hostContext: row.host_context,
      object: mask
        ? row.kind === "logon"
          ? maskSourceAddress(row.object)
          : maskObject(row.object, mask)
        : row.object,
      recipients: mask ? row.recipients.map((r) => maskAddress(r, mask)) : row.recipients,
      attachments: mask ? row.attachments.map((a) => maskObject(a, mask)) : row.attachments,
      bytes: Number(row.bytes),
      assetId: row.asset_id,
      indicators: row.indicators,
      source: { file: row.source_file, line: row.source_line, id: row.source_id },
    };
  }

  function indicatorViews(row: AlertRow): AlertIndicatorView[] {
    return (row.indicators as StoredIndicator[])
      .map((i) => {
        const def = INDICATOR_BY_ID.get(i.id);
        return {
          id: i.id,
          kind: def?.kind ?? "behaviour",
          label: def?.label ?? { ja: i.id, en: i.id },
          explanation: def?.explanation ?? { ja: "", en: "" },
          weight: i.weight,
          baseWeight: def?.weight ?? i.weight,
          count: i.count,
          firstDay: isoDay(i.firstDay),
          lastDay: isoDay(i.lastDay),
          cases: [...(def?.cases ?? [])],
        };
      })
      .sort((a, b) => b.weight - a.weight);
  }

  async function getAlert(id: string) {
    const row = await loadAlert(db, id);
    const summary = await summaryFor(db, row);
    const evidenceRows = await repo.evidenceOf(db, id, MAX_EVIDENCE_PER_ALERT);
    const mask = await maskContext(db, evidenceRows);
    const history = await audit.forEntity("insider_alert", id);
    return {
      ...summary,
      indicators: indicatorViews(row),
      caseLabels: row.cases.map((c) => ({ case: c, label: CASES[c] ?? { ja: String(c), en: String(c) } })),
      triageNote: row.triage_note,
      triagedAt: row.triaged_at ? new Date(row.triaged_at).toISOString() : null,
      evidence: evidenceRows.map((e) => evidenceView(e, mask)),
      history: history.items.map((h) => ({
        id: h.id,
        at: h.at,
        actorLabel: h.actorLabel,
        action: h.action,
        after: h.after,
      })),
    };
  }

  /** The user's chart features day by day, their own baseline and their peers' daily mean. */
  async function alertSeries(id: string) {
    const row = await loadAlert(db, id);
    return seriesFor(row.subject_key, isoToDay(row.first_day) - 30, isoToDay(row.last_day) + 14);
  }

  async function seriesFor(subjectKey: string, fromDay: number, toDay: number) {
    const [subject] = await repo.subjectsByKeys(db, [subjectKey]);
    if (!subject) throw notFound(SUBJECT);
    const range = await repo.dataRange(db);
    const lo = range.first ? Math.max(fromDay, isoToDay(range.first)) : fromDay;
    const hi = range.last ? Math.min(toDay, isoToDay(range.last)) : toDay;
    const from = isoDay(lo);
    const to = isoDay(Math.max(lo, hi));
    const days = await repo.userDays(db, subjectKey, from, to);
    const positions = CHART_FEATURES.map((f) => f + 1);
    const peerRows = await repo.peerMeans(db, {
      department: subject.department,
      role: subject.role,
      exclude: subjectKey,
      from,
      to,
      positions,
    });
    const peerByDay = new Map(peerRows.map((p) => [p.day, p]));
    const dayList = days.map((d) => d.day);
    return {
      subject: {
        id: subject.id,
        pseudonym: subject.pseudonym,
        role: subject.role,
        department: subject.department,
      },
      peerGroup: { role: subject.role, department: subject.department },
      features: CHART_FEATURES.map((f) => ({
        index: f,
        name: FEATURE_NAMES[f]!,
        label: FEATURE_LABELS[FEATURE_NAMES[f]!] ?? { ja: FEATURE_NAMES[f]!, en: FEATURE_NAMES[f]! },
      })),
      days: dayList,
      scores: days.map((d) => d.score),
      alerted: days.map((d) => d.alert_key !== null),
      user: CHART_FEATURES.map((f) => days.map((d) => d.features[f] ?? 0)),
      baseline: CHART_FEATURES.map((_, k) => days.map((d) => d.baseline[k] ?? 0)),
      peers: CHART_FEATURES.map((_, k) => dayList.map((day) => peerByDay.get(day)?.means[k] ?? null)),
      peerCounts: dayList.map((day) => peerByDay.get(day)?.n ?? 0),
    };
  }

  const TRANSITIONS: Record<InsiderAlertStatus, InsiderAlertStatus[]> = {
    new: ["reviewing", "confirmed", "non_issue"],
    reviewing: ["new", "confirmed", "non_issue"],
    confirmed: ["reviewing"],
    non_issue: ["reviewing"],
  };

  /** Records a triage decision; decided alerts feed back into scoring from the next ingestion. */
  async function triage(
    actor: Actor,
    id: string,
    input: { status: InsiderAlertStatus; note?: string | null | undefined; version: number },
  ) {
    const note = input.note?.trim() || null;
    if ((input.status === "confirmed" || input.status === "non_issue") && !note) {
      throw invalid([
        {
          path: "note",
          message: { ja: "判断の理由を記入してください", en: "Write down the reason for the decision" },
        },
      ]);
    }
    return db.transaction().execute(async (tx) => {
      const before = await loadAlert(tx, id, true);
      if (before.version !== input.version) {
        throw conflict("stale_version", {
          ja: "他の人がこのアラートを更新しました。再読み込みしてください",
          en: "Someone else changed this alert; reload it",
        });
      }
      if (before.status !== input.status && !TRANSITIONS[before.status].includes(input.status)) {
        throw conflict("invalid_transition", {
          ja: `「${before.status}」から「${input.status}」には変更できません`,
          en: `Cannot change from ${before.status} to ${input.status}`,
        });
      }
      await repo.triage(tx, id, input.status, note, actor.id);
      await audit.write(tx, actor, {
        action: "insider.alert.triaged",
        entityType: "insider_alert",
        entityId: id,
        before: { status: before.status, note: before.triage_note },
        after: { status: input.status, note },
      });
      return summaryFor(tx, await loadAlert(tx, id));
    });
  }

  const REASON_MIN = 10;
  function checkReason(reason: string): string {
    const r = reason.trim();
    if (r.length < REASON_MIN) {
      throw invalid([
        {
          path: "reason",
          message: {
            ja: `開示の理由を${REASON_MIN}文字以上で記入してください`,
            en: `Give a reason of at least ${REASON_MIN} characters`,
          },
        },
      ]);
    }
    return r;
  }

  async function identityOf(
    exec: Executor,
    subject: NonNullable<Awaited<ReturnType<InsiderRepo["subjectById"]>>>,
  ) {
    const supervisor = subject.supervisor_key
      ? (await repo.subjectsByKeys(exec, [subject.supervisor_key]))[0]
      : undefined;
    return {
      subjectId: subject.id,
      pseudonym: subject.pseudonym,
      subjectKey: subject.subject_key,
      name: subject.display_name,
      email: subject.email,
      role: subject.role,
      department: subject.department,
      team: subject.team,
      projects: subject.projects,
      supervisor: supervisor ? { pseudonym: supervisor.pseudonym, name: supervisor.display_name } : null,
    };
  }

  /** Reveals who is behind a pseudonym: needs a written reason, and the reveal is audited. */
  async function revealSubject(actor: Actor, subjectId: string, reason: string) {
    const why = checkReason(reason);
    const rights = (await revealCheck?.(actor)) ?? {};
    return db.transaction().execute(async (tx) => {
      const subject = await repo.subjectById(tx, subjectId);
      if (!subject) throw notFound(SUBJECT);
      await audit.write(tx, actor, {
        action: "insider.subject.revealed",
        entityType: "insider_subject",
        entityId: subjectId,
        context: { reason: why, pseudonym: subject.pseudonym, ...rights },
      });
      return identityOf(tx, subject);
    });
  }

  /** Reveals the person and the unmasked evidence of one alert (audited, with the reason). */
  async function revealAlert(actor: Actor, alertId: string, reason: string) {
    const why = checkReason(reason);
    const rights = (await revealCheck?.(actor)) ?? {};
    return db.transaction().execute(async (tx) => {
      const row = await loadAlert(tx, alertId);
      const [subject] = await repo.subjectsByKeys(tx, [row.subject_key]);
      if (!subject) throw notFound(SUBJECT);
      await audit.write(tx, actor, {
        action: "insider.alert.revealed",
        entityType: "insider_alert",
        entityId: alertId,
        context: { reason: why, pseudonym: subject.pseudonym, subjectId: subject.id, ...rights },
      });
      const evidence = await repo.evidenceOf(tx, alertId, MAX_EVIDENCE_PER_ALERT);
      return {
        identity: await identityOf(tx, subject),
        evidence: evidence.map((e) => evidenceView(e, null)),
      };
    });
  }

  async function dashboard() {
    const [counts, perDay, top, range, lastRun, topAlerts] = await Promise.all([
      repo.countsByStatusSeverity(db),
      repo.alertsPerDay(db),
      repo.topIndicators(db, 10),
      repo.dataRange(db),
      repo.lastCommittedRun(db),
      repo.listAlerts(db, { status: ["new", "reviewing"], limit: 10, offset: 0 }),
    ]);
    const bySeverity = { low: 0, medium: 0, high: 0, critical: 0 };
    const byStatus = { new: 0, reviewing: 0, confirmed: 0, non_issue: 0 };
    for (const c of counts) {
      byStatus[c.status] += c.n;
      if (c.status === "new" || c.status === "reviewing") bySeverity[c.severity] += c.n;
    }
    const series = new Map<
      string,
      { day: string; low: number; medium: number; high: number; critical: number }
    >();
    for (const r of perDay) {
      const entry = series.get(r.day) ?? { day: r.day, low: 0, medium: 0, high: 0, critical: 0 };
      entry[r.severity] += r.n;
      series.set(r.day, entry);
    }
    const budget: AlertBudget = engineDefaults.budget ?? DEFAULT_BUDGET;
    return {
      openBySeverity: bySeverity,
      byStatus,
      /** New and reviewing alerts: the office's open workload. */
      openAlerts: byStatus.new + byStatus.reviewing,
      /** The investigation budget in force (SEKIMORI_INSIDER_BUDGET), as the engine applies it. */
      budget: budgetView(budget),
      alertsPerDay: [...series.values()],
      topIndicators: top.map((t) => ({
        id: t.id,
        alerts: t.n,
        label: INDICATOR_BY_ID.get(t.id)?.label ?? { ja: t.id, en: t.id },
      })),
      topAlerts: topAlerts.rows.map(toSummary),
      data: { firstDay: range.first, lastDay: range.last, userDays: range.n },
      lastRun: lastRun ? runView(lastRun) : null,
    };
  }

  /** The budget with every field the dashboard shows (null where the mode has none). */
  function budgetView(b: AlertBudget) {
    return {
      mode: b.mode,
      percentile: b.mode === "percentile" ? b.percentile : null,
      windowDays: b.mode === "percentile" ? (b.windowDays ?? 90) : null,
      perDay: b.mode === "topPerDay" ? b.perDay : null,
      threshold: b.mode === "fixed" ? b.threshold : null,
      floor: b.mode === "fixed" ? null : (b.floor ?? 0),
    };
  }

  function runView(r: Awaited<ReturnType<InsiderRepo["listRuns"]>>[number]) {
    return {
      id: r.id,
      kind: r.kind,
      source: r.source,
      status: r.status,
      actorLabel: r.actor_label,
      startedAt: new Date(r.started_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      stats: r.stats,
      problems: (r.problems as IngestProblem[]).slice(0, 200),
    };
  }

  async function listSubjects(q: {
    pseudonym?: string | undefined;
    department?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    const { rows, total } = await repo.listSubjects(db, {
      ...q,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        pseudonym: r.pseudonym,
        role: r.role,
        department: r.department,
        watchlists: r.watchlists,
        inDirectory: r.in_directory,
        openRisk: r.open_score ?? 0,
        openAlerts: r.open_alerts ?? 0,
        alerts: r.all_alerts ?? 0,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The user risk page: who (pseudonymised), their alerts and their daily risk over time. */
  async function getSubject(id: string) {
    const s = await repo.subjectById(db, id);
    if (!s) throw notFound(SUBJECT);
    const alerts = await listAlerts({ subjectId: id, page: 1, pageSize: 100 });
    const range = await repo.dataRange(db);
    const days =
      range.first && range.last ? await repo.userDays(db, s.subject_key, range.first, range.last) : [];
    const openRisk = alerts.items
      .filter((a) => a.status === "new" || a.status === "reviewing")
      .reduce((m, a) => Math.max(m, a.score), 0);
    return {
      id: s.id,
      pseudonym: s.pseudonym,
      role: s.role,
      department: s.department,
      watchlists: s.watchlists,
      inDirectory: s.in_directory,
      projects: s.projects.length,
      openRisk,
      severity: openRisk > 0 ? severityOf(openRisk) : null,
      alerts: alerts.items,
      daily: days.map((d) => ({
        day: d.day,
        score: d.score,
        anomaly: d.anomaly,
        indicators: d.indicators,
        alerted: d.alert_key !== null,
      })),
    };
  }

  async function subjectSeries(id: string, fromDay?: string, toDay?: string) {
    const s = await repo.subjectById(db, id);
    if (!s) throw notFound(SUBJECT);
    const range = await repo.dataRange(db);
    const to = toDay ?? range.last ?? dayToIso(dayOf(clock().getTime()));
    const from = fromDay ?? dayToIso(isoToDay(to) - 90);
    return seriesFor(s.subject_key, isoToDay(from), isoToDay(to));
  }

  async function putAssets(actor: Actor, input: unknown) {
    const { assets, problems } = validateAssets(input);
    if (problems.length > 0) {
      throw invalid(
        problems.map((p) => ({
          path: p.index < 0 ? "assets" : `assets.${p.index}${p.field ? `.${p.field}` : ""}`,
          message: { ja: `資産台帳の項目が不正です: ${p.reason}`, en: p.reason },
        })),
      );
    }
    return db.transaction().execute(async (tx) => {
      const before = await storedAssets(tx);
      await repo.replaceAssets(tx, assets.map(assetView));
      await audit.write(tx, actor, {
        action: "insider.assets.replaced",
        entityType: "insider_assets",
        entityId: null,
        before: { count: before.length, ids: before.map((a) => a.id) },
        after: { count: assets.length, ids: assets.map((a) => a.id) },
      });
      return { items: assets.map(assetView) };
    });
  }

  /**
   * Puts an account on an insider watchlist from another module (a directory sync's notice of
   * departure, a hiring review's high-risk or remote-identity hire). The span applies to activity
   * ingested from now on (and to re-analysis); a `departing` span with an end also gives the
   * detectors the leaving date, known from the span's start. Written with its source and reason,
   * audited in the same transaction. Nationality and similar attributes cannot be a reason field:
   * the caller states what the office knows (e.g. "notice given", "contractor identity unverified").
   */
  async function putOnWatchlist(
    actor: Actor,
    entry: {
      userId: string;
      list: string;
      from?: string | null;
      to?: string | null;
      source: string;
      reason: string;
    },
    /** The caller's transaction (e.g. a directory sync), so the watchlist entry commits with it. */
    inTx?: Executor,
  ) {
    const fields: FieldError[] = [];
    const userId = entry.userId.trim();
    if (userId === "")
      fields.push({
        path: "userId",
        message: { ja: "アカウントを指定してください", en: "userId is required" },
      });
    if (!WATCHLISTS.includes(entry.list as Watchlist))
      fields.push({
        path: "list",
        message: {
          ja: `ウォッチリストは ${WATCHLISTS.join(", ")} のいずれかです`,
          en: `list must be one of ${WATCHLISTS.join(", ")}`,
        },
      });
    const day = (field: "from" | "to") => {
      const v = entry[field];
      if (v == null || v === "") return null;
      const d = isoToDay(v);
      if (Number.isNaN(d))
        fields.push({
          path: field,
          message: { ja: "日付は YYYY-MM-DD で指定してください", en: "use a YYYY-MM-DD date" },
        });
      return d;
    };
    const fromDay = day("from");
    const toDay = day("to");
    if (
      fromDay !== null &&
      toDay !== null &&
      !Number.isNaN(fromDay) &&
      !Number.isNaN(toDay) &&
      toDay < fromDay
    )
      fields.push({ path: "to", message: { ja: "終了日が開始日より前です", en: "to is before from" } });
    if (fields.length > 0) throw invalid(fields);
    const list = entry.list as Watchlist;
    const run = async (tx: Executor) => {
      const directory = await storedDirectory(tx);
      const before = directory.people.get(userId)?.watch.map((w) => w.list) ?? [];
      directory.addWatch(userId, { list, fromDay, toDay, source: entry.source, reason: entry.reason });
      const subset = new Directory();
      subset.put(directory.people.get(userId)!);
      await writeSubjects(tx, subset, new Set([userId]));
      const span = {
        list,
        from: fromDay !== null ? dayToIso(fromDay) : null,
        to: toDay !== null ? dayToIso(toDay) : null,
        source: entry.source,
        reason: entry.reason,
      };
      await audit.write(tx, actor, {
        action: "insider.watchlist.added",
        entityType: "insider_subject",
        entityId: userId,
        before: { watchlists: [...new Set(before)] },
        after: { userId, ...span },
      });
      return { userId, ...span };
    };
    return inTx ? run(inTx) : db.transaction().execute(run);
  }

  /** Merges HR/directory rows (same columns as the HR file); nationality-like fields are refused. */
  async function putDirectory(
    actor: Actor,
    rows: Record<string, string>[],
    /** The caller's transaction (the people directory's sync feeds this same directory in it). */
    inTx?: Executor,
  ) {
    const fields: FieldError[] = [];
    rows.forEach((r, i) => {
      for (const key of Object.keys(r)) {
        if (FORBIDDEN_ATTRIBUTES.includes(key.toLowerCase())) {
          fields.push({
            path: `rows.${i}.${key}`,
            message: {
              ja: "国籍・民族等の属性は扱いません",
              en: "Nationality, ethnicity and similar attributes are never used",
            },
          });
        }
      }
    });
    if (fields.length > 0) throw invalid(fields);
    const directory = await storedDirectory(inTx ?? db);
    const { problems } = mergeHrRows(
      directory,
      rows.map((values, i) => ({
        line: i + 1,
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), String(v)])),
      })),
    );
    if (problems.length > 0)
      throw invalid(
        problems.map((p) => ({ path: `rows.${p.line - 1}`, message: { ja: p.reason, en: p.reason } })),
      );
    const run = async (tx: Executor) => {
      const touched = new Set(rows.map((r) => String(r.user_id ?? "").trim()).filter(Boolean));
      const subset = new Directory();
      for (const key of touched) {
        const p = directory.people.get(key);
        if (p) subset.put(p);
      }
      await writeSubjects(tx, subset, new Set());
      await audit.write(tx, actor, {
        action: "insider.directory.updated",
        entityType: "insider_directory",
        entityId: null,
        after: { subjects: [...touched].length },
      });
      return { updated: touched.size };
    };
    return inTx ? run(inTx) : db.transaction().execute(run);
  }

  /**
   * Loads a dataset's directory (LDAP snapshots, HR file, psychometric) and asset registry without
   * any activity: how bus workers, which read the directory from the database, learn the
   * organisation.
   */
  async function importDirectory(actor: Actor, target: string) {
    const layout = discoverDataset(target);
    const context = await loadDatasetContext(layout);
    return db.transaction().execute(async (tx) => {
      const directory = await storedDirectory(tx);
      for (const p of context.directory.people.values()) putKeepingWatchlistEntries(directory, p);
      await writeSubjects(tx, directory, new Set());
      if (layout.assets) await repo.replaceAssets(tx, context.assets.assets.map(assetView));
      const summary = {
        people: context.directory.size,
        assets: layout.assets ? context.assets.assets.length : null,
        problems: context.problems.length,
      };
      await audit.write(tx, actor, {
        action: "insider.directory.imported",
        entityType: "insider_directory",
        entityId: null,
        after: summary,
      });
      return { ...summary, problemList: context.problems.slice(0, 200), notes: context.notes };
    });
  }

  // ---------- scale-out: detector workers on NATS JetStream / Kafka ----------

  /**
   * Builds engines for bus workers with the stored directory, assets and triage feedback (read once
   * per worker process; restart workers to pick up directory changes).
   */
  async function busEngineFactory() {
    const directory = await storedDirectory(db);
    const assets = new AssetRegistry(await storedAssets(db));
    const { feedback, decidedKeys } = await feedbackAndDecided(db);
    const options = engineOptionsFor(directory, feedback) as EngineOptions;
    return (snapshot: EngineSnapshot | null, sink: Parameters<typeof createInsiderEngine>[0]["sink"]) => {
      const engine = createInsiderEngine({
        options,
        directory,
        assets,
        sink,
        ...(snapshot ? { snapshot } : {}),
      });
      for (const key of decidedKeys) engine.closeAlert(key);
      return engine;
    };
  }

  /** The database as a worker store: results and checkpoint in one transaction, fenced by sequence. */
  function busStore(actor: Actor): WorkerStore {
    const directoryPromise = storedDirectory(db);
    return {
      async load(partition) {
        const row = await repo.loadState(db, `partition:${partition}`);
        if (!row) return null;
        const state = row.snapshot as { engine: EngineSnapshot | null; seq: number; writer?: string };
        return { snapshot: state.engine, seq: state.seq, ...(state.writer ? { writer: state.writer } : {}) };
      },
      async commit(partition, checkpoint, output) {
        const directory = await directoryPromise;
        await db.transaction().execute(async (tx) => {
          const scope = `partition:${partition}`;
          const row = await repo.loadState(tx, scope, true);
          const stored = row ? (row.snapshot as { seq: number; writer?: string }) : null;
          if (
            !checkpointAccepted(
              stored
                ? { snapshot: null, seq: stored.seq, ...(stored.writer ? { writer: stored.writer } : {}) }
                : null,
              checkpoint,
            )
          ) {
            throw new StaleCheckpointError(partition, checkpoint.seq, stored?.seq ?? 0);
          }
          const runId = randomUUID();
          await repo.insertRun(tx, { id: runId, kind: "bus", source: scope, actorLabel: actor.label });
          const collector = createCollector(runId, null);
          for (const d of output.userDays) collector.sink.userDay(d);
          for (const a of output.alerts) collector.sink.alert(a);
          const written = await writeOutputs(tx, runId, collector, directory);
          const engine = checkpoint.snapshot;
          await repo.saveState(
            tx,
            scope,
            { engine, seq: checkpoint.seq, writer: checkpoint.writer },
            engine && Number.isFinite(engine.watermark) ? engine.watermark : null,
            runId,
          );
          const summary = { partition, seq: checkpoint.seq, userDays: output.userDays.length, ...written };
          await repo.finishRun(tx, runId, "committed", summary, []);
          await audit.write(tx, actor, {
            action: "insider.bus.checkpoint",
            entityType: "insider_run",
            entityId: runId,
            after: summary,
          });
        });
      },
    };
  }

  return {
    ingestPath,
    ingestNdjson,
    busEngineFactory,
    busStore,
    importDirectory,
    dashboard,
    listAlerts,
    getAlert,
    alertSeries,
    triage,
    revealSubject,
    revealAlert,
    listSubjects,
    getSubject,
    subjectSeries,
    async listRuns(limit = 50) {
      return { items: (await repo.listRuns(db, limit)).map(runView) };
    },
    indicators() {
      return {
        items: INDICATORS.map((d) => ({
          id: d.id,
          kind: d.kind,
          weight: d.weight,
          cases: [...d.cases],
          label: d.label,
          explanation: d.explanation,
        })),
        cases: Object.entries(CASES).map(([k, v]) => ({ case: Number(k), label: v })),
      };
    },
    async getAssets() {
      return { items: await storedAssets(db) };
    },
    putAssets,
    putDirectory,
    putOnWatchlist,
    /** Hours of out-of-order tolerance the engine uses (for documentation in responses). */
    latenessHours: engineDefaults.latenessHours ?? 4,
  };
}

export type InsiderService = ReturnType<typeof createInsiderService>;

/** Thrown by callers that need to tell an AppError apart (kept for the CLI). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
