import { Readable } from "node:stream";
import { z } from "zod";
import type { Role } from "../db/schema.js";
import { actorOf } from "../http/access.js";
import { requestLanguage } from "../http/language.js";
import type { App } from "../http/server.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { DEFAULT_TIME_ZONE } from "../shared/time-format.js";
import { CASE_CHANNELS, parseFlagList } from "./case-engine.js";
import type { CasesService } from "./cases-service.js";
import { renderCertificatePdf } from "./certificate-pdf.js";
import type { TrainingService } from "./training-service.js";

const Bi = z.object({ ja: z.string(), en: z.string() });
const BiInput = z.object({ ja: z.string().max(20_000), en: z.string().max(20_000) });
const Status = z.enum(["draft", "published"]);

const CaseContentSchema = z.object({
  title: Bi,
  period: z.string(),
  channels: z.array(z.enum(CASE_CHANNELS)),
  sector: Bi,
  summary: Bi,
  timeline: z.array(z.object({ date: z.string(), text: Bi })),
  method: z.array(Bi),
  redFlags: z.array(z.string()),
  countermeasures: z.array(Bi),
  outcome: Bi,
  sources: z.array(
    z.object({ publisher: z.string(), date: z.string(), title: z.string(), url: z.string().optional() }),
  ),
  editorialNote: Bi.optional(),
});

const CaseContentInput = z.object({
  title: BiInput,
  period: z.string().max(20),
  channels: z.array(z.enum(CASE_CHANNELS)).max(20),
  sector: BiInput,
  summary: BiInput,
  timeline: z.array(z.object({ date: z.string().max(40), text: BiInput })).max(100),
  method: z.array(BiInput).max(50),
  redFlags: z.array(z.string().max(60)).max(60),
  countermeasures: z.array(BiInput).max(50),
  outcome: BiInput,
  sources: z
    .array(
      z.object({
        publisher: z.string().max(300),
        date: z.string().max(10),
        title: z.string().max(500),
        url: z.string().max(2000).optional(),
      }),
    )
    .max(50),
  editorialNote: BiInput.optional(),
});

const CaseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  status: Status,
  version: z.number(),
  builtIn: z.boolean(),
  content: CaseContentSchema,
  flags: z.array(z.object({ id: z.string(), module: z.string().nullable(), title: Bi.nullable() })),
  trainings: z.array(z.object({ id: z.string(), slug: z.string(), title: Bi })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const CaseListItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  status: Status,
  title: Bi,
  period: z.string(),
  summary: Bi,
  channels: z.array(z.string()),
  redFlags: z.array(z.string()),
});

export const RelatedCaseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: Bi,
  period: z.string(),
  summary: Bi,
  redFlags: z.array(z.string()),
  sharedFlags: z.array(z.string()),
  overlap: z.number(),
  score: z.number(),
});

const FlagSchema = z.object({
  id: z.string(),
  module: z.string(),
  title: Bi.nullable(),
  question: Bi.nullable(),
  cases: z.array(z.object({ id: z.string(), slug: z.string(), title: Bi })),
});

const HistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorLabel: z.string(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  total: z.number(),
});

const Settings = z.object({
  passPercent: z.number().int(),
  dueDays: z.number().int(),
  renewMonths: z.number().int().nullable(),
  requiredFor: z.array(z.enum(["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"])),
});
const TrainingContentInput = z.object({
  title: BiInput,
  summary: BiInput,
  lessons: z.array(BiInput).max(30),
  caseSlugs: z.array(z.string().max(100)).max(20),
  quiz: z
    .array(
      z.object({
        id: z.string().max(40),
        prompt: BiInput,
        options: z.array(BiInput).max(10),
        correct: z.number().int(),
        explanation: BiInput,
      }),
    )
    .max(50),
  sources: z
    .array(
      z.object({
        publisher: z.string().max(300),
        title: z.string().max(500),
        date: z.string().max(20),
        url: z.string().max(2000).optional(),
      }),
    )
    .max(30)
    .optional(),
});
const SourceSchema = z.object({
  publisher: z.string(),
  title: z.string(),
  date: z.string(),
  url: z.string().optional(),
});
const ModuleSchema = z.object({
  id: z.string(),
  slug: z.string(),
  status: Status,
  version: z.number(),
  builtIn: z.boolean(),
  settings: Settings,
  title: Bi,
  summary: Bi,
  lessons: z.array(Bi),
  sources: z.array(SourceSchema),
  cases: z.array(z.object({ id: z.string(), slug: z.string(), title: Bi })),
  quiz: z.array(
    z.object({
      id: z.string(),
      prompt: Bi,
      options: z.array(Bi),
      correct: z.number().optional(),
      explanation: Bi.optional(),
    }),
  ),
});
const MyState = z.object({
  state: z.enum(["not_assigned", "due", "overdue", "passed", "expired"]),
  dueAt: z.string().nullable(),
  lastPassedAt: z.string().nullable(),
  lastScore: z.number().nullable(),
  expiresAt: z.string().nullable(),
});

const KeyParams = z.object({ key: z.string().min(1).max(100) });
const IdParams = z.object({ id: z.uuid() });

const ADMINS: readonly Role[] = ["admin"];
const MANAGERS: readonly Role[] = ["secretariat", "admin"];
const READERS: readonly Role[] = ["secretariat", "admin", "approver", "auditor"];

/**
 * The case library, the red-flag catalogue with its cases, and training. `GET /api/cases/related`
 * is the stable hook other modules use for "this resembles …".
 */
export function registerCasesRoutes(
  app: App,
  deps: {
    cases: CasesService;
    training: TrainingService;
    pdfFont: () => PdfFont;
    /** The organisation's time zone, for times in the training-records CSV. */
    timeZone?: () => Promise<string>;
  },
) {
  const { cases, training, pdfFont } = deps;
  const anyone = { access: "authenticated" as const };

  app.get(
    "/api/cases/related",
    {
      config: anyone,
      schema: {
        tags: ["cases"],
        summary:
          "Published cases sharing the given red flags, most shared first (e.g. ?flags=A1,R-LIST-HIT,I-USB-VOLUME)",
        querystring: z.object({
          flags: z.string().max(2000).optional(),
          limit: z.coerce.number().int().min(1).max(20).default(5),
        }),
        response: { 200: z.object({ flags: z.array(z.string()), items: z.array(RelatedCaseSchema) }) },
      },
    },
    async (req) => {
      const flags = parseFlagList(req.query.flags);
      return { flags, items: await cases.related(flags, req.query.limit) };
    },
  );

  app.get(
    "/api/cases",
    {
      config: anyone,
      schema: {
        tags: ["cases"],
        summary: "The case library (drafts only for the security office and admins)",
        querystring: z.object({
          q: z.string().max(200).optional(),
          flag: z.string().max(60).optional(),
          includeDrafts: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(CaseListItemSchema) }) },
      },
    },
    async (req) => ({ items: await cases.list(actorOf(req), req.query) }),
  );

  app.post(
    "/api/cases",
    {
      config: { access: ADMINS },
      schema: {
        tags: ["cases"],
        summary: "Add a case (admins)",
        body: z.object({ slug: z.string().max(100), status: Status, content: CaseContentInput }),
        response: { 201: CaseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await cases.create(actorOf(req), req.body)),
  );

  app.get(
    "/api/cases/:key",
    {
      config: anyone,
      schema: {
        tags: ["cases"],
        summary: "One case, by id or slug",
        params: KeyParams,
        response: { 200: CaseSchema },
      },
    },
    async (req) => cases.get(actorOf(req), req.params.key),
  );

  app.put(
    "/api/cases/:id",
    {
      config: { access: ADMINS },
      schema: {
        tags: ["cases"],
        summary: "Edit a case (admins); `version` must be the one last read",
        params: IdParams,
        body: z.object({
          version: z.number().int().min(1),
          slug: z.string().max(100),
          status: Status,
          content: CaseContentInput,
        }),
        response: { 200: CaseSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return cases.update(actorOf(req), req.params.id, version, input);
    },
  );

  app.get(
    "/api/cases/:key/history",
    {
      config: { access: ["admin", "secretariat", "auditor"] },
      schema: {
        tags: ["cases"],
        summary: "Who changed the case and how",
        params: KeyParams,
        response: { 200: HistorySchema },
      },
    },
    async (req) => cases.history(actorOf(req), req.params.key),
  );

  app.get(
    "/api/red-flags",
    {
      config: anyone,
      schema: {
        tags: ["cases"],
        summary: "The red-flag catalogue, each flag with the cases that show it",
        response: { 200: z.object({ items: z.array(FlagSchema) }) },
      },
    },
    async () => ({ items: await cases.flags() }),
  );

  app.get(
    "/api/red-flags/:id",
    {
      config: anyone,
      schema: {
        tags: ["cases"],
        summary: "One red flag with its cases",
        params: z.object({ id: z.string().min(1).max(60) }),
        response: { 200: FlagSchema },
      },
    },
    async (req) => cases.flag(req.params.id.toUpperCase()),
  );

  // — training —

  app.get(
    "/api/training/modules",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary: "Training modules with my status on each",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                slug: z.string(),
                status: Status,
                title: Bi,
                summary: Bi,
                questionCount: z.number(),
                settings: Settings,
                cases: z.array(z.object({ id: z.string(), slug: z.string(), title: Bi })),
                mine: MyState,
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await training.listModules(actorOf(req)) }),
  );

  app.post(
    "/api/training/modules",
    {
      config: { access: ADMINS },
      schema: {
        tags: ["training"],
        summary: "Add a training module (admins)",
        body: z.object({
          slug: z.string().max(100),
          status: Status,
          settings: Settings,
          content: TrainingContentInput,
        }),
        response: { 201: ModuleSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await training.createModule(actorOf(req), req.body)),
  );

  app.get(
    "/api/training/modules/:key",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary: "One module (answers only for admins)",
        params: KeyParams,
        response: { 200: ModuleSchema },
      },
    },
    async (req) => training.getModule(actorOf(req), req.params.key),
  );

  app.put(
    "/api/training/modules/:id",
    {
      config: { access: ADMINS },
      schema: {
        tags: ["training"],
        summary: "Edit a training module (admins)",
        params: IdParams,
        body: z.object({
          version: z.number().int().min(1),
          slug: z.string().max(100),
          status: Status,
          settings: Settings,
          content: TrainingContentInput,
        }),
        response: { 200: ModuleSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return training.updateModule(actorOf(req), req.params.id, version, input);
    },
  );

  const GradedSchema = z.object({
    completionId: z.string(),
    score: z.number(),
    maxScore: z.number(),
    percent: z.number(),
    passed: z.boolean(),
    questions: z.array(
      z.object({
        id: z.string(),
        chosen: z.number().nullable(),
        correct: z.number(),
        right: z.boolean(),
        explanation: Bi,
      }),
    ),
  });

  app.post(
    "/api/training/modules/:key/attempts/start",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary: "Start a quiz attempt: the questions with their options in this attempt's random order",
        params: KeyParams,
        response: {
          200: z.object({
            attemptId: z.string(),
            moduleVersion: z.number(),
            questions: z.array(z.object({ id: z.string(), prompt: Bi, options: z.array(Bi) })),
          }),
        },
      },
    },
    async (req) => training.startAttempt(actorOf(req), req.params.key),
  );

  app.post(
    "/api/training/modules/:key/attempts",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary:
          "Submit a started attempt: answers are option positions as that attempt displayed them (null = unanswered); graded once and recorded",
        params: KeyParams,
        body: z.object({
          attemptId: z.uuid(),
          answers: z.array(z.number().int().min(0).max(20).nullable()).max(50),
        }),
        response: { 200: GradedSchema },
      },
    },
    async (req) => training.submitAttempt(actorOf(req), req.params.key, req.body.attemptId, req.body.answers),
  );

  app.get(
    "/api/training/completions/:id/certificate.pdf",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary: "Certificate of a passed completion (person, module, score, date, expiry) as PDF",
        params: IdParams,
        querystring: z.object({ lang: z.enum(["ja", "en"]).optional() }),
      },
    },
    async (req, reply) => {
      const cert = await training.certificate(actorOf(req), req.params.id);
      const lang = req.query.lang ?? requestLanguage(req);
      const pdf = await renderCertificatePdf(
        cert,
        lang,
        pdfFont(),
        new Date(),
        deps.timeZone ? await deps.timeZone() : DEFAULT_TIME_ZONE,
      );
      const name = `certificate-${cert.moduleSlug ?? "training"}-${cert.passedAt.slice(0, 10)}-${lang}.pdf`;
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );

  app.get(
    "/api/training/requirements",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary:
          "Modules a disclosure declaring a foreign post, talent programme or 特定類型 requires (current pass)",
        response: { 200: z.object({ disclosureModules: z.array(z.string()) }) },
      },
    },
    async () => ({ disclosureModules: await training.disclosureRequirements() }),
  );

  app.put(
    "/api/training/requirements",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["training"],
        summary: "Set the modules a disclosure requires (published module slugs)",
        body: z.object({ disclosureModules: z.array(z.string().min(1).max(100)).max(20) }),
        response: { 200: z.object({ disclosureModules: z.array(z.string()) }) },
      },
    },
    async (req) => ({
      disclosureModules: await training.setDisclosureRequirements(actorOf(req), req.body.disclosureModules),
    }),
  );

  app.get(
    "/api/training/mine",
    {
      config: anyone,
      schema: {
        tags: ["training"],
        summary: "My training record",
        response: {
          200: z.object({
            completions: z.array(
              z.object({
                id: z.string(),
                moduleId: z.string(),
                moduleTitle: z.string(),
                percent: z.number(),
                passed: z.boolean(),
                completedAt: z.string(),
                expiresAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => training.mine(actorOf(req)),
  );

  app.post(
    "/api/training/assignments",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["training"],
        summary: "Assign a module to people (by id, role or department)",
        body: z.object({
          moduleId: z.uuid(),
          userIds: z.array(z.uuid()).max(5000).optional(),
          roles: z
            .array(z.enum(["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"]))
            .optional(),
          department: z.string().max(200).optional(),
          dueAt: z.iso.date().optional(),
        }),
        response: { 200: z.object({ created: z.number(), skipped: z.number() }) },
      },
    },
    async (req) => training.assign(actorOf(req), req.body),
  );

  app.post(
    "/api/training/reminders",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["training"],
        summary: "Assign required modules and remind people with overdue training now",
        response: { 200: z.object({ assigned: z.number(), reminded: z.number() }) },
      },
    },
    async (req) => training.runReminders(actorOf(req)),
  );

  app.get(
    "/api/training/dashboard",
    {
      config: { access: READERS },
      schema: {
        tags: ["training"],
        summary: "Completion and overdue training by module and department",
        response: {
          200: z.object({
            totals: z.object({
              assigned: z.number(),
              completed: z.number(),
              overdue: z.number(),
              completionRate: z.number().nullable(),
            }),
            modules: z.array(
              z.object({
                id: z.string(),
                slug: z.string(),
                title: Bi,
                assigned: z.number(),
                completed: z.number(),
                overdue: z.number(),
                attempts: z.number(),
                passRate: z.number().nullable(),
              }),
            ),
            departments: z.array(
              z.object({
                department: z.string().nullable(),
                assigned: z.number(),
                completed: z.number(),
                overdue: z.number(),
              }),
            ),
            overdue: z.array(
              z.object({
                assignmentId: z.string(),
                userId: z.string(),
                displayName: z.string(),
                department: z.string().nullable(),
                moduleId: z.string(),
                moduleTitle: Bi,
                dueAt: z.string(),
                daysOverdue: z.number(),
                reminders: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => training.dashboard(actorOf(req)),
  );

  app.get(
    "/api/training/records.csv",
    {
      config: { access: READERS },
      schema: { tags: ["training"], summary: "Every quiz attempt as CSV (training records)" },
    },
    async (req, reply) => {
      const lines = training.recordsCsv(actorOf(req), {
        lang: requestLanguage(req),
        timeZone: deps.timeZone ? await deps.timeZone() : DEFAULT_TIME_ZONE,
      });
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="training-records.csv"')
        .header("cache-control", "private, no-store");
      return reply.send(Readable.from(lines));
    },
  );
}
