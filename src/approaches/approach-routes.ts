import { z } from "zod";
import type { Role } from "../db/schema.js";
import { actorOf } from "../http/access.js";
import { requestLanguage } from "../http/language.js";
import type { App } from "../http/server.js";
import { throwIfAborted } from "../http/uploads.js";
import { AppError } from "../shared/errors.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { OUTCOME_LABELS, renderApproachPdf } from "./approach-pdf.js";
import {
  APPROACH_CHANNELS,
  ASK_KINDS,
  ASK_LABELS,
  CHANNEL_LABELS,
  OFFER_KINDS,
  OFFER_LABELS,
  QUESTIONS,
} from "./approach-risk-engine.js";
import { type ApproachService, OUTCOMES } from "./approach-service.js";

const Bi = z.object({ ja: z.string(), en: z.string() });
const Level = z.enum(["low", "medium", "high"]);
const Status = z.enum(["draft", "new", "in_review", "closed"]);
const Channel = z.enum(APPROACH_CHANNELS);

export const AssessmentSchema = z.object({
  level: Level,
  score: z.number(),
  firedFlags: z.array(z.string()),
  possibleFlags: z.array(z.string()),
  reasons: z.array(
    z.object({ id: z.string(), points: z.number(), answer: z.enum(["yes", "unsure"]).optional(), text: Bi }),
  ),
  summary: Bi,
  advice: z.array(Bi),
});

const LinkReasonSchema = z.object({
  kind: z.string(),
  value: z.string().optional(),
  similarity: z.number().optional(),
  detail: Bi.optional(),
});
const SharedFactSchema = z.object({
  kind: z.string(),
  value: z.string().nullable(),
  reportIds: z.array(z.string()),
  reporterCount: z.number(),
});
const ScreeningSummarySchema = z.object({
  status: z.enum(["screened", "unavailable", "failed"]),
  message: Bi.nullable(),
  runId: z.string().nullable(),
  screenedAt: z.string(),
  openHitCount: z.number(),
  confirmedHitCount: z.number(),
  topHits: z.array(z.object({ name: z.string(), source: z.string(), score: z.number(), match: z.boolean() })),
});

export const ReportSchema = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  status: Status,
  version: z.number(),
  channel: Channel,
  channelOther: z.string().nullable(),
  occurredOn: z.string().nullable(),
  sender: z.object({
    name: z.string().nullable(),
    organisation: z.string().nullable(),
    profileUrl: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  offered: z.array(z.enum(OFFER_KINDS)),
  offeredOther: z.string().nullable(),
  asked: z.array(z.enum(ASK_KINDS)),
  askedOther: z.string().nullable(),
  messageText: z.string().nullable(),
  description: z.string().nullable(),
  answers: z.record(z.string(), z.enum(["yes", "no", "unsure"])),
  assessment: AssessmentSchema,
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      kind: z.enum(["message_text", "screenshot", "document"]),
      sizeBytes: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  reporter: z.object({ id: z.string(), displayName: z.string(), department: z.string().nullable() }),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  office: z
    .object({
      canTriage: z.boolean(),
      assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      outcome: z.enum(OUTCOMES).nullable(),
      outcomeNote: z.string().nullable(),
      cluster: z
        .object({
          id: z.string(),
          reportCount: z.number(),
          reporterCount: z.number(),
          headline: SharedFactSchema.nullable(),
        })
        .nullable(),
      links: z.array(
        z.object({ reportId: z.string(), reference: z.string(), reasons: z.array(LinkReasonSchema) }),
      ),
      parties: z.array(
        z.object({
          partyId: z.string(),
          name: z.string(),
          kind: z.enum(["organization", "person"]),
          role: z.enum(["sender", "organisation"]),
          linkedAt: z.string(),
          screening: ScreeningSummarySchema.nullable(),
        }),
      ),
      partyLinking: z
        .object({
          status: z.enum(["pending", "done", "failed"]),
          attempts: z.number(),
          queuedAt: z.string(),
          finishedAt: z.string().nullable(),
          lastError: z.string().nullable(),
          nextAttemptAt: z.string().nullable(),
        })
        .nullable()
        .describe(
          "Automatic linking and screening of the named sender and organisation (a background job after submission); null when nothing is named",
        ),
      reviewIds: z.array(z.string()),
      notes: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          authorName: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
      screeningFlags: z.array(z.string()),
    })
    .nullable(),
});

const ListItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: Status,
  channel: Channel,
  senderName: z.string().nullable(),
  senderOrganisation: z.string().nullable(),
  riskLevel: Level,
  firedFlags: z.array(z.string()),
  attachmentCount: z.number(),
  reporterName: z.string().nullable(),
  department: z.string().nullable(),
  assigneeName: z.string().nullable(),
  clusterId: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
const ListSchema = z.object({
  items: z.array(ListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const ClusterSummarySchema = z.object({
  reportCount: z.number(),
  reporterCount: z.number(),
  recentReporterCount: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  channels: z.array(z.object({ channel: Channel, count: z.number() })),
  departments: z.array(z.object({ department: z.string(), count: z.number() })),
  shared: z.array(SharedFactSchema),
  headline: SharedFactSchema.nullable(),
});
const ClusterSchema = z.object({
  id: z.string(),
  status: z.enum(["open", "reviewed"]),
  reportCount: z.number(),
  reporterCount: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  summary: ClusterSummarySchema,
  alert: z.object({ title: Bi, detail: Bi }),
});

const optText = (max: number) => z.string().max(max).nullable().optional();
const ReportBody = z.object({
  channel: Channel,
  channelOther: optText(200),
  occurredOn: optText(10),
  sender: z
    .object({
      name: optText(300),
      organisation: optText(300),
      profileUrl: optText(2000),
      email: optText(320),
      phone: optText(50),
    })
    .optional(),
  offered: z.array(z.enum(OFFER_KINDS)).max(10).optional(),
  offeredOther: optText(500),
  asked: z.array(z.enum(ASK_KINDS)).max(10).optional(),
  askedOther: optText(500),
  messageText: optText(50_000),
  description: optText(20_000),
  answers: z.record(z.string().max(10), z.enum(["yes", "no", "unsure"])).optional(),
});

const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({
  status: Status.optional(),
  riskLevel: Level.optional(),
  channel: Channel.optional(),
  clusterId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
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

/** Who sees all reports (approver and auditor read only) and who triages them. */
const OFFICE_READ: readonly Role[] = ["secretariat", "admin", "approver", "auditor"];
const OFFICE_WRITE: readonly Role[] = ["secretariat", "admin"];

/** Content-Disposition with an RFC 5987 UTF-8 file name (Japanese names survive). */
function disposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The approach-report API. Any logged-in person reports and sees their own reports; the security
 * office sees all submitted reports, triages, links, exports; approvers and auditors read.
 */
export function registerApproachRoutes(
  app: App,
  deps: {
    approaches: ApproachService;
    attachmentMaxBytes: number;
    pdfFont: () => PdfFont;
    /** The organisation's time zone, for times printed in the PDF. */
    timeZone?: () => Promise<string>;
  },
) {
  const { approaches } = deps;
  const anyone = { access: "authenticated" as const };
  const officeRead = { access: OFFICE_READ };
  const officeWrite = { access: OFFICE_WRITE };

  app.get(
    "/api/approaches/questionnaire",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "The report form's choices and the A1–A12 questions, in both languages",
        response: {
          200: z.object({
            channels: z.array(z.object({ id: Channel, label: Bi })),
            offered: z.array(z.object({ id: z.enum(OFFER_KINDS), label: Bi })),
            asked: z.array(z.object({ id: z.enum(ASK_KINDS), label: Bi })),
            questions: z.array(z.object({ flagId: z.string(), question: Bi, example: Bi })),
            outcomes: z.array(z.object({ id: z.enum(OUTCOMES), label: Bi })),
            attachmentMaxBytes: z.number(),
          }),
        },
      },
    },
    async () => ({
      channels: APPROACH_CHANNELS.map((id) => ({ id, label: CHANNEL_LABELS[id] })),
      offered: OFFER_KINDS.map((id) => ({ id, label: OFFER_LABELS[id] })),
      asked: ASK_KINDS.map((id) => ({ id, label: ASK_LABELS[id] })),
      questions: QUESTIONS.map((q) => ({ flagId: q.flagId, question: q.question, example: q.example })),
      outcomes: OUTCOMES.map((id) => ({ id, label: OUTCOME_LABELS[id]! })),
      attachmentMaxBytes: deps.attachmentMaxBytes,
    }),
  );

  app.post(
    "/api/approaches/assess",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Risk level, reasons and advice for answers so far (nothing is stored)",
        body: z.object({
          channel: Channel,
          offered: z.array(z.enum(OFFER_KINDS)).max(10).default([]),
          asked: z.array(z.enum(ASK_KINDS)).max(10).default([]),
          answers: z.record(z.string().max(10), z.enum(["yes", "no", "unsure"])).default({}),
        }),
        response: { 200: AssessmentSchema },
      },
    },
    async (req) => approaches.assess(req.body),
  );

  app.post(
    "/api/approaches",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Start a report (saved as a draft until submitted)",
        body: ReportBody,
        response: { 201: ReportSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await approaches.createDraft(actorOf(req), req.body)),
  );

  app.get(
    "/api/approaches/mine",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "My reports (drafts included)",
        querystring: ListQuery,
        response: { 200: ListSchema },
      },
    },
    async (req) => approaches.listMine(actorOf(req), req.query),
  );

  app.get(
    "/api/approaches",
    {
      config: officeRead,
      schema: {
        tags: ["approaches"],
        summary: "All submitted reports",
        querystring: ListQuery,
        response: { 200: ListSchema },
      },
    },
    async (req) => approaches.listAll(actorOf(req), req.query),
  );

  app.get(
    "/api/approaches/trends",
    {
      config: officeRead,
      schema: {
        tags: ["approaches"],
        summary: "Reports by channel, by department and by month (default: the last 12 months)",
        querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            total: z.number(),
            byChannel: z.array(z.object({ channel: Channel, count: z.number() })),
            byDepartment: z.array(z.object({ department: z.string().nullable(), count: z.number() })),
            byMonth: z.array(z.object({ month: z.string(), count: z.number(), high: z.number() })),
            byRisk: z.array(z.object({ level: Level, count: z.number() })),
          }),
        },
      },
    },
    async (req) => approaches.trends(actorOf(req), req.query),
  );

  app.get(
    "/api/approaches/assignees",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "People a report can be assigned to (secretariat and admins)",
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), displayName: z.string(), department: z.string().nullable() }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await approaches.assignees(actorOf(req)) }),
  );

  app.get(
    "/api/approaches/clusters",
    {
      config: officeRead,
      schema: {
        tags: ["approaches"],
        summary: "Clusters: reports by different people linked to the same contact",
        querystring: z.object({
          status: z.enum(["open", "reviewed"]).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(ClusterSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => approaches.listClusters(actorOf(req), req.query),
  );

  app.get(
    "/api/approaches/clusters/:id",
    {
      config: officeRead,
      schema: {
        tags: ["approaches"],
        summary: "One cluster with its reports and why they are linked",
        params: IdParams,
        response: {
          200: ClusterSchema.extend({
            reports: z.array(ListItemSchema),
            links: z.array(
              z.object({
                reportId: z.string(),
                linkedReportId: z.string(),
                reasons: z.array(LinkReasonSchema),
              }),
            ),
          }),
        },
      },
    },
    async (req) => approaches.getCluster(actorOf(req), req.params.id),
  );

  app.post(
    "/api/approaches/clusters/:id/status",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Mark a cluster reviewed (closes its alert) or open again",
        params: IdParams,
        body: z.object({ status: z.enum(["open", "reviewed"]) }),
        response: { 200: ClusterSchema },
      },
    },
    async (req) => approaches.setClusterStatus(actorOf(req), req.params.id, req.body.status),
  );

  app.get(
    "/api/approaches/:id",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "One report (own, or any for the office)",
        params: IdParams,
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.get(actorOf(req), req.params.id),
  );

  app.put(
    "/api/approaches/:id",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Change my draft; `version` must be the one last read",
        params: IdParams,
        body: ReportBody.extend({ version: z.number().int().min(1) }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return approaches.updateDraft(actorOf(req), req.params.id, version, input);
    },
  );

  app.delete(
    "/api/approaches/:id",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Discard my draft",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await approaches.deleteDraft(actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/approaches/:id/attachments",
    {
      config: { ...anyone, longRunning: true },
      schema: {
        tags: ["approaches"],
        summary:
          "Attach screenshots, message texts or PDFs to my draft (multipart/form-data). A refused file leaves the draft as it was and names the file",
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 200: ReportSchema },
      },
    },
    async (req) => {
      if (!req.isMultipart()) {
        throw new AppError(415, "unsupported_media_type", {
          ja: "ファイルは multipart/form-data で送信してください",
          en: "Send files as multipart/form-data",
        });
      }
      const files: { fileName: string | undefined; content: Uint8Array; truncated: boolean }[] = [];
      for await (const part of req.files({
        limits: { fileSize: deps.attachmentMaxBytes, files: 10 },
        throwFileSizeLimit: false,
      })) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        files.push({
          fileName: part.filename,
          content: Buffer.concat(chunks),
          truncated: part.file.truncated,
        });
      }
      // Past the deadline (or with the client gone) nothing is attached.
      throwIfAborted(req.deadline ?? undefined);
      return approaches.addAttachments(actorOf(req), req.params.id, files);
    },
  );

  app.get(
    "/api/approaches/:id/attachments/:attachmentId",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Download an attachment",
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = await approaches.getAttachment(actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mediaType)
        .header(
          "content-disposition",
          disposition(a.mediaType.startsWith("image/") ? "inline" : "attachment", a.fileName),
        )
        .header("cache-control", "private, no-store")
        .send(Buffer.from(a.content));
    },
  );

  app.delete(
    "/api/approaches/:id/attachments/:attachmentId",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Remove an attachment from my draft",
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.removeAttachment(actorOf(req), req.params.id, req.params.attachmentId),
  );

  app.post(
    "/api/approaches/:id/submit",
    {
      config: anyone,
      schema: {
        tags: ["approaches"],
        summary: "Send my draft to the security office",
        params: IdParams,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.submit(actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    "/api/approaches/:id/triage",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Set status, assignee and outcome",
        params: IdParams,
        body: z.object({
          version: z.number().int().min(1),
          status: z.enum(["new", "in_review", "closed"]).optional(),
          assigneeId: z.uuid().nullable().optional(),
          outcome: z.enum(OUTCOMES).nullable().optional(),
          outcomeNote: z.string().max(5000).nullable().optional(),
        }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => {
      const { version, ...rest } = req.body;
      return approaches.triage(actorOf(req), req.params.id, { version, ...rest });
    },
  );

  app.post(
    "/api/approaches/:id/notes",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Add an internal note",
        params: IdParams,
        body: z.object({ text: z.string().min(1).max(10_000) }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.addNote(actorOf(req), req.params.id, req.body.text),
  );

  app.post(
    "/api/approaches/:id/parties",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Link a party (person or organisation) and screen it",
        params: IdParams,
        body: z.object({ partyId: z.uuid(), role: z.enum(["sender", "organisation"]) }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.linkParty(actorOf(req), req.params.id, req.body),
  );

  app.delete(
    "/api/approaches/:id/parties/:partyId",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Unlink a party",
        params: z.object({ id: z.uuid(), partyId: z.uuid() }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.unlinkParty(actorOf(req), req.params.id, req.params.partyId),
  );

  app.post(
    "/api/approaches/:id/screen",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Screen the report's people and organisations again",
        params: IdParams,
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.screenAgain(actorOf(req), req.params.id),
  );

  app.post(
    "/api/approaches/:id/reviews",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Link a review (事前確認・取引審査) to the report",
        params: IdParams,
        body: z.object({ reviewId: z.uuid() }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.linkReview(actorOf(req), req.params.id, req.body.reviewId),
  );

  app.delete(
    "/api/approaches/:id/reviews/:reviewId",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "Unlink a review",
        params: z.object({ id: z.uuid(), reviewId: z.uuid() }),
        response: { 200: ReportSchema },
      },
    },
    async (req) => approaches.unlinkReview(actorOf(req), req.params.id, req.params.reviewId),
  );

  app.get(
    "/api/approaches/:id/history",
    {
      config: officeRead,
      schema: {
        tags: ["approaches"],
        summary: "The report's audit history",
        params: IdParams,
        response: { 200: HistorySchema },
      },
    },
    async (req) => approaches.history(actorOf(req), req.params.id),
  );

  app.get(
    "/api/approaches/:id/pdf",
    {
      config: officeWrite,
      schema: {
        tags: ["approaches"],
        summary: "The report as a PDF for referral to the police; `pseudonymise=true` hides the reporter",
        params: IdParams,
        querystring: z.object({
          pseudonymise: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .default(false),
          lang: z.enum(["ja", "en"]).optional(),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const font = deps.pdfFont();
      const lang = req.query.lang ?? requestLanguage(req);
      const { view, reporterLabel, department, departmentHidden, relatedReferences } =
        await approaches.exportView(actor, req.params.id, { pseudonymise: req.query.pseudonymise, lang });
      const pdf = await renderApproachPdf({
        view,
        reporterLabel,
        department,
        departmentHidden,
        ...(deps.timeZone ? { timeZone: await deps.timeZone() } : {}),
        lang,
        generatedAt: new Date(),
        generatedBy: actor.label,
        font,
        relatedReferences,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", disposition("attachment", `${view.reference}.pdf`))
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
}
