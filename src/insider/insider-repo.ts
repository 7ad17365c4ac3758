import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { InsiderAlertStatus, InsiderSeverity } from "../db/schema.js";

export type SubjectUpsert = {
  id: string;
  subjectKey: string;
  pseudonym: string;
  displayName: string | null;
  email: string | null;
  role: string | null;
  department: string | null;
  team: string | null;
  projects: string[];
  supervisorKey: string | null;
  watchlists: string[];
  startDate: string | null;
  endDate: string | null;
  inDirectory: boolean;
  person: unknown;
};

export type UserDayInsert = {
  subjectKey: string;
  day: string;
  score: number;
  anomaly: number;
  indicators: string[];
  features: number[];
  baseline: number[];
  alertKey: string | null;
  runId: string;
};

export type EvidenceInsert = {
  t: number;
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
  sourceFile: string;
  sourceLine: number;
  sourceId: string;
};

export type AlertWrite = {
  engineKey: string;
  subjectKey: string;
  severity: InsiderSeverity;
  score: number;
  anomaly: number;
  cases: number[];
  indicators: unknown[];
  firstDay: string;
  lastDay: string;
  runId: string | null;
};

export type AlertFilter = {
  status?: InsiderAlertStatus[] | undefined;
  severity?: InsiderSeverity | undefined;
  caseNumber?: number | undefined;
  subjectKey?: string | undefined;
  pseudonym?: string | undefined;
  limit: number;
  offset: number;
};

/** Only rows written by committed ingestion runs are visible. */
const committed = sql<boolean>`run_id IN (SELECT id FROM insider_runs WHERE status = 'committed')`;

/** SQL for the insider-risk module. */
export function createInsiderRepo() {
  return {
    // ---- subjects ----
    async upsertSubjects(tx: Executor, rows: SubjectUpsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await tx
          .insertInto("insider_subjects")
          .values(
            chunk.map((r) => ({
              id: r.id,
              subject_key: r.subjectKey,
              pseudonym: r.pseudonym,
              display_name: r.displayName,
              email: r.email,
              role: r.role,
              department: r.department,
              team: r.team,
              projects: r.projects,
              supervisor_key: r.supervisorKey,
              watchlists: r.watchlists,
              start_date: r.startDate,
              end_date: r.endDate,
              in_directory: r.inDirectory,
              person: r.person === null ? null : JSON.stringify(r.person),
            })),
          )
          .onConflict((oc) =>
            oc.column("subject_key").doUpdateSet((eb) => ({
              display_name: sql`COALESCE(${eb.ref("excluded.display_name")}, insider_subjects.display_name)`,
              email: sql`COALESCE(${eb.ref("excluded.email")}, insider_subjects.email)`,
              role: sql`COALESCE(${eb.ref("excluded.role")}, insider_subjects.role)`,
              department: sql`COALESCE(${eb.ref("excluded.department")}, insider_subjects.department)`,
              team: sql`COALESCE(${eb.ref("excluded.team")}, insider_subjects.team)`,
              projects: sql`CASE WHEN ${eb.ref("excluded.in_directory")} THEN ${eb.ref("excluded.projects")} ELSE insider_subjects.projects END`,
              supervisor_key: sql`COALESCE(${eb.ref("excluded.supervisor_key")}, insider_subjects.supervisor_key)`,
              watchlists: sql`CASE WHEN ${eb.ref("excluded.in_directory")} THEN ${eb.ref("excluded.watchlists")} ELSE insider_subjects.watchlists END`,
              start_date: sql`COALESCE(${eb.ref("excluded.start_date")}, insider_subjects.start_date)`,
              end_date: sql`COALESCE(${eb.ref("excluded.end_date")}, insider_subjects.end_date)`,
              in_directory: sql`insider_subjects.in_directory OR ${eb.ref("excluded.in_directory")}`,
              person: sql`COALESCE(${eb.ref("excluded.person")}, insider_subjects.person)`,
              updated_at: sql`now()`,
            })),
          )
          .execute();
      }
    },

    subjectById(db: Executor, id: string) {
      return db.selectFrom("insider_subjects").selectAll().where("id", "=", id).executeTakeFirst();
    },

    subjectsByKeys(db: Executor, keys: string[]) {
      if (keys.length === 0) return Promise.resolve([]);
      return db.selectFrom("insider_subjects").selectAll().where("subject_key", "in", keys).execute();
    },

    subjectsByEmails(db: Executor, emails: string[]) {
      if (emails.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("insider_subjects")
        .select(["subject_key", "pseudonym", "email"])
        .where(
          sql<string>`lower(email)`,
          "in",
          emails.map((e) => e.toLowerCase()),
        )
        .execute();
    },

    /** People with directory records (the engine's directory between runs). */
    directoryPersons(db: Executor) {
      return db
        .selectFrom("insider_subjects")
        .select(["subject_key", "person"])
        .where("person", "is not", null)
        .execute();
    },

    pseudonymMap(db: Executor) {
      return db.selectFrom("insider_subjects").select(["subject_key", "pseudonym", "id"]).execute();
    },

    async listSubjects(
      db: Executor,
      q: { pseudonym?: string | undefined; department?: string | undefined; limit: number; offset: number },
    ) {
      let base = db.selectFrom("insider_subjects as s");
      if (q.pseudonym)
        base = base.where("s.pseudonym", "ilike", `%${q.pseudonym.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      if (q.department) base = base.where("s.department", "=", q.department);
      const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      const rows = await base
        .leftJoin(
          (eb) =>
            eb
              .selectFrom("insider_alerts")
              .select([
                "subject_key",
                sql<number>`max(score) FILTER (WHERE status IN ('new', 'reviewing'))`.as("open_score"),
                sql<number>`count(*) FILTER (WHERE status IN ('new', 'reviewing'))::int`.as("open_alerts"),
                sql<number>`count(*)::int`.as("all_alerts"),
              ])
              .groupBy("subject_key")
              .as("a"),
          (join) => join.onRef("a.subject_key", "=", "s.subject_key"),
        )
        .select([
          "s.id",
          "s.pseudonym",
          "s.role",
          "s.department",
          "s.watchlists",
          "s.in_directory",
          sql<number | null>`a.open_score`.as("open_score"),
          sql<number | null>`a.open_alerts`.as("open_alerts"),
          sql<number | null>`a.all_alerts`.as("all_alerts"),
        ])
        .orderBy(sql`a.open_score DESC NULLS LAST`)
        .orderBy("s.pseudonym")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return { rows, total: total.n };
    },

    // ---- runs ----
    async insertRun(
      tx: Executor,
      run: { id: string; kind: "files" | "ndjson" | "bus"; source: string; actorLabel: string },
    ) {
      await tx
        .insertInto("insider_runs")
        .values({
          id: run.id,
          kind: run.kind,
          source: run.source,
          status: "running",
          actor_label: run.actorLabel,
        })
        .execute();
    },

    async finishRun(
      tx: Executor,
      id: string,
      status: "committed" | "failed",
      stats: Record<string, unknown>,
      problems: unknown[],
    ) {
      await tx
        .updateTable("insider_runs")
        .set({
          status,
          finished_at: new Date(),
          stats: JSON.stringify(stats),
          problems: JSON.stringify(problems),
        })
        .where("id", "=", id)
        .execute();
    },

    runningRuns(db: Executor) {
      return db.selectFrom("insider_runs").selectAll().where("status", "=", "running").execute();
    },

    /** Running runs with the age of their lease in milliseconds, by the database's clock. */
    runningRunsWithLeaseAge(db: Executor) {
      return db
        .selectFrom("insider_runs")
        .select([
          "id",
          sql<number>`(extract(epoch from (now() - coalesce(heartbeat_at, started_at))) * 1000)::float8`.as(
            "lease_age_ms",
          ),
        ])
        .where("status", "=", "running")
        .execute();
    },

    /** Serialises ingestion claims (held until the transaction ends). */
    async lockIngestion(tx: Executor): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtext('sekimori.insider.ingest'))`.execute(tx);
    },

    /** Renews a running run's lease; false when the run is no longer running (taken over). */
    async renewLease(db: Executor, id: string): Promise<boolean> {
      const result = await db
        .updateTable("insider_runs")
        .set({ heartbeat_at: sql`now()` })
        .where("id", "=", id)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async isRunRunning(tx: Executor, id: string): Promise<boolean> {
      const row = await tx
        .selectFrom("insider_runs")
        .select("status")
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      return row?.status === "running";
    },

    /** Removes what failed or abandoned runs wrote outside their final transaction. */
    async deleteRunRows(tx: Executor, runIds: string[]): Promise<void> {
      if (runIds.length === 0) return;
      await tx.deleteFrom("insider_user_days").where("run_id", "in", runIds).execute();
    },

    listRuns(db: Executor, limit: number) {
      return db.selectFrom("insider_runs").selectAll().orderBy("started_at", "desc").limit(limit).execute();
    },

    lastCommittedRun(db: Executor) {
      return db
        .selectFrom("insider_runs")
        .selectAll()
        .where("status", "=", "committed")
        .orderBy("started_at", "desc")
        .limit(1)
        .executeTakeFirst();
    },

    // ---- file ledger and engine state ----
    fileCursors(db: Executor) {
      return db.selectFrom("insider_files").selectAll().execute();
    },

    async upsertFile(
      tx: Executor,
      f: {
        identity: string;
        name: string;
        kind: string;
        maxT: number;
        ids: string[];
        rows: number;
        runId: string;
      },
    ) {
      await tx
        .insertInto("insider_files")
        .values({
          identity: f.identity,
          name: f.name,
          kind: f.kind,
          max_t: f.maxT,
          ids_at_max: f.ids,
          rows: f.rows,
          last_run_id: f.runId,
        })
        .onConflict((oc) =>
          oc.column("identity").doUpdateSet((eb) => ({
            name: f.name,
            max_t: f.maxT,
            ids_at_max: f.ids,
            rows: sql`${eb.ref("insider_files.rows")} + ${f.rows}`,
            last_run_id: f.runId,
            updated_at: sql`now()`,
          })),
        )
        .execute();
    },

    async loadState(db: Executor, scope: string, forUpdate = false) {
      const q = db.selectFrom("insider_engine_state").selectAll().where("scope", "=", scope);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    async saveState(
      tx: Executor,
      scope: string,
      snapshot: unknown,
      watermark: number | null,
      runId: string | null,
    ) {
      const json = JSON.stringify(snapshot);
      await tx
        .insertInto("insider_engine_state")
        .values({ scope, snapshot: json, watermark, run_id: runId })
        .onConflict((oc) =>
          oc
            .column("scope")
            .doUpdateSet({ snapshot: json, watermark, run_id: runId, updated_at: new Date() }),
        )
        .execute();
    },

    // ---- user-days ----
    async insertUserDays(tx: Executor, rows: UserDayInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        await tx
          .insertInto("insider_user_days")
          .values(
            chunk.map((r) => ({
              subject_key: r.subjectKey,
              day: r.day,
              score: r.score,
              anomaly: r.anomaly,
              indicators: r.indicators,
              features: r.features,
              baseline: r.baseline,
              alert_key: r.alertKey,
              run_id: r.runId,
            })),
          )
          .onConflict((oc) => oc.columns(["subject_key", "day"]).doNothing())
          .execute();
      }
    },

    userDays(db: Executor, subjectKey: string, from: string, to: string) {
      return db
        .selectFrom("insider_user_days")
        .select(["day", "score", "anomaly", "indicators", "features", "baseline", "alert_key"])
        .where("subject_key", "=", subjectKey)
        .where("day", ">=", from)
        .where("day", "<=", to)
        .where(committed)
        .orderBy("day")
        .execute();
    },

    /** Daily mean of the chosen feature positions (1-based) over a peer group, excluding the subject. */
    async peerMeans(
      db: Executor,
      q: {
        department: string | null;
        role: string | null;
        exclude: string;
        from: string;
        to: string;
        positions: number[];
      },
    ) {
      const cols = q.positions.map((p) => sql`avg(d.features[${sql.lit(p)}])::real`);
      const rows = await sql<{ day: string; n: number; means: number[] }>`
        SELECT d.day::text AS day, count(*)::int AS n, ARRAY[${sql.join(cols)}] AS means
        FROM insider_user_days d JOIN insider_subjects s ON s.subject_key = d.subject_key
        WHERE d.day BETWEEN ${q.from} AND ${q.to} AND d.subject_key <> ${q.exclude}
          AND (${q.department}::text IS NULL OR s.department = ${q.department})
          AND (${q.role}::text IS NULL OR s.role = ${q.role})
          AND d.run_id IN (SELECT id FROM insider_runs WHERE status = 'committed')
        GROUP BY d.day ORDER BY d.day`.execute(db);
      return rows.rows;
    },

    dataRange(db: Executor) {
      return db
        .selectFrom("insider_user_days")
        .select([
          sql<string | null>`min(day)::text`.as("first"),
          sql<string | null>`max(day)::text`.as("last"),
          sql<number>`count(*)::int`.as("n"),
        ])
        .where(committed)
        .executeTakeFirstOrThrow();
    },

    // ---- alerts ----
    alertByKey(db: Executor, key: string) {
      return db.selectFrom("insider_alerts").selectAll().where("engine_key", "=", key).executeTakeFirst();
    },

    alertById(db: Executor, id: string, forUpdate = false) {
      const q = db.selectFrom("insider_alerts").selectAll().where("id", "=", id);
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
    },

    async insertAlert(tx: Executor, id: string, a: AlertWrite): Promise<void> {
      await tx
        .insertInto("insider_alerts")
        .values({
          id,
          engine_key: a.engineKey,
          subject_key: a.subjectKey,
          severity: a.severity,
          score: a.score,
          anomaly: a.anomaly,
          cases: a.cases,
          indicators: JSON.stringify(a.indicators),
          first_day: a.firstDay,
          last_day: a.lastDay,
          run_id: a.runId,
        })
        .execute();
    },

    async updateAlertScore(tx: Executor, id: string, a: AlertWrite): Promise<void> {
      await tx
        .updateTable("insider_alerts")
        .set((eb) => ({
          severity: a.severity,
          score: a.score,
          anomaly: a.anomaly,
          cases: a.cases,
          indicators: JSON.stringify(a.indicators),
          last_day: a.lastDay,
          run_id: a.runId,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },

    async appendEvidence(
      tx: Executor,
      alertId: string,
      startSeq: number,
      rows: EvidenceInsert[],
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await tx
          .insertInto("insider_evidence")
          .values(
            chunk.map((e, k) => ({
              alert_id: alertId,
              seq: startSeq + i + k,
              t: e.t,
              kind: e.kind,
              action: e.action,
              host: e.host,
              host_context: e.hostContext,
              object: e.object,
              recipients: e.recipients,
              attachments: e.attachments,
              bytes: e.bytes,
              asset_id: e.assetId,
              indicators: e.indicators,
              source_file: e.sourceFile,
              source_line: e.sourceLine,
              source_id: e.sourceId,
            })),
          )
          .execute();
      }
      await tx
        .updateTable("insider_alerts")
        .set((eb) => ({ evidence_count: eb("evidence_count", "+", rows.length) }))
        .where("id", "=", alertId)
        .execute();
    },

    evidenceOf(db: Executor, alertId: string, limit: number) {
      return db
        .selectFrom("insider_evidence")
        .selectAll()
        .where("alert_id", "=", alertId)
        .orderBy("t")
        .orderBy("seq")
        .limit(limit)
        .execute();
    },

    async listAlerts(db: Executor, f: AlertFilter) {
      let base = db
        .selectFrom("insider_alerts as a")
        .innerJoin("insider_subjects as s", "s.subject_key", "a.subject_key");
      if (f.status && f.status.length > 0) base = base.where("a.status", "in", f.status);
      if (f.severity) base = base.where("a.severity", "=", f.severity);
      if (f.caseNumber !== undefined) base = base.where(sql<boolean>`${f.caseNumber} = ANY(a.cases)`);
      if (f.subjectKey) base = base.where("a.subject_key", "=", f.subjectKey);
      if (f.pseudonym)
        base = base.where("s.pseudonym", "ilike", `%${f.pseudonym.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll("a")
        .select([
          "s.id as subject_id",
          "s.pseudonym",
          "s.role as subject_role",
          "s.department as subject_department",
        ])
        .orderBy("a.score", "desc")
        .orderBy("a.id")
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return { rows, total: total.n };
    },

    async triage(
      tx: Executor,
      id: string,
      status: InsiderAlertStatus,
      note: string | null,
      userId: string | null,
    ): Promise<void> {
      await tx
        .updateTable("insider_alerts")
        .set((eb) => ({
          status,
          triage_note: note,
          triaged_by: userId,
          triaged_at: new Date(),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },

    /** Alerts with a decided outcome (for triage feedback and for closing them in the engine). */
    decidedAlerts(db: Executor) {
      return db
        .selectFrom("insider_alerts")
        .select(["engine_key", "subject_key", "status", "indicators", "triaged_at"])
        .where("status", "in", ["confirmed", "non_issue"])
        .execute();
    },

    async countsByStatusSeverity(db: Executor) {
      return db
        .selectFrom("insider_alerts")
        .select(["status", "severity", sql<number>`count(*)::int`.as("n")])
        .groupBy(["status", "severity"])
        .execute();
    },

    async alertsPerDay(db: Executor) {
      return db
        .selectFrom("insider_alerts")
        .select([sql<string>`first_day::text`.as("day"), "severity", sql<number>`count(*)::int`.as("n")])
        .groupBy(["first_day", "severity"])
        .orderBy("first_day")
        .execute();
    },

    async topIndicators(db: Executor, limit: number) {
      const { rows } = await sql<{ id: string; n: number; weight: number }>`
        SELECT ind->>'id' AS id, count(*)::int AS n, max((ind->>'weight')::real) AS weight
        FROM insider_alerts a, jsonb_array_elements(a.indicators) ind
        WHERE a.status IN ('new', 'reviewing')
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`.execute(db);
      return rows;
    },

    // ---- asset registry ----
    listAssets(db: Executor) {
      return db.selectFrom("insider_assets").selectAll().orderBy("id").execute();
    },

    async replaceAssets(
      tx: Executor,
      assets: {
        id: string;
        name: string;
        kind: "server" | "path" | "repository" | "url";
        pattern: string;
        projects: string[];
        allowedRoles: string[];
        allowedDomains: string[];
      }[],
    ): Promise<void> {
      await tx.deleteFrom("insider_assets").execute();
      for (let i = 0; i < assets.length; i += 500) {
        await tx
          .insertInto("insider_assets")
          .values(
            assets.slice(i, i + 500).map((a) => ({
              id: a.id,
              name: a.name,
              kind: a.kind,
              pattern: a.pattern,
              projects: a.projects,
              allowed_roles: a.allowedRoles,
              allowed_domains: a.allowedDomains,
            })),
          )
          .execute();
      }
    },

    // ---- HTTP batch idempotency ----
    /** Records event keys; returns the ones not seen before (the others are duplicates). */
    async claimKeys(tx: Executor, source: string, keys: { id: string; t: number }[]): Promise<Set<string>> {
      const fresh = new Set<string>();
      for (let i = 0; i < keys.length; i += 1000) {
        const rows = await tx
          .insertInto("insider_event_keys")
          .values(keys.slice(i, i + 1000).map((k) => ({ source, event_id: k.id, t: k.t })))
          .onConflict((oc) => oc.columns(["source", "event_id"]).doNothing())
          .returning("event_id")
          .execute();
        for (const r of rows) fresh.add(r.event_id);
      }
      return fresh;
    },

    /** Forgets keys older than the engine accepts anyway (events that old are rejected as late). */
    async pruneKeys(tx: Executor, beforeT: number): Promise<void> {
      await tx.deleteFrom("insider_event_keys").where("t", "<", beforeT).execute();
    },
  };
}

export type InsiderRepo = ReturnType<typeof createInsiderRepo>;
