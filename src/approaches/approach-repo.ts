import { type Selectable, sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { ApproachClusterFactsTable, ApproachStatus } from "../db/schema.js";
import { FACT_SEPARATOR, type FactMember, type FactRow } from "./approach-cluster-engine.js";
import type { LinkProfile } from "./approach-link-engine.js";
import type { AnyLinkKind, LinkKey, PatternReport } from "./approach-pattern-engine.js";
import type { CandidateCache, CandidateDetails } from "./candidate-cache.js";

export type ReportFields = {
  channel: string;
  channel_other: string | null;
  occurred_on: string | null;
  sender_name: string | null;
  sender_organisation: string | null;
  sender_profile_url: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  offered: string[];
  offered_other: string | null;
  asked: string[];
  asked_other: string | null;
  message_text: string | null;
  description: string | null;
  answers: Record<string, string>;
  risk_level: "low" | "medium" | "high";
  risk_score: number;
  assessment: unknown;
};

export type ReportQuery = {
  reporterId?: string | undefined;
  statuses?: ApproachStatus[] | undefined;
  excludeDrafts?: boolean | undefined;
  riskLevel?: "low" | "medium" | "high" | undefined;
  channel?: string | undefined;
  clusterId?: string | undefined;
  assigneeId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

/** The advisory-lock key of approach clustering (migration 1150; unique among the project's locks). */
const CLUSTERING_LOCK = 1_150_001;

/** A stored fact row as the engine reads it (the table's columns, without the cluster id). */
function toFactRow(r: Omit<Selectable<ApproachClusterFactsTable>, "cluster_id">): FactRow {
  return {
    fact: r.fact,
    kind: r.kind as AnyLinkKind,
    value: r.value,
    strength: r.strength,
    reportCount: r.report_count,
    reporterCount: r.reporter_count,
    idsHash: r.ids_hash,
    sampleIds: r.sample_ids as string[],
  };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A candidate report's row as clusterCandidates reads it. */
type CandidateRow = {
  id: string;
  version: number;
  reporter_id: string;
  submitted_at: Date | null;
  channel: string;
  reporter_department: string | null;
  cluster_id: string | null;
  text_signature: number[] | null;
  sender_name: string | null;
  sender_organisation: string | null;
  sender_email: string | null;
  offered: string[];
  asked: string[];
  offered_other: string | null;
  asked_other: string | null;
  message_text: string | null;
  description: string | null;
  keys: [string, string][];
};

/** What clustering compares of a candidate: its text signature, link keys and link profile. */
function candidateDetails(
  r: Omit<CandidateRow, "reporter_id" | "submitted_at" | "channel" | "reporter_department" | "cluster_id">,
): CandidateDetails {
  return {
    signature: r.text_signature ?? null,
    keys: r.keys.map(([kind, value]) => ({ kind: kind as LinkKey["kind"], value })),
    profile: {
      id: r.id,
      senderName: r.sender_name,
      organisation: r.sender_organisation,
      email: r.sender_email,
      offered: r.offered,
      asked: r.asked,
      text: [r.message_text, r.description, r.offered_other, r.asked_other].filter(Boolean).join("\n"),
    },
  };
}

/** SQL for approach reports, their evidence, links and clusters. */
export function createApproachRepo() {
  const reportColumns = (db: Executor) =>
    db
      .selectFrom("approach_reports as r")
      .innerJoin("users as u", "u.id", "r.reporter_id")
      .leftJoin("users as a", "a.id", "r.assignee_id")
      .selectAll("r")
      .select([
        "u.display_name as reporter_name",
        "u.username as reporter_username",
        "u.department as reporter_current_department",
        "a.display_name as assignee_name",
      ]);

  return {
    /** Inserts a draft and returns it as findReport would, in one statement (issue 11 §6). */
    async insertReportReturning(tx: Executor, id: string, reporterId: string, fields: ReportFields) {
      return tx
        .with("i", (qb) =>
          qb
            .insertInto("approach_reports")
            .values({
              id,
              reporter_id: reporterId,
              ...fields,
              answers: JSON.stringify(fields.answers),
              assessment: JSON.stringify(fields.assessment),
            })
            .returningAll(),
        )
        .selectFrom("i as r")
        .innerJoin("users as u", "u.id", "r.reporter_id")
        .leftJoin("users as a", "a.id", "r.assignee_id")
        .selectAll("r")
        .select([
          "u.display_name as reporter_name",
          "u.username as reporter_username",
          "u.department as reporter_current_department",
          "a.display_name as assignee_name",
        ])
        .executeTakeFirstOrThrow();
    },

    async updateReport(tx: Executor, id: string, fields: ReportFields): Promise<void> {
      await tx
        .updateTable("approach_reports")
        .set((eb) => ({
          ...fields,
          answers: JSON.stringify(fields.answers),
          assessment: JSON.stringify(fields.assessment),
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },

    async setTriage(
      tx: Executor,
      id: string,
      patch: {
        status: ApproachStatus;
        assignee_id: string | null;
        outcome: string | null;
        outcome_note: string | null;
      },
    ): Promise<void> {
      await tx
        .updateTable("approach_reports")
        .set((eb) => ({ ...patch, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", id)
        .execute();
    },

    async deleteReport(tx: Executor, id: string): Promise<void> {
      await tx.deleteFrom("approach_reports").where("id", "=", id).execute();
    },

    /** The report with its reporter and assignee (as findReport), its own row locked until commit. */
    lockReport(tx: Executor, id: string) {
      return reportColumns(tx).where("r.id", "=", id).modifyEnd(sql`FOR UPDATE OF r`).executeTakeFirst();
    },

    /**
     * Submission's first statement (issue 11 §6): the draft with its reporter (as lockReport, its row
     * locked until commit), its attachments with the bytes of the plain-text ones (base64), and the
     * clustering lock taken for the rest of the transaction (so every later read sees the reports
     * submitted before it).
     */
    async lockForSubmit(tx: Executor, id: string) {
      const row = await reportColumns(tx)
        .select(
          sql<
            {
              id: string;
              report_id: string;
              file_name: string;
              media_type: string;
              kind: "message_text" | "screenshot" | "document";
              size_bytes: number;
              sha256: string;
              created_at: string;
              text: string | null;
            }[]
          >`(SELECT coalesce(json_agg(json_build_object('id', x.id, 'report_id', x.report_id,
              'file_name', x.file_name, 'media_type', x.media_type, 'kind', x.kind,
              'size_bytes', x.size_bytes, 'sha256', x.sha256, 'created_at', x.created_at,
              'text', CASE WHEN x.media_type LIKE 'text/plain%' THEN encode(x.content, 'base64') END)
              ORDER BY x.created_at, x.id), '[]'::json)
            FROM approach_attachments x WHERE x.report_id = r.id)`.as("attachment_rows"),
        )
        .select(sql<string>`pg_advisory_xact_lock(${CLUSTERING_LOCK}::bigint)::text`.as("clustering_locked"))
        .where("r.id", "=", id)
        .modifyEnd(sql`FOR UPDATE OF r`)
        .executeTakeFirst();
      if (!row) return undefined;
      const { attachment_rows, clustering_locked: _l, ...report } = row;
      const attachments = attachment_rows.map((a) => ({
        ...a,
        created_at: new Date(a.created_at),
        text: a.text === null ? null : new Uint8Array(Buffer.from(a.text, "base64")),
      }));
      return { report, attachments };
    },

    /**
     * Submits a draft and writes its link keys, text bands and blocking tokens in one statement
     * (the re-assessed fields, status, submission time, the reporter's department at that time and
     * the text signature).
     */
    async submitWithKeys(
      tx: Executor,
      id: string,
      fields: ReportFields,
      at: Date,
      department: string | null,
      signature: number[] | null,
      keys: LinkKey[],
      bands: string[],
      tokens: string[],
    ): Promise<void> {
      const f = fields;
      // Raw SQL (not an embedded builder) so the statement is one query for plugins and logs too.
      const update = sql`
        UPDATE approach_reports SET channel = ${f.channel}, channel_other = ${f.channel_other},
          occurred_on = ${f.occurred_on}::date, sender_name = ${f.sender_name},
          sender_organisation = ${f.sender_organisation}, sender_profile_url = ${f.sender_profile_url},
          sender_email = ${f.sender_email}, sender_phone = ${f.sender_phone},
          offered = ${sql.val(f.offered)}::text[], offered_other = ${f.offered_other},
          asked = ${sql.val(f.asked)}::text[], asked_other = ${f.asked_other}, message_text = ${f.message_text},
          description = ${f.description}, answers = ${JSON.stringify(f.answers)}::jsonb,
          risk_level = ${f.risk_level}, risk_score = ${f.risk_score}, assessment = ${JSON.stringify(f.assessment)}::jsonb,
          status = 'new', submitted_at = ${at}::timestamptz, reporter_department = ${department},
          text_signature = ${signature ? JSON.stringify(signature) : null}::jsonb, version = version + 1,
          updated_at = ${at}::timestamptz
        WHERE id = ${id}::uuid`;
      const unique = [...new Set(tokens)];
      await sql`
        WITH u AS (${update}), k AS (
          INSERT INTO approach_report_keys (report_id, kind, value, submitted_at)
          SELECT ${id}::uuid, x.kind, x.value, ${at}::timestamptz
          FROM unnest(${sql.val(keys.map((k) => k.kind))}::text[], ${sql.val(keys.map((k) => k.value))}::text[]) AS x(kind, value)
        ), b AS (
          INSERT INTO approach_text_bands (report_id, band, submitted_at)
          SELECT ${id}::uuid, x.band, ${at}::timestamptz
          FROM unnest(${sql.val(bands)}::text[]) AS x(band)
        )
        INSERT INTO approach_link_tokens (token, report_id, submitted_at)
        SELECT x.token, ${id}::uuid, ${at}::timestamptz
        FROM unnest(${sql.val(unique)}::text[]) AS x(token)`.execute(tx);
    },

    findReport(db: Executor, id: string) {
      return reportColumns(db).where("r.id", "=", id).executeTakeFirst();
    },

    async listReports(db: Executor, q: ReportQuery) {
      let base = db.selectFrom("approach_reports as r");
      if (q.reporterId) base = base.where("r.reporter_id", "=", q.reporterId);
      if (q.statuses && q.statuses.length > 0) base = base.where("r.status", "in", q.statuses);
      if (q.excludeDrafts) base = base.where("r.status", "<>", "draft");
      if (q.riskLevel) base = base.where("r.risk_level", "=", q.riskLevel);
      if (q.channel) base = base.where("r.channel", "=", q.channel);
      if (q.clusterId) base = base.where("r.cluster_id", "=", q.clusterId);
      if (q.assigneeId) base = base.where("r.assignee_id", "=", q.assigneeId);
      if (q.q) {
        const p = likePattern(q.q.toLowerCase());
        base = base.where(
          sql<boolean>`lower(coalesce(r.sender_name,'') || ' ' || coalesce(r.sender_organisation,'') || ' ' ||
            coalesce(r.sender_email,'') || ' ' || coalesce(r.sender_profile_url,'') || ' ' ||
            coalesce(r.description,'') || ' ' || coalesce(r.message_text,'')) LIKE ${p}`,
        );
      }
      const { n } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      const ids = await base
        .select("r.id")
        .orderBy(sql`coalesce(r.submitted_at, r.created_at)`, "desc")
        .orderBy("r.number", "desc")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      if (ids.length === 0) return { rows: [], total: n };
      const rows = await reportColumns(db)
        .where(
          "r.id",
          "in",
          ids.map((i) => i.id),
        )
        .execute();
      const order = new Map(ids.map((i, k) => [i.id, k]));
      rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      return { rows, total: n };
    },

    // — attachments —
    async insertAttachment(
      tx: Executor,
      a: {
        id: string;
        reportId: string;
        fileName: string;
        mediaType: string;
        kind: "message_text" | "screenshot" | "document";
        content: Uint8Array;
        sha256: string;
        uploadedBy: string;
        createdAt: Date;
      },
    ): Promise<void> {
      await tx
        .insertInto("approach_attachments")
        .values({
          id: a.id,
          report_id: a.reportId,
          file_name: a.fileName,
          media_type: a.mediaType,
          kind: a.kind,
          size_bytes: a.content.byteLength,
          sha256: a.sha256,
          content: a.content,
          uploaded_by: a.uploadedBy,
          created_at: a.createdAt,
        })
        .execute();
    },

    attachmentsOf(db: Executor, reportIds: string[]) {
      if (reportIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("approach_attachments")
        .select(["id", "report_id", "file_name", "media_type", "kind", "size_bytes", "sha256", "created_at"])
        .where("report_id", "in", reportIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    findAttachment(db: Executor, reportId: string, id: string) {
      return db
        .selectFrom("approach_attachments")
        .selectAll()
        .where("report_id", "=", reportId)
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async deleteAttachment(tx: Executor, reportId: string, id: string): Promise<number> {
      const r = await tx
        .deleteFrom("approach_attachments")
        .where("report_id", "=", reportId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /**
     * Clustering's candidates in one statement (issue 11 §6): the earlier submitted reports sharing
     * a link key or a text band with the report (the newest `perKey` per key and band: `exact`), and
     * those sharing blocking tokens (the newest `perToken` per token, ranked by how many they share,
     * then newest, at most `maxFuzzy`: `token`), each with what the pattern and link engines compare
     * and its cluster's creation time (the clustering lock is already held: see lockForSubmit).
     * Given a `cache`, what the engines compare comes from it for the versions it holds, and is read
     * in a second statement only for the others (which are then cached).
     */
    async clusterCandidates(
      tx: Executor,
      q: {
        reportId: string;
        keys: readonly LinkKey[];
        bands: string[];
        tokens: string[];
        since: Date;
        perKey: number;
        perToken: number;
        maxFuzzy: number;
      },
      cache?: CandidateCache,
    ) {
      if (q.keys.length + q.bands.length + q.tokens.length === 0) return [];
      // With a cache, the statement reads each candidate's version and the details are read (in a
      // second statement) only for the versions the cache does not hold.
      const details = cache
        ? sql`NULL::jsonb AS text_signature, NULL::text AS sender_name, NULL::text AS sender_organisation,
            NULL::text AS sender_email, NULL::text[] AS offered, NULL::text[] AS asked, NULL::text AS offered_other,
            NULL::text AS asked_other, NULL::text AS message_text, NULL::text AS description, NULL::json AS keys`
        : sql`r.text_signature, r.sender_name, r.sender_organisation, r.sender_email, r.offered, r.asked,
            r.offered_other, r.asked_other, r.message_text, r.description,
            (SELECT coalesce(json_agg(json_build_array(k.kind, k.value)), '[]'::json)
               FROM approach_report_keys k WHERE k.report_id = r.id) AS keys`;
      const rows = await sql<
        CandidateRow & { exact: boolean; token: boolean; cluster_created_at: Date | null }
      >`
        WITH ek AS (
          SELECT x.report_id FROM unnest(${sql.val(q.keys.map((k) => k.kind))}::text[],
            ${sql.val(q.keys.map((k) => k.value))}::text[]) AS q(kind, value)
          CROSS JOIN LATERAL (
            SELECT k.report_id FROM approach_report_keys k
            WHERE k.kind = q.kind AND k.value = q.value AND k.submitted_at >= ${q.since}
              AND k.report_id <> ${q.reportId}
            ORDER BY k.submitted_at DESC LIMIT ${q.perKey}
          ) x
        ), eb AS (
          SELECT x.report_id FROM unnest(${sql.val(q.bands)}::text[]) AS q(band)
          CROSS JOIN LATERAL (
            SELECT b.report_id FROM approach_text_bands b
            WHERE b.band = q.band AND b.submitted_at >= ${q.since} AND b.report_id <> ${q.reportId}
            ORDER BY b.submitted_at DESC LIMIT ${q.perKey}
          ) x
        ), tk AS (
          SELECT x.report_id FROM unnest(${sql.val(q.tokens)}::text[]) AS q(token)
          CROSS JOIN LATERAL (
            SELECT t.report_id, t.submitted_at FROM approach_link_tokens t
            WHERE t.token = q.token AND t.submitted_at >= ${q.since} AND t.report_id <> ${q.reportId}
            ORDER BY t.submitted_at DESC LIMIT ${q.perToken}
          ) x
          GROUP BY x.report_id
          ORDER BY count(*) DESC, max(x.submitted_at) DESC, x.report_id
          LIMIT ${q.maxFuzzy}
        ), ids AS (
          SELECT s.report_id, bool_or(s.exact) AS exact, bool_or(NOT s.exact) AS token FROM (
            SELECT report_id, true AS exact FROM ek UNION ALL SELECT report_id, true FROM eb
            UNION ALL SELECT report_id, false FROM tk
          ) s GROUP BY s.report_id
        )
        SELECT r.id, r.version, ids.exact, ids.token, r.reporter_id, r.submitted_at, r.channel,
          r.reporter_department, r.cluster_id, c.created_at AS cluster_created_at, ${details}
        FROM ids JOIN approach_reports r ON r.id = ids.report_id
        LEFT JOIN approach_clusters c ON c.id = r.cluster_id
        ORDER BY r.id`.execute(tx);
      const known = new Map<string, CandidateDetails>();
      if (cache) {
        const missing: string[] = [];
        for (const r of rows.rows) {
          const d = cache.get(r.id, r.version);
          if (d) known.set(r.id, d);
          else missing.push(r.id);
        }
        if (missing.length > 0) {
          const read = await sql<CandidateRow>`
            SELECT r.id, r.version, r.text_signature, r.sender_name, r.sender_organisation, r.sender_email,
              r.offered, r.asked, r.offered_other, r.asked_other, r.message_text, r.description,
              (SELECT coalesce(json_agg(json_build_array(k.kind, k.value)), '[]'::json)
                 FROM approach_report_keys k WHERE k.report_id = r.id) AS keys
            FROM approach_reports r WHERE r.id = ANY(${sql.val(missing)}::uuid[])`.execute(tx);
          for (const r of read.rows) {
            const d = candidateDetails(r);
            // Keyed by the version read with the details (a newer one if the row changed meanwhile).
            cache.set(r.id, r.version, d);
            known.set(r.id, d);
          }
        }
      }
      return rows.rows.map((r) => {
        const d = known.get(r.id) ?? candidateDetails(r);
        return {
          exact: r.exact,
          token: r.token,
          clusterCreatedAt: r.cluster_created_at ? new Date(r.cluster_created_at) : null,
          pattern: {
            id: r.id,
            reporterId: r.reporter_id,
            submittedAt: new Date(r.submitted_at ?? 0).toISOString(),
            channel: r.channel as PatternReport["channel"],
            department: r.reporter_department,
            keys: d.keys,
            signature: d.signature,
            clusterId: r.cluster_id,
          } as PatternReport & { clusterId: string | null },
          profile: d.profile as LinkProfile,
        };
      });
    },

    /**
     * What growing one cluster needs, in one statement: the cluster's state and alert level (not its
     * summary, rebuilt from the facts: reading it back cost a third of the statement), the stored rows of the
     * facts the new members touch, its strongest `topLimit` facts before the change, and which
     * (fact, report) and (fact, reporter) pairs are stored (as knownFactMembers).
     */
    async clusterGrowthInputs(
      tx: Executor,
      clusterId: string,
      pairs: { fact: string; reportId: string; reporterId: string }[],
      topLimit: number,
    ) {
      const facts = [...new Set(pairs.map((p) => p.fact))];
      // Each (fact, report) and each (fact, reporter) asked once, and only the stored ones answered.
      const unique = <T>(items: T[], key: (t: T) => string) => [
        ...new Map(items.map((i) => [key(i), i] as const)).values(),
      ];
      const memberPairs = unique(pairs, (p) => `${p.fact}\u0000${p.reportId}`);
      const reporterPairs = unique(pairs, (p) => `${p.fact}\u0000${p.reporterId}`);
      const rows = await sql<{
        t: "cluster" | "fact" | "top" | "member" | "seen";
        j: Record<string, unknown>;
      }>`
        SELECT 'cluster' AS t, jsonb_build_object('state', c.state, 'alerted_reporter_count', c.alerted_reporter_count) AS j
        FROM approach_clusters c WHERE c.id = ${clusterId}
        UNION ALL
        SELECT 'fact', to_jsonb(f) FROM approach_cluster_facts f
        WHERE f.cluster_id = ${clusterId} AND f.fact = ANY(${sql.val(facts)}::text[])
        UNION ALL
        SELECT 'top', to_jsonb(f) FROM (
          SELECT * FROM approach_cluster_facts WHERE cluster_id = ${clusterId} AND report_count >= 2
          ORDER BY reporter_count DESC, strength, fact LIMIT ${topLimit}
        ) f
        UNION ALL
        SELECT 'member', jsonb_build_object('fact', q.fact, 'id', q.report_id)
        FROM unnest(${sql.val(memberPairs.map((p) => p.fact))}::text[], ${sql.val(memberPairs.map((p) => p.reportId))}::uuid[])
          AS q(fact, report_id)
        WHERE EXISTS (SELECT 1 FROM approach_cluster_fact_members m
                      WHERE m.cluster_id = ${clusterId} AND m.fact = q.fact AND m.report_id = q.report_id)
        UNION ALL
        SELECT 'seen', jsonb_build_object('fact', q.fact, 'id', q.reporter_id)
        FROM unnest(${sql.val(reporterPairs.map((p) => p.fact))}::text[], ${sql.val(reporterPairs.map((p) => p.reporterId))}::uuid[])
          AS q(fact, reporter_id)
        WHERE EXISTS (SELECT 1 FROM approach_cluster_fact_members m
                      WHERE m.cluster_id = ${clusterId} AND m.fact = q.fact AND m.reporter_id = q.reporter_id)`.execute(
        tx,
      );
      const asFact = (j: Record<string, unknown>) =>
        toFactRow(j as unknown as Omit<Selectable<ApproachClusterFactsTable>, "cluster_id">);
      const cluster = rows.rows.find((r) => r.t === "cluster")?.j as
        | { state: unknown; alerted_reporter_count: number }
        | undefined;
      const members = new Set<string>();
      const reporters = new Set<string>();
      for (const r of rows.rows) {
        const k = r.j as { fact: string; id: string };
        if (r.t === "member") members.add(`${k.fact}\u0000${k.id}`);
        else if (r.t === "seen") reporters.add(`${k.fact}\u0000${k.id}`);
      }
      return {
        cluster,
        factRows: rows.rows.filter((r) => r.t === "fact").map((r) => asFact(r.j)),
        topFacts: rows.rows.filter((r) => r.t === "top").map((r) => asFact(r.j)),
        members,
        reporters,
      };
    },

    /**
     * Everything one report's clustering writes, in one statement: its links, the cluster (created
     * or its counts, summary and alert level updated), the joining reports' cluster, the fact
     * members and the changed fact rows.
     */
    async writeClusterGrowth(
      tx: Executor,
      w: {
        clusterId: string;
        create: boolean;
        links: { reportId: string; linkedReportId: string; reasons: unknown }[];
        joining: string[];
        members: FactMember[];
        facts: FactRow[];
        cluster: {
          summary: unknown;
          state: unknown;
          reportCount: number;
          reporterCount: number;
          firstAt: string;
          lastAt: string;
          alertedReporterCount: number | null;
        };
      },
    ): Promise<void> {
      const c = w.cluster;
      const clusterWrite = w.create
        ? sql`INSERT INTO approach_clusters (id, summary, state, report_count, reporter_count, first_at, last_at,
              alerted_reporter_count)
            VALUES (${w.clusterId}::uuid, ${JSON.stringify(c.summary)}::jsonb, ${JSON.stringify(c.state)}::jsonb,
              ${c.reportCount}, ${c.reporterCount}, ${c.firstAt}::timestamptz, ${c.lastAt}::timestamptz,
              ${c.alertedReporterCount ?? 0})`
        : sql`UPDATE approach_clusters SET summary = ${JSON.stringify(c.summary)}::jsonb,
              state = ${JSON.stringify(c.state)}::jsonb, report_count = ${c.reportCount},
              reporter_count = ${c.reporterCount}, first_at = ${c.firstAt}::timestamptz,
              last_at = ${c.lastAt}::timestamptz, updated_at = now(),
              alerted_reporter_count = coalesce(${c.alertedReporterCount}::int, alerted_reporter_count)
            WHERE id = ${w.clusterId}::uuid`;
      await sql`
        WITH c AS (${clusterWrite}), l AS (
          INSERT INTO approach_cluster_links (report_id, linked_report_id, reasons)
          SELECT x.report_id, x.linked_report_id, x.reasons
          FROM jsonb_to_recordset(${JSON.stringify(
            w.links.map((l) => ({
              report_id: l.reportId,
              linked_report_id: l.linkedReportId,
              reasons: l.reasons,
            })),
          )}::jsonb) AS x(report_id uuid, linked_report_id uuid, reasons jsonb)
          ON CONFLICT (report_id, linked_report_id) DO NOTHING
        ), a AS (
          UPDATE approach_reports SET cluster_id = ${w.clusterId}::uuid WHERE id = ANY(${sql.val(w.joining)}::uuid[])
        ), m AS (
          INSERT INTO approach_cluster_fact_members (cluster_id, fact, report_id, reporter_id)
          SELECT ${w.clusterId}::uuid, x.fact, x.report_id, x.reporter_id
          FROM unnest(${sql.val(w.members.map((m) => m.fact))}::text[], ${sql.val(w.members.map((m) => m.reportId))}::uuid[],
            ${sql.val(w.members.map((m) => m.reporterId))}::uuid[]) AS x(fact, report_id, reporter_id)
          ON CONFLICT (cluster_id, fact, report_id) DO NOTHING
        )
        INSERT INTO approach_cluster_facts (cluster_id, fact, kind, value, strength, report_count, reporter_count,
          ids_hash, sample_ids)
        SELECT ${w.clusterId}::uuid, x.fact, x.kind, x.value, x.strength, x.report_count, x.reporter_count,
          x.ids_hash, x.sample_ids
        FROM jsonb_to_recordset(${JSON.stringify(
          w.facts.map((f) => ({
            fact: f.fact,
            kind: f.kind,
            value: f.value,
            strength: f.strength,
            report_count: f.reportCount,
            reporter_count: f.reporterCount,
            ids_hash: f.idsHash,
            sample_ids: f.sampleIds,
          })),
        )}::jsonb) AS x(fact text, kind text, value text, strength int, report_count int, reporter_count int,
          ids_hash text, sample_ids jsonb)
        ON CONFLICT (cluster_id, fact) DO UPDATE SET value = excluded.value, report_count = excluded.report_count,
          reporter_count = excluded.reporter_count, ids_hash = excluded.ids_hash, sample_ids = excluded.sample_ids`.execute(
        tx,
      );
    },

    /** What the pattern engine needs about submitted reports, with their cluster. */
    async patternReports(
      db: Executor,
      ids: string[],
    ): Promise<(PatternReport & { clusterId: string | null })[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("approach_reports")
        .select([
          "id",
          "reporter_id",
          "submitted_at",
          "channel",
          "reporter_department",
          "text_signature",
          "cluster_id",
        ])
        .where("id", "in", ids)
        .execute();
      const keys = await db
        .selectFrom("approach_report_keys")
        .select(["report_id", "kind", "value"])
        .where("report_id", "in", ids)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        reporterId: r.reporter_id,
        submittedAt: new Date(r.submitted_at ?? 0).toISOString(),
        channel: r.channel as PatternReport["channel"],
        department: r.reporter_department,
        keys: keys
          .filter((k) => k.report_id === r.id)
          .map((k) => ({ kind: k.kind as LinkKey["kind"], value: k.value })),
        signature: (r.text_signature as number[] | null) ?? null,
        clusterId: r.cluster_id,
      }));
    },

    // — incremental cluster summaries (migration 1150) —
    /** The stored rows of these facts of a cluster. */
    async factRows(db: Executor, clusterId: string, facts: string[]): Promise<FactRow[]> {
      if (facts.length === 0) return [];
      const rows = await db
        .selectFrom("approach_cluster_facts")
        .selectAll()
        .where("cluster_id", "=", clusterId)
        .where("fact", "in", facts)
        .execute();
      return rows.map(toFactRow);
    },

    /** The facts with the most reporters (then strongest) of a cluster, shared by two reports or more. */
    async topFacts(db: Executor, clusterId: string, limit: number): Promise<FactRow[]> {
      const rows = await db
        .selectFrom("approach_cluster_facts")
        .selectAll()
        .where("cluster_id", "=", clusterId)
        .where("report_count", ">=", 2)
        .orderBy("reporter_count", "desc")
        .orderBy("strength")
        .limit(limit)
        .execute();
      return rows.map(toFactRow);
    },

    /**
     * Which of these (fact, report) pairs are stored and which (fact, reporter) pairs are, each as
     * `fact + NUL + id` — one index probe per pair, however many members a fact has.
     */
    async knownFactMembers(
      db: Executor,
      clusterId: string,
      pairs: { fact: string; reportId: string; reporterId: string }[],
    ): Promise<{ members: Set<string>; reporters: Set<string> }> {
      const members = new Set<string>();
      const reporters = new Set<string>();
      if (pairs.length === 0) return { members, reporters };
      const values = sql.join(
        pairs.map((p) => sql`(${p.fact}::text, ${p.reportId}::uuid, ${p.reporterId}::uuid)`),
      );
      const rows = await sql<{
        fact: string;
        report_id: string;
        reporter_id: string;
        member: boolean;
        seen: boolean;
      }>`
        SELECT q.fact, q.report_id, q.reporter_id,
          EXISTS (SELECT 1 FROM approach_cluster_fact_members m
                  WHERE m.cluster_id = ${clusterId} AND m.fact = q.fact AND m.report_id = q.report_id) AS member,
          EXISTS (SELECT 1 FROM approach_cluster_fact_members m
                  WHERE m.cluster_id = ${clusterId} AND m.fact = q.fact AND m.reporter_id = q.reporter_id) AS seen
        FROM (VALUES ${values}) AS q(fact, report_id, reporter_id)`.execute(db);
      for (const r of rows.rows) {
        if (r.member) members.add(`${r.fact}\u0000${r.report_id}`);
        if (r.seen) reporters.add(`${r.fact}\u0000${r.reporter_id}`);
      }
      return { members, reporters };
    },

    async insertFactMembers(tx: Executor, clusterId: string, members: FactMember[]): Promise<void> {
      if (members.length === 0) return;
      await tx
        .insertInto("approach_cluster_fact_members")
        .values(
          members.map((m) => ({
            cluster_id: clusterId,
            fact: m.fact,
            report_id: m.reportId,
            reporter_id: m.reporterId,
          })),
        )
        .onConflict((oc) => oc.columns(["cluster_id", "fact", "report_id"]).doNothing())
        .execute();
    },

    async upsertFacts(tx: Executor, clusterId: string, rows: FactRow[]): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insertInto("approach_cluster_facts")
        .values(
          rows.map((r) => ({
            cluster_id: clusterId,
            fact: r.fact,
            kind: r.kind,
            value: r.value,
            strength: r.strength,
            report_count: r.reportCount,
            reporter_count: r.reporterCount,
            ids_hash: r.idsHash,
            sample_ids: JSON.stringify(r.sampleIds),
          })),
        )
        .onConflict((oc) =>
          oc.columns(["cluster_id", "fact"]).doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            report_count: eb.ref("excluded.report_count"),
            reporter_count: eb.ref("excluded.reporter_count"),
            ids_hash: eb.ref("excluded.ids_hash"),
            sample_ids: eb.ref("excluded.sample_ids"),
          })),
        )
        .execute();
    },

    /**
     * Moves the fact members of merged clusters to the surviving one and returns what is needed to
     * rebuild the facts they touch (their members in the surviving cluster and their shown values).
     * Costs as much as the merged clusters' facts, once per merge.
     */
    async moveFactMembers(tx: Executor, from: string[], into: string) {
      if (from.length === 0) return { members: [] as FactMember[], values: new Map<string, string | null>() };
      const affected = await tx
        .selectFrom("approach_cluster_facts")
        .select(["fact", "value", "cluster_id"])
        .where("cluster_id", "in", from)
        .execute();
      const facts = [...new Set(affected.map((a) => a.fact))];
      await tx
        .updateTable("approach_cluster_fact_members")
        .set({ cluster_id: into })
        .where("cluster_id", "in", from)
        .execute();
      await tx.deleteFrom("approach_cluster_facts").where("cluster_id", "in", from).execute();
      if (facts.length === 0)
        return { members: [] as FactMember[], values: new Map<string, string | null>() };
      const kept = await tx
        .selectFrom("approach_cluster_facts")
        .select(["fact", "value"])
        .where("cluster_id", "=", into)
        .where("fact", "in", facts)
        .execute();
      const values = new Map<string, string | null>();
      for (const a of affected) if (a.value !== null && !values.has(a.fact)) values.set(a.fact, a.value);
      for (const k of kept) if (k.value !== null) values.set(k.fact, k.value);
      const rows = await tx
        .selectFrom("approach_cluster_fact_members")
        .select(["fact", "report_id", "reporter_id"])
        .where("cluster_id", "=", into)
        .where("fact", "in", facts)
        .orderBy("fact")
        .orderBy("report_id")
        .execute();
      const members: FactMember[] = rows.map((r) => ({
        fact: r.fact,
        kind: r.fact.split(FACT_SEPARATOR)[0] as FactMember["kind"],
        value: null,
        reportId: r.report_id,
        reporterId: r.reporter_id,
      }));
      return { members, values };
    },

    async saveClusterState(
      tx: Executor,
      id: string,
      c: {
        summary: unknown;
        state: unknown;
        reportCount: number;
        reporterCount: number;
        firstAt: string;
        lastAt: string;
      },
    ): Promise<void> {
      await tx
        .updateTable("approach_clusters")
        .set({
          summary: JSON.stringify(c.summary),
          state: JSON.stringify(c.state),
          report_count: c.reportCount,
          reporter_count: c.reporterCount,
          first_at: c.firstAt,
          last_at: c.lastAt,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
    },

    // — clusters —
    clusterMemberIds(db: Executor, clusterIds: string[]) {
      if (clusterIds.length === 0) return Promise.resolve([] as string[]);
      return db
        .selectFrom("approach_reports")
        .select("id")
        .where("cluster_id", "in", clusterIds)
        .execute()
        .then((rows) => rows.map((r) => r.id));
    },

    findClusters(db: Executor, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("approach_clusters").selectAll().where("id", "in", ids).execute();
    },

    findCluster(db: Executor, id: string) {
      return db.selectFrom("approach_clusters").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertCluster(
      tx: Executor,
      c: {
        id: string;
        summary: unknown;
        reportCount: number;
        reporterCount: number;
        firstAt: string;
        lastAt: string;
        state?: unknown;
      },
    ): Promise<void> {
      await tx
        .insertInto("approach_clusters")
        .values({
          id: c.id,
          summary: JSON.stringify(c.summary),
          state: c.state === undefined ? null : JSON.stringify(c.state),
          report_count: c.reportCount,
          reporter_count: c.reporterCount,
          first_at: c.firstAt,
          last_at: c.lastAt,
        })
        .execute();
    },

    async updateCluster(
      tx: Executor,
      id: string,
      c: { summary: unknown; reportCount: number; reporterCount: number; firstAt: string; lastAt: string },
    ): Promise<void> {
      await tx
        .updateTable("approach_clusters")
        .set({
          summary: JSON.stringify(c.summary),
          report_count: c.reportCount,
          reporter_count: c.reporterCount,
          first_at: c.firstAt,
          last_at: c.lastAt,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
    },

    async setClusterStatus(tx: Executor, id: string, status: "open" | "reviewed"): Promise<void> {
      await tx
        .updateTable("approach_clusters")
        .set({ status, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
    },

    async setAlerted(tx: Executor, id: string, reporterCount: number): Promise<void> {
      await tx
        .updateTable("approach_clusters")
        .set({ alerted_reporter_count: reporterCount })
        .where("id", "=", id)
        .execute();
    },

    async mergeClusters(tx: Executor, from: string[], into: string): Promise<void> {
      if (from.length === 0) return;
      await tx
        .updateTable("approach_reports")
        .set({ cluster_id: into })
        .where("cluster_id", "in", from)
        .execute();
      await tx
        .updateTable("approach_clusters")
        .set({ merged_into: into, updated_at: new Date() })
        .where("id", "in", from)
        .execute();
    },

    async assignCluster(tx: Executor, reportIds: string[], clusterId: string): Promise<void> {
      if (reportIds.length === 0) return;
      await tx
        .updateTable("approach_reports")
        .set({ cluster_id: clusterId })
        .where("id", "in", reportIds)
        .execute();
    },

    async insertLinks(
      tx: Executor,
      links: { reportId: string; linkedReportId: string; reasons: unknown }[],
    ): Promise<void> {
      if (links.length === 0) return;
      await tx
        .insertInto("approach_cluster_links")
        .values(
          links.map((l) => ({
            report_id: l.reportId,
            linked_report_id: l.linkedReportId,
            reasons: JSON.stringify(l.reasons),
          })),
        )
        .onConflict((oc) => oc.columns(["report_id", "linked_report_id"]).doNothing())
        .execute();
    },

    linksOf(db: Executor, reportIds: string[]) {
      if (reportIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("approach_cluster_links")
        .selectAll()
        .where((eb) => eb.or([eb("report_id", "in", reportIds), eb("linked_report_id", "in", reportIds)]))
        .execute();
    },

    async listClusters(
      db: Executor,
      q: { minReporters: number; status?: "open" | "reviewed" | undefined; limit: number; offset: number },
    ) {
      let base = db
        .selectFrom("approach_clusters")
        .where("merged_into", "is", null)
        .where("reporter_count", ">=", q.minReporters);
      if (q.status) base = base.where("status", "=", q.status);
      const { n } = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy("last_at", "desc")
        .orderBy("id")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return { rows, total: n };
    },

    // — parties, reviews, notes —
    async linkParty(
      tx: Executor,
      l: { reportId: string; partyId: string; role: "sender" | "organisation"; linkedBy: string | null },
    ): Promise<boolean> {
      const r = await tx
        .insertInto("approach_report_parties")
        .values({ report_id: l.reportId, party_id: l.partyId, role: l.role, linked_by: l.linkedBy })
        .onConflict((oc) => oc.columns(["report_id", "party_id"]).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async unlinkParty(tx: Executor, reportId: string, partyId: string): Promise<number> {
      const r = await tx
        .deleteFrom("approach_report_parties")
        .where("report_id", "=", reportId)
        .where("party_id", "=", partyId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async setScreening(tx: Executor, reportId: string, partyId: string, screening: unknown): Promise<void> {
      await tx
        .updateTable("approach_report_parties")
        .set({ screening: JSON.stringify(screening) })
        .where("report_id", "=", reportId)
        .where("party_id", "=", partyId)
        .execute();
    },

    partiesOf(db: Executor, reportId: string) {
      return db
        .selectFrom("approach_report_parties as l")
        .innerJoin("parties as p", "p.id", "l.party_id")
        .select(["l.party_id", "l.role", "l.linked_at", "l.screening", "p.primary_name", "p.kind"])
        .where("l.report_id", "=", reportId)
        .orderBy("l.linked_at")
        .execute();
    },

    async linkReview(tx: Executor, reportId: string, reviewId: string, by: string | null): Promise<boolean> {
      const r = await tx
        .insertInto("approach_report_reviews")
        .values({ report_id: reportId, review_id: reviewId, linked_by: by })
        .onConflict((oc) => oc.columns(["report_id", "review_id"]).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async unlinkReview(tx: Executor, reportId: string, reviewId: string): Promise<number> {
      const r = await tx
        .deleteFrom("approach_report_reviews")
        .where("report_id", "=", reportId)
        .where("review_id", "=", reviewId)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    reviewsOf(db: Executor, reportId: string) {
      return db
        .selectFrom("approach_report_reviews")
        .selectAll()
        .where("report_id", "=", reportId)
        .orderBy("linked_at")
        .execute();
    },

    reportsForReview(db: Executor, reviewId: string) {
      return db
        .selectFrom("approach_report_reviews")
        .select("report_id")
        .where("review_id", "=", reviewId)
        .execute();
    },

    async insertNote(
      tx: Executor,
      n: { id: string; reportId: string; authorId: string | null; text: string },
    ) {
      await tx
        .insertInto("approach_notes")
        .values({ id: n.id, report_id: n.reportId, author_id: n.authorId, text: n.text })
        .execute();
    },

    notesOf(db: Executor, reportId: string) {
      return db
        .selectFrom("approach_notes as n")
        .leftJoin("users as u", "u.id", "n.author_id")
        .select(["n.id", "n.text", "n.created_at", "n.author_id", "u.display_name as author_name"])
        .where("n.report_id", "=", reportId)
        .orderBy("n.created_at")
        .orderBy("n.id")
        .execute();
    },

    isActiveUser(db: Executor, id: string) {
      return db
        .selectFrom("users")
        .select(["id", "display_name", "roles"])
        .where("id", "=", id)
        .where("disabled_at", "is", null)
        .executeTakeFirst();
    },

    /** Active users who can be assigned a report (secretariat or admin). */
    assignees(db: Executor) {
      return db
        .selectFrom("users")
        .select(["id", "display_name", "department"])
        .where("disabled_at", "is", null)
        .where(sql<boolean>`roles && ARRAY['secretariat','admin']::text[]`)
        .orderBy("display_name")
        .execute();
    },

    /** The names a reporter goes by (for hiding them in a pseudonymised export). */
    reporterIdentity(db: Executor, userId: string) {
      return db
        .selectFrom("users")
        .select(["display_name", "username", "email"])
        .where("id", "=", userId)
        .executeTakeFirst();
    },

    // — trends —
    async trends(db: Executor, from: Date, to: Date) {
      const base = db
        .selectFrom("approach_reports")
        .where("status", "<>", "draft")
        .where("submitted_at", ">=", from)
        .where("submitted_at", "<", to);
      const byChannel = await base
        .select(["channel", sql<number>`count(*)::int`.as("n")])
        .groupBy("channel")
        .orderBy("n", "desc")
        .execute();
      const byDepartment = await base
        .select([
          sql<string>`coalesce(reporter_department, '')`.as("department"),
          sql<number>`count(*)::int`.as("n"),
        ])
        .groupBy(sql`coalesce(reporter_department, '')`)
        .orderBy("n", "desc")
        .execute();
      const byMonth = await base
        .select([
          sql<string>`to_char(date_trunc('month', submitted_at AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM')`.as(
            "month",
          ),
          sql<number>`count(*)::int`.as("n"),
          sql<number>`count(*) FILTER (WHERE risk_level = 'high')::int`.as("high"),
        ])
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute();
      const byRisk = await base
        .select(["risk_level", sql<number>`count(*)::int`.as("n")])
        .groupBy("risk_level")
        .execute();
      return { byChannel, byDepartment, byMonth, byRisk };
    },
  };
}

export type ApproachRepo = ReturnType<typeof createApproachRepo>;
