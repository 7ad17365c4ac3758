import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Role } from "../db/schema.js";
import { actorOf } from "../http/access.js";
import { type App, charsetProblem } from "../http/server.js";
import { AppError } from "../shared/errors.js";
import type { InsiderService } from "./insider-service.js";

/** One NDJSON batch is parsed in memory: at most this many bytes and lines (larger: split, or the CLI). */
export const NDJSON_MAX_BYTES = 32 * 1024 * 1024;
export const NDJSON_MAX_LINES = 200_000;

/**
 * Who may use the insider module (the decision is written down in docs/insider-risk.md):
 * the security office (secretariat) works it; administrators run ingestion and triage but cannot
 * reveal identities (IT administrators are themselves within the scope of monitoring — case 6);
 * auditors read everything pseudonymised; nobody else sees the module at all.
 */
export const INSIDER_ACCESS = {
  read: ["secretariat", "admin", "auditor"] as const satisfies readonly Role[],
  work: ["secretariat", "admin"] as const satisfies readonly Role[],
  reveal: ["secretariat"] as const satisfies readonly Role[],
};

const Bilingual = z.object({ ja: z.string(), en: z.string() });
const Status = z.enum(["new", "reviewing", "confirmed", "non_issue"]);
const Severity = z.enum(["low", "medium", "high", "critical"]);

const AlertSummary = z.object({
  id: z.string(),
  subjectId: z.string(),
  pseudonym: z.string(),
  role: z.string().nullable(),
  department: z.string().nullable(),
  status: Status,
  severity: Severity,
  score: z.number(),
  anomaly: z.number(),
  cases: z.array(z.number()),
  /** Shared red-flag ids (GET /api/red-flags) of the detectors that fired; link cases with GET /api/cases/related. */
  redFlags: z.array(z.string()),
  firstDay: z.string(),
  lastDay: z.string(),
  evidenceCount: z.number(),
  topIndicators: z.array(z.object({ id: z.string(), weight: z.number() })),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const Evidence = z.object({
  seq: z.number(),
  at: z.string(),
  kind: z.string(),
  action: z.string(),
  host: z.string(),
  hostContext: z.string(),
  object: z.string(),
  recipients: z.array(z.string()),
  attachments: z.array(z.string()),
  bytes: z.number(),
  assetId: z.string().nullable(),
  indicators: z.array(z.string()),
  source: z.object({ file: z.string(), line: z.number(), id: z.string() }),
});

const AlertDetail = AlertSummary.extend({
  indicators: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: Bilingual,
      explanation: Bilingual,
      weight: z.number(),
      baseWeight: z.number(),
      count: z.number(),
      firstDay: z.string(),
      lastDay: z.string(),
      cases: z.array(z.number()),
    }),
  ),
  caseLabels: z.array(z.object({ case: z.number(), label: Bilingual })),
  triageNote: z.string().nullable(),
  triagedAt: z.string().nullable(),
  evidence: z.array(Evidence),
  history: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorLabel: z.string(),
      action: z.string(),
      after: z.unknown(),
    }),
  ),
});

const Series = z.object({
  subject: z.object({
    id: z.string(),
    pseudonym: z.string(),
    role: z.string().nullable(),
    department: z.string().nullable(),
  }),
  peerGroup: z.object({ role: z.string().nullable(), department: z.string().nullable() }),
  features: z.array(z.object({ index: z.number(), name: z.string(), label: Bilingual })),
  days: z.array(z.string()),
  scores: z.array(z.number()),
  alerted: z.array(z.boolean()),
  user: z.array(z.array(z.number())),
  baseline: z.array(z.array(z.number())),
  peers: z.array(z.array(z.number().nullable())),
  peerCounts: z.array(z.number()),
});

const Problem = z.object({ file: z.string(), line: z.number(), reason: z.string() });
const IngestReport = z.object({
  runId: z.string(),
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.string(),
      rows: z.number(),
      events: z.number(),
      skipped: z.number(),
      malformed: z.number(),
    }),
  ),
  events: z.number(),
  duplicates: z.number(),
  malformed: z.number(),
  late: z.number(),
  reordered: z.number(),
  unknownUsers: z.number(),
  missingDisconnects: z.number(),
  userDays: z.number(),
  alertsNew: z.number(),
  alertsUpdated: z.number(),
  problems: z.array(Problem),
  notes: z.array(z.string()),
});

const Run = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.string(),
  status: z.string(),
  actorLabel: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  stats: z.record(z.string(), z.unknown()),
  problems: z.array(Problem),
});

const Identity = z.object({
  subjectId: z.string(),
  pseudonym: z.string(),
  subjectKey: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  projects: z.array(z.string()),
  supervisor: z.object({ pseudonym: z.string(), name: z.string().nullable() }).nullable(),
});

const Asset = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["server", "path", "repository", "url"]),
  pattern: z.string(),
  projects: z.array(z.string()),
  allowedRoles: z.array(z.string()),
  allowedDomains: z.array(z.string()),
});

const IdParams = z.object({ id: z.uuid() });
const ReasonBody = z.object({ reason: z.string().max(2000) });
const Page = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

/** The insider-risk API: dashboard, alerts, triage, user risk, audited reveal, ingestion. */
export function registerInsiderRoutes(
  app: App,
  { insider, ndjsonBodyLimit }: { insider: InsiderService; ndjsonBodyLimit: number },
) {
  const read = { access: INSIDER_ACCESS.read };
  const work = { access: INSIDER_ACCESS.work };
  const tags = ["insider"];

  app.get(
    "/api/insider/dashboard",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Open alerts (count and by severity), the investigation budget in force, alerts per day, top indicators, top alerts, data range, last ingestion",
        response: {
          200: z.object({
            openBySeverity: z.object({
              low: z.number(),
              medium: z.number(),
              high: z.number(),
              critical: z.number(),
            }),
            byStatus: z.object({
              new: z.number(),
              reviewing: z.number(),
              confirmed: z.number(),
              non_issue: z.number(),
            }),
            openAlerts: z.number().int(),
            budget: z.object({
              mode: z.enum(["percentile", "topPerDay", "fixed"]),
              percentile: z.number().nullable(),
              windowDays: z.number().nullable(),
              perDay: z.number().nullable(),
              threshold: z.number().nullable(),
              floor: z.number().nullable(),
            }),
            alertsPerDay: z.array(
              z.object({
                day: z.string(),
                low: z.number(),
                medium: z.number(),
                high: z.number(),
                critical: z.number(),
              }),
            ),
            topIndicators: z.array(z.object({ id: z.string(), alerts: z.number(), label: Bilingual })),
            topAlerts: z.array(AlertSummary),
            data: z.object({
              firstDay: z.string().nullable(),
              lastDay: z.string().nullable(),
              userDays: z.number(),
            }),
            lastRun: Run.nullable(),
          }),
        },
      },
    },
    async () => insider.dashboard(),
  );

  app.get(
    "/api/insider/alerts",
    {
      config: read,
      schema: {
        tags,
        summary: "Alerts, highest risk first (people by pseudonym)",
        querystring: z.object({
          status: z
            .string()
            .max(100)
            .optional()
            .transform((v) => (v ? v.split(",").map((s) => Status.parse(s.trim())) : undefined)),
          severity: Severity.optional(),
          case: z.coerce.number().int().min(1).max(7).optional(),
          pseudonym: z.string().max(40).optional(),
          subjectId: z.uuid().optional(),
          ...Page,
        }),
        response: {
          200: z.object({
            items: z.array(AlertSummary),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => insider.listAlerts({ ...req.query, caseNumber: req.query.case }),
  );

  app.get(
    "/api/insider/alerts/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "One alert: indicators with weights, cases, evidence timeline (masked), history",
        params: IdParams,
        response: { 200: AlertDetail },
      },
    },
    async (req) => insider.getAlert(req.params.id),
  );

  app.get(
    "/api/insider/alerts/:id/series",
    {
      config: read,
      schema: {
        tags,
        summary: "The person against their own baseline and their peers, around the alert",
        params: IdParams,
        response: { 200: Series },
      },
    },
    async (req) => insider.alertSeries(req.params.id),
  );

  app.post(
    "/api/insider/alerts/:id/triage",
    {
      config: work,
      schema: {
        tags,
        summary: "Triage: new → reviewing → confirmed / non-issue (a note is required for a decision)",
        params: IdParams,
        body: z.object({
          status: Status,
          note: z.string().max(5000).nullable().optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: AlertSummary },
      },
    },
    async (req) => insider.triage(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/insider/alerts/:id/reveal",
    {
      config: { access: INSIDER_ACCESS.reveal },
      schema: {
        tags,
        summary: "Reveal the person and unmasked evidence of an alert (written reason required; audited)",
        params: IdParams,
        body: ReasonBody,
        response: { 200: z.object({ identity: Identity, evidence: z.array(Evidence) }) },
      },
    },
    async (req) => insider.revealAlert(actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    "/api/insider/subjects",
    {
      config: read,
      schema: {
        tags,
        summary: "People and accounts by pseudonym, highest open risk first",
        querystring: z.object({
          pseudonym: z.string().max(40).optional(),
          department: z.string().max(200).optional(),
          ...Page,
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                pseudonym: z.string(),
                role: z.string().nullable(),
                department: z.string().nullable(),
                watchlists: z.array(z.string()),
                inDirectory: z.boolean(),
                openRisk: z.number(),
                openAlerts: z.number(),
                alerts: z.number(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => insider.listSubjects(req.query),
  );

  app.get(
    "/api/insider/subjects/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "User risk page: alerts and daily risk (pseudonymised)",
        params: IdParams,
        response: {
          200: z.object({
            id: z.string(),
            pseudonym: z.string(),
            role: z.string().nullable(),
            department: z.string().nullable(),
            watchlists: z.array(z.string()),
            inDirectory: z.boolean(),
            projects: z.number(),
            openRisk: z.number(),
            severity: Severity.nullable(),
            alerts: z.array(AlertSummary),
            daily: z.array(
              z.object({
                day: z.string(),
                score: z.number(),
                anomaly: z.number(),
                indicators: z.array(z.string()),
                alerted: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => insider.getSubject(req.params.id),
  );

  app.get(
    "/api/insider/subjects/:id/series",
    {
      config: read,
      schema: {
        tags,
        summary:
          "The person against their baseline and peers over a period (default: the last 90 days of data)",
        params: IdParams,
        querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
        response: { 200: Series },
      },
    },
    async (req) => insider.subjectSeries(req.params.id, req.query.from, req.query.to),
  );

  app.post(
    "/api/insider/subjects/:id/reveal",
    {
      config: { access: INSIDER_ACCESS.reveal },
      schema: {
        tags,
        summary: "Reveal who is behind a pseudonym (written reason required; audited)",
        params: IdParams,
        body: ReasonBody,
        response: { 200: Identity },
      },
    },
    async (req) => insider.revealSubject(actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    "/api/insider/runs",
    {
      config: read,
      schema: {
        tags,
        summary: "Ingestion runs with their counts and malformed rows (file and line)",
        response: { 200: z.object({ items: z.array(Run) }) },
      },
    },
    async () => insider.listRuns(),
  );

  app.get(
    "/api/insider/indicators",
    {
      config: read,
      schema: {
        tags,
        summary: "The indicator catalogue (stable I- ids, labels, weights, cases)",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                weight: z.number(),
                cases: z.array(z.number()),
                label: Bilingual,
                explanation: Bilingual,
              }),
            ),
            cases: z.array(z.object({ case: z.number(), label: Bilingual })),
          }),
        },
      },
    },
    async () => insider.indicators(),
  );

  app.get(
    "/api/insider/assets",
    {
      config: read,
      schema: {
        tags,
        summary: "The confidential-asset registry",
        response: { 200: z.object({ items: z.array(Asset) }) },
      },
    },
    async () => insider.getAssets(),
  );

  app.put(
    "/api/insider/assets",
    {
      config: work,
      schema: {
        tags,
        summary: "Replace the confidential-asset registry",
        body: z.object({ assets: z.array(z.unknown()).max(100_000) }),
        response: { 200: z.object({ items: z.array(Asset) }) },
      },
    },
    async (req) => insider.putAssets(actorOf(req), req.body),
  );

  app.put(
    "/api/insider/directory",
    {
      config: work,
      schema: {
        tags,
        summary:
          "Merge HR/directory rows (user_id, name, email, role, projects, department, supervisor_id, start/end/notice dates, watchlists, hosts)",
        body: z.object({
          rows: z
            .array(z.record(z.string(), z.string().max(2000)))
            .min(1)
            .max(100_000),
        }),
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (req) => insider.putDirectory(actorOf(req), req.body.rows),
  );

  app.post(
    "/api/insider/watchlist",
    {
      config: work,
      schema: {
        tags,
        summary:
          "Put an account on an insider watchlist (departing, new_hire, contractor, intern, privileged, remote_identity) — for directory sync, hiring reviews and HR",
        body: z.object({
          userId: z.string().min(1).max(200),
          list: z.string().max(40),
          from: z.string().max(40).nullish(),
          to: z.string().max(40).nullish(),
          source: z.string().min(1).max(100),
          reason: z.string().max(2000).default(""),
        }),
        response: {
          200: z.object({
            userId: z.string(),
            list: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            source: z.string(),
            reason: z.string(),
          }),
        },
      },
    },
    async (req) => insider.putOnWatchlist(actorOf(req), req.body),
  );

  // NDJSON batches: one JSON event per line, parsed by the service so each bad line is reported.
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    const batchLimit = Math.min(ndjsonBodyLimit, NDJSON_MAX_BYTES);
    // Strict input: UTF-8 only (declared charset and bytes), a bounded size and number of lines.
    scoped.addContentTypeParser(
      ["application/x-ndjson", "application/jsonl"],
      { parseAs: "buffer", bodyLimit: batchLimit },
      (req, body, done) => {
        const charset = charsetProblem(req.headers["content-type"]);
        if (charset) return done(charset, undefined);
        let text: string;
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(body as Buffer);
        } catch {
          return done(
            new AppError(400, "invalid_utf8", {
              ja: "リクエスト本文が正しい UTF-8 ではありません",
              en: "The request body is not valid UTF-8",
            }),
            undefined,
          );
        }
        let lines = 0;
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
          if (++lines >= NDJSON_MAX_LINES) {
            return done(
              new AppError(413, "payload_too_large", {
                ja: `1回に送れるのは ${NDJSON_MAX_LINES.toLocaleString()} 行までです。分けて送ってください`,
                en: `At most ${NDJSON_MAX_LINES.toLocaleString()} lines per request; send smaller batches`,
              }),
              undefined,
            );
          }
        }
        done(null, text);
      },
    );
    scoped.post(
      "/api/insider/ingest",
      {
        config: { ...work, longRunning: true },
        bodyLimit: batchLimit,
        schema: {
          tags,
          summary:
            "Batch ingestion of JSON lines (Content-Type: application/x-ndjson); idempotent per source and event id",
          querystring: z.object({
            source: z.string().min(1).max(200).default("http"),
            format: z.enum(["jsonl", "ecs"]).default("jsonl"),
            final: z
              .enum(["true", "false"])
              .default("false")
              .transform((v) => v === "true"),
          }),
          response: { 200: IngestReport },
        },
      },
      async (req) => {
        if (typeof req.body !== "string") {
          throw new AppError(415, "unsupported_media_type", {
            ja: "Content-Type: application/x-ndjson で1行1イベントの JSON を送ってください",
            en: "Send one JSON event per line with Content-Type: application/x-ndjson",
          });
        }
        return insider.ingestNdjson(actorOf(req), {
          source: req.query.source,
          format: req.query.format,
          text: req.body,
          final: req.query.final,
        });
      },
    );
  });
}
