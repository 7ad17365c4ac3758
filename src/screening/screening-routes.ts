import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Role } from "../db/schema.js";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import { requestLanguage } from "../http/language.js";
import type { App } from "../http/server.js";
import { AppError } from "../shared/errors.js";
import { ListEntitySchema } from "./lists-routes.js";
import type { BatchService } from "./screening-batch-service.js";
import type { ScreeningService } from "./screening-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });
const IdParams = z.object({ id: z.uuid() });
const Page = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};
const SchemaEnum = z.enum(["Person", "Organization", "Vessel", "Aircraft", "Unknown"]);
const Snapshots = z.record(z.string(), z.string());

/** How query characters were read or translated to meet the list name (浪潮 → langchao, pinyin). */
const CrossScriptSchema = z.array(
  z.object({ from: z.string(), to: z.string(), list: z.string(), how: Bilingual }),
);

const ExplanationSchema = z.object({
  queryName: z.string(),
  matchedName: z.string(),
  features: z.array(
    z.object({
      id: z.string(),
      contribution: z.number(),
      label: Bilingual,
      detail: Bilingual.optional(),
    }),
  ),
  summary: Bilingual,
  crossScript: CrossScriptSchema.optional(),
});

const HitSchema = z.object({
  entityId: z.string(),
  source: z.string(),
  sourceId: z.string(),
  schema: SchemaEnum,
  name: z.string(),
  score: z.number(),
  match: z.boolean(),
  explanation: ExplanationSchema,
  programs: z.array(z.string()),
  countries: z.array(z.string()),
});

const DecisionSchema = z.object({
  status: z.enum(["true_match", "false_positive"]),
  rationale: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

const PartyHitSchema = HitSchema.extend({
  snapshotId: z.string(),
  contentHash: z.string(),
  isNew: z.boolean(),
  decision: DecisionSchema.nullable(),
  previousDecision: DecisionSchema.nullable(),
});

const PartyResultSchema = z.object({
  runId: z.string(),
  partyId: z.string(),
  screenedAt: z.string(),
  hits: z.array(PartyHitSchema),
  openHitCount: z.number(),
  confirmedHitCount: z.number(),
  newHitCount: z.number(),
  trigger: z.enum(["manual", "context", "rescreen"]),
  actorLabel: z.string(),
  snapshots: Snapshots,
  threshold: z.number(),
  query: z.object({
    names: z.array(z.string()),
    schema: z.string(),
    countries: z.array(z.string()),
    birthDate: z.string().nullable(),
    identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  }),
});

const RunSummarySchema = z.object({
  runId: z.string(),
  screenedAt: z.string(),
  trigger: z.enum(["manual", "context", "rescreen"]),
  actorLabel: z.string(),
  snapshots: Snapshots,
  hitCount: z.number(),
  matchCount: z.number(),
  openCount: z.number(),
  newCount: z.number(),
  context: z.object({ entityType: z.string(), entityId: z.string() }).nullable(),
});

const DecisionRecordSchema = DecisionSchema.extend({
  id: z.string(),
  partyId: z.string(),
  entityId: z.string(),
  entityName: z.string(),
  source: z.string(),
  sourceId: z.string(),
  contentHash: z.string(),
  current: z.boolean(),
});

const RescreenSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed", "superseded"]),
  snapshots: Snapshots,
  total: z.number(),
  processed: z.number(),
  partiesWithNewHits: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});

const IndexStatusSchema = z.object({
  state: z.enum(["idle", "building", "ready", "failed"]),
  rebuilding: z.boolean(),
  entityCount: z.number(),
  snapshots: Snapshots,
  builtAt: z.string().nullable(),
  buildMillis: z.number().nullable(),
  progress: z.object({ entitiesAdded: z.number(), entitiesTotal: z.number() }).nullable(),
  error: z.string().nullable(),
});

const BatchJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(["csv", "xlsx"]),
  encoding: z.string().nullable(),
  status: z.enum(["queued", "running", "done", "failed"]),
  totalRows: z.number(),
  processedRows: z.number(),
  matchedRows: z.number(),
  threshold: z.number(),
  snapshots: Snapshots.nullable(),
  columns: z.object({
    hasHeader: z.boolean(),
    name: z.number(),
    aliases: z.number().nullable(),
    country: z.number().nullable(),
    birthDate: z.number().nullable(),
    schema: z.number().nullable(),
    reference: z.number().nullable(),
    header: z.array(z.string()),
  }),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const BatchRowSchema = z.object({
  rowNo: z.number(),
  line: z.number(),
  input: z.object({
    line: z.number(),
    name: z.string(),
    aliases: z.array(z.string()),
    country: z.string().nullable(),
    birthDate: z.string().nullable(),
    schema: z.string(),
    reference: z.string().nullable(),
    problem: Bilingual.optional(),
  }),
  done: z.boolean(),
  bestScore: z.number().nullable(),
  matchCount: z.number().nullable(),
  hits: z.array(
    z.object({
      entityId: z.string(),
      source: z.string(),
      sourceId: z.string(),
      name: z.string(),
      schema: z.string(),
      score: z.number(),
      match: z.boolean(),
      programs: z.array(z.string()),
      summary: Bilingual,
      crossScript: CrossScriptSchema.optional(),
    }),
  ),
});

/** yente's query entity: `schema` plus FollowTheMoney properties (values as a string or a list). */
const YenteExampleSchema = z.object({
  id: z.string().max(200).nullable().optional(),
  schema: z.string().max(50),
  properties: z.record(
    z.string().max(100),
    z.union([z.string().max(1000), z.array(z.union([z.string().max(1000), z.number()])).max(100)]),
  ),
});

const YenteResultSchema = z.object({
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  datasets: z.array(z.string()),
  referents: z.array(z.string()),
  target: z.boolean(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  last_change: z.string().nullable(),
  score: z.number(),
  features: z.record(z.string(), z.number()),
  explanations: z.record(z.string(), z.object({ score: z.number(), detail: z.string().nullable() })),
  match: z.boolean(),
  token: z.string().nullable(),
  explanation: ExplanationSchema,
});

const YenteQueryParams = z.object({
  threshold: z.coerce.number().min(0).max(1).optional(),
  cutoff: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * Who decides on hits: the secretariat only (separation of duties: approvers approve what the
 * secretariat decided; admins run the system). The service also refuses a member of the
 * secretariat who applied for a review naming the party, or whose own person record it is.
 */
export const DECIDERS: readonly Role[] = ["secretariat"];

function badUpload(en: string, ja: string): AppError {
  return new AppError(400, "invalid_upload", { ja, en });
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The screening API. Access: officers (unit officers, secretariat, approvers, admins) screen and
 * upload batches; only the secretariat decides on hits (never on its own applications' parties); auditors read everything
 * but change nothing. Applicants have no direct access: they screen their own counterparties only
 * through a review, which calls the ScreeningPort on their behalf.
 */
export function registerScreeningRoutes(
  app: App,
  {
    screening,
    batches,
    listNamer,
  }: {
    screening: ScreeningService;
    batches: BatchService;
    /** Names lists for people in CSVs (label, "demo sample"); ids are printed without it. */
    listNamer?: (lang: "ja" | "en") => Promise<(source: string) => string>;
  },
) {
  const read = { access: ROLE_GROUPS.officersAndAuditors };
  const screen = { access: ROLE_GROUPS.officers };
  const decide = { access: DECIDERS };
  const rescreen = { access: ["secretariat", "admin"] as const };

  app.get(
    "/api/screening/status",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "The matching index (building / ready, entries, snapshots) and re-screening progress",
        response: {
          200: z.object({
            index: IndexStatusSchema,
            rescreens: z.array(RescreenSchema),
            threshold: z.number(),
          }),
        },
      },
    },
    async () => ({
      index: screening.indexStatus(),
      rescreens: await screening.rescreens(5),
      threshold: screening.threshold,
    }),
  );

  app.get(
    "/api/screening/search",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "Screen a name in any script against every active list (ranked hits with explanations)",
        querystring: z.object({
          q: z.string().max(500).default(""),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/)
            .optional(),
          schema: z.enum(["Person", "Organization"]).optional(),
          birthDate: z
            .string()
            .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(HitSchema.extend({ entry: ListEntitySchema.nullable() })),
            snapshots: Snapshots,
            threshold: z.number(),
          }),
        },
      },
    },
    async (req) => screening.search(req.query),
  );

  app.post(
    "/api/screening/match",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary:
          "OpenSanctions yente-compatible matching: {queries: {id: {schema, properties}}} → {responses: {id: {results, total, query}}}",
        querystring: YenteQueryParams,
        body: z.object({
          queries: z.record(z.string().max(200), YenteExampleSchema),
          threshold: z.number().min(0).max(1).optional(),
          cutoff: z.number().min(0).max(1).optional(),
          limit: z.number().int().min(1).max(500).optional(),
          weights: z.record(z.string(), z.number()).optional(),
          config: z.record(z.string(), z.unknown()).optional(),
        }),
        response: {
          200: z.object({
            responses: z.record(
              z.string(),
              z.object({
                status: z.number(),
                results: z.array(YenteResultSchema),
                total: z.object({ value: z.number(), relation: z.string() }),
                query: z.object({
                  id: z.string().nullable(),
                  schema: z.string(),
                  properties: z.record(z.string(), z.unknown()),
                }),
              }),
            ),
            limit: z.number(),
            threshold: z.number(),
            snapshots: Snapshots,
          }),
        },
      },
    },
    async (req, reply) => {
      if (Object.keys(req.body.queries).length > 100) {
        throw badUpload("Too many queries in one batch (limit: 100)", "一度に照会できるのは100件までです");
      }
      const result = await screening.match(
        {
          queries: req.body.queries,
          threshold: req.query.threshold ?? req.body.threshold,
          cutoff: req.query.cutoff ?? req.body.cutoff,
          limit: req.query.limit ?? req.body.limit,
        },
        requestLanguage(req),
      );
      reply.header("x-batch-size", String(Object.keys(result.responses).length));
      return result;
    },
  );

  app.post(
    "/api/screening/parties/:id/screen",
    {
      config: screen,
      schema: {
        tags: ["screening"],
        summary: "Screen a party now (every name, country, birth date and identifier) and store the run",
        params: IdParams,
        response: { 200: PartyResultSchema },
      },
    },
    async (req) => screening.screenParty(actorOf(req), req.params.id),
  );

  app.get(
    "/api/screening/parties/:id/latest",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "A party's latest screening result with the current decisions (null if never screened)",
        params: IdParams,
        response: { 200: z.object({ result: PartyResultSchema.nullable() }) },
      },
    },
    async (req) => ({ result: await screening.latestForPartyChecked(req.params.id) }),
  );

  app.get(
    "/api/screening/parties/:id/runs",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "A party's screening history, newest first",
        params: IdParams,
        querystring: z.object(Page),
        response: { 200: z.object({ items: z.array(RunSummarySchema), total: z.number() }) },
      },
    },
    async (req) => screening.runsForParty(req.params.id, req.query.page, req.query.pageSize),
  );

  app.get(
    "/api/screening/parties/:id/decisions",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "Every decision on a party's hits (current and replaced), newest first",
        params: IdParams,
        response: { 200: z.object({ items: z.array(DecisionRecordSchema) }) },
      },
    },
    async (req) => ({ items: await screening.decisionsForParty(req.params.id) }),
  );

  app.get(
    "/api/screening/runs/:id",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "One stored screening run with its hits",
        params: IdParams,
        response: { 200: PartyResultSchema },
      },
    },
    async (req) => screening.getRun(req.params.id),
  );

  app.post(
    "/api/screening/decisions",
    {
      config: decide,
      schema: {
        tags: ["screening"],
        summary:
          "Decide on a hit: true match or false positive, with a rationale; remembered for this party and list entry until the entry changes",
        body: z.object({
          partyId: z.uuid(),
          entityId: z.uuid(),
          status: z.enum(["true_match", "false_positive"]),
          rationale: z.string().max(4000),
        }),
        response: { 201: DecisionRecordSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await screening.decide(actorOf(req), req.body)),
  );

  app.get(
    "/api/screening/queue",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "Open hits (at or above the threshold, not yet decided) of every party's latest run",
        querystring: z.object({ ...Page, partyId: z.uuid().optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                party: z.object({
                  id: z.string(),
                  name: z.string(),
                  kind: z.string(),
                  country: z.string().nullable(),
                }),
                runId: z.string(),
                screenedAt: z.string(),
                hit: HitSchema.extend({
                  snapshotId: z.string(),
                  contentHash: z.string(),
                  isNew: z.boolean(),
                }),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => screening.queue(req.query),
  );

  app.get(
    "/api/screening/rescreens",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "Recent re-screenings of all parties with their progress",
        response: { 200: z.object({ items: z.array(RescreenSchema) }) },
      },
    },
    async () => ({ items: await screening.rescreens(20) }),
  );

  app.post(
    "/api/screening/rescreens",
    {
      config: rescreen,
      schema: {
        tags: ["screening"],
        summary: "Re-screen every party now against the active lists (runs in the background)",
        response: { 202: RescreenSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await screening.rescreenNow(actorOf(req))),
  );

  app.post(
    "/api/screening/batches",
    {
      config: { ...screen, longRunning: true },
      schema: {
        tags: ["screening"],
        summary:
          "Upload a CSV (UTF-8 or Shift_JIS) or XLSX of names as multipart/form-data (`file`, optional `encoding`): a background job",
        response: { 201: BatchJobSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw badUpload(
          "Send the file as multipart/form-data (field `file`, optional `encoding`)",
          "ファイルを multipart/form-data で送ってください（項目 file、任意で encoding）",
        );
      }
      const signal = req.deadline ?? undefined;
      // The folder goes whatever happens: a bad file, a timeout, the client going away.
      const job = await app.uploads.withTempDir(async (dir) => {
        let file: string | null = null;
        let fileName = "";
        let encoding = "auto";
        for await (const part of req.parts()) {
          if (part.type === "file") {
            if (file) {
              part.file.resume();
              throw badUpload("Upload one file per job", "1回に1つのファイルを送ってください");
            }
            file = path.join(dir, "upload");
            fileName = path.basename(part.filename || "upload.csv");
            await app.uploads.saveFile(part.file, file, signal);
          } else if (part.fieldname === "encoding" && typeof part.value === "string") {
            encoding = part.value || "auto";
          }
        }
        if (!file) throw badUpload("No file was uploaded", "ファイルがありません");
        if (!["auto", "utf8", "cp932"].includes(encoding)) {
          throw badUpload(
            `Unknown encoding "${encoding}" (auto, utf8, cp932)`,
            `文字コード "${encoding}" には対応していません`,
          );
        }
        const upload = file;
        return app.uploads.parseSlot(signal, () =>
          batches.create(actorOf(req), {
            file: upload,
            fileName,
            encoding: encoding as "auto" | "utf8" | "cp932",
            signal,
          }),
        );
      });
      return reply.code(201).send(job);
    },
  );

  app.get(
    "/api/screening/batches",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "Batch screening jobs, newest first, with progress",
        querystring: z.object(Page),
        response: { 200: z.object({ items: z.array(BatchJobSchema), total: z.number() }) },
      },
    },
    async (req) => batches.list(req.query.page, req.query.pageSize),
  );

  app.get(
    "/api/screening/batches/:id",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "One batch job with its progress",
        params: IdParams,
        response: { 200: BatchJobSchema },
      },
    },
    async (req) => batches.getJob(req.params.id),
  );

  app.get(
    "/api/screening/batches/:id/rows",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary: "A page of a batch job's rows with their best hits",
        params: IdParams,
        querystring: z.object({
          ...Page,
          onlyMatches: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(BatchRowSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => batches.rows(req.params.id, req.query),
  );

  app.get(
    "/api/screening/batches/:id/results.csv",
    {
      config: read,
      schema: {
        tags: ["screening"],
        summary:
          "A batch job's results as CSV (UTF-8 with BOM, for Excel), in `lang` or else the user's language",
        params: IdParams,
        querystring: z.object({ lang: z.enum(["ja", "en"]).optional() }),
      },
    },
    async (req, reply) => {
      const job = await batches.getJob(req.params.id);
      const lang = req.query.lang ?? requestLanguage(req);
      const base = job.fileName.replace(/\.(csv|xlsx|txt)$/i, "");
      reply
        .type("text/csv; charset=utf-8")
        .header(
          "Content-Disposition",
          contentDisposition(`${base}-${lang === "ja" ? "スクリーニング結果" : "screening-results"}.csv`),
        );
      const listName = listNamer ? await listNamer(lang) : undefined;
      return reply.send(Readable.from(batches.resultsCsv(job.id, lang, listName)));
    },
  );
}
