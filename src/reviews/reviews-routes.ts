import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import { notFound } from "../shared/errors.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import {
  CATCH_ALL_BASES,
  CATCH_ALL_LABELS,
  CLASSIFICATION_OUTCOMES,
  CONTROL_ITEMS,
  EXCEPTION_LABELS,
  EXCEPTIONS,
  JP_CRITICAL_AREAS,
  OUTCOME_LABELS,
  REGIME_LABELS,
  REGIMES,
  TRANSACTION_CHECKLISTS,
  US_CET_AREAS,
} from "./control-lists.js";
import {
  ACTIVITY_TYPES,
  allQuestionnaires,
  COUNTERPARTY_ROLES,
  ROLE_LABELS,
} from "./questionnaire-engine.js";
import { FORM_KINDS, FORM_TITLES, type PrintOptions, renderReviewForm } from "./review-forms-pdf.js";
import type { ReviewsService } from "./reviews-service.js";
import { ACTION_LABELS, REVIEW_ACTIONS, REVIEW_STATES, STATE_LABELS } from "./workflow-engine.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });

const DetailsSchema = z.object({
  topic: z.string().max(5000).default(""),
  dataInvolved: z.string().max(5000).default(""),
  startDate: z.string().max(10).nullable().default(null),
  endDate: z.string().max(10).nullable().default(null),
  purpose: z.string().max(5000).default(""),
});
const TagsSchema = z.object({
  jp: z.array(z.string().max(10)).max(20),
  us: z.array(z.string().max(10)).max(20),
});
const FormBody = z.object({
  title: z.string().max(300).default(""),
  unit: z.string().max(200).nullable().optional(),
  details: DetailsSchema.default({
    topic: "",
    dataInvolved: "",
    startDate: null,
    endDate: null,
    purpose: "",
  }),
  answers: z
    .record(z.string().max(100), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]))
    .default({}),
  notes: z.record(z.string().max(100), z.string().max(5000)).default({}),
  counterparties: z
    .array(z.object({ partyId: z.uuid(), role: z.enum(COUNTERPARTY_ROLES) }))
    .max(50)
    .default([]),
  topicTags: TagsSchema.optional(),
});

const ClassificationBody = z.object({
  version: z.number().int().min(1),
  classification: z.object({
    outcome: z.enum(CLASSIFICATION_OUTCOMES),
    regime: z.enum(REGIMES).nullable().default(null),
    item: z.string().max(5).nullable().default(null),
    subItem: z.string().max(100).nullable().default(null),
    exception: z.enum(EXCEPTIONS).nullable().default(null),
    catchAllBasis: z.enum(CATCH_ALL_BASES).nullable().default(null),
    rationale: z.string().max(10000),
    reference: z.string().max(1000).nullable().default(null),
  }),
  topicTags: TagsSchema.default({ jp: [], us: [] }),
});

const Checklist = z.record(z.string().max(50), z.boolean());
const TransactionCheckBody = z.object({
  version: z.number().int().min(1),
  endUse: Checklist.default({}),
  akiraka: Checklist.default({}),
  endUser: Checklist.default({}),
  notes: z.record(z.string().max(100), z.string().max(5000)).default({}),
  conclusion: z.string().max(10000).default(""),
  counterpartyAttributes: z
    .record(
      z.uuid(),
      z.object({
        stateOwned: z.boolean(),
        military: z.boolean(),
        note: z.string().max(5000).nullable().default(null),
      }),
    )
    .default({}),
});

const TransitionBody = z.object({
  action: z.enum(REVIEW_ACTIONS),
  comment: z.string().max(10000).nullable().optional(),
  conditions: z.string().max(10000).nullable().optional(),
  version: z.number().int().min(1).optional(),
});

/** The review as the web app shows it; nested parts are described in the service's ReviewView type. */
export const ReviewViewSchema = z.object({
  id: z.string(),
  refNo: z.string(),
  activityType: z.string(),
  activityLabel: Bilingual,
  title: z.string(),
  unit: z.string().nullable(),
  status: z.enum(REVIEW_STATES),
  statusLabel: Bilingual,
  track: z.enum(["simple", "full"]).nullable(),
  applicant: z.object({ userId: z.string(), name: z.string(), department: z.string().nullable() }),
  details: z.unknown(),
  answers: z.unknown(),
  notes: z.unknown(),
  topicTags: TagsSchema,
  classification: z.unknown(),
  classificationSummary: Bilingual.nullable(),
  classifiedAt: z.string().nullable(),
  transactionCheck: z.unknown(),
  transactionCheckMissing: z.array(z.string()),
  checkedAt: z.string().nullable(),
  counterparties: z.array(
    z.object({
      id: z.string(),
      partyId: z.string(),
      name: z.string(),
      partyKind: z.string(),
      role: z.string(),
      attributes: z.unknown(),
      screening: z.unknown(),
      screenedAt: z.string().nullable(),
      openHits: z.number(),
      confirmedHits: z.number(),
      person: z.unknown(),
    }),
  ),
  assessment: z.object({
    level: z.enum(["low", "medium", "high"]),
    topic: z.unknown(),
    partner: z.unknown(),
    hiring: z.unknown().optional(),
    reasons: z.array(Bilingual),
    flags: z.array(
      z.object({
        id: z.string(),
        title: Bilingual,
        question: Bilingual,
        evidence: Bilingual,
        source: z.string(),
        sourceLabel: Bilingual.optional(),
        severity: z.enum(["medium", "high"]),
        counterpartyId: z.string().nullable(),
        decisive: z.boolean(),
      }),
    ),
  }),
  routing: z.object({ track: z.enum(["simple", "full"]), reasons: z.array(Bilingual) }),
  identityChecks: z
    .array(
      z.object({
        id: z.string(),
        flag: z.string(),
        task: Bilingual,
        question: Bilingual,
        source: z.string(),
        outcome: z.enum(["clear", "sign"]).nullable(),
        evidence: z.string().nullable(),
        checkedBy: z.string().nullable(),
        checkedAt: z.string().nullable(),
      }),
    )
    .nullable(),
  conditions: z.string().nullable(),
  decisionComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  retentionUntil: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string(),
      comment: z.string().nullable(),
      conditions: z.string().nullable(),
    }),
  ),
  actions: z.array(z.enum(REVIEW_ACTIONS)),
  permissions: z.object({
    edit: z.boolean(),
    classify: z.boolean(),
    check: z.boolean(),
    screen: z.boolean(),
    identityCheck: z.boolean(),
  }),
  /** Four-eyes rule: why the current user may not approve this review (src/auth/separation-of-duties-engine.ts). */
  separationOfDuties: z.object({
    approvalBlocked: z.boolean(),
    reasons: z.array(z.object({ ja: z.string(), en: z.string() })),
  }),
});

const ListItem = z.object({
  id: z.string(),
  refNo: z.string(),
  activityType: z.string(),
  title: z.string(),
  status: z.string(),
  track: z.string().nullable(),
  applicantName: z.string(),
  riskLevel: z.string().nullable(),
  flags: z.array(z.string()),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  retentionUntil: z.string().nullable(),
  updatedAt: z.string(),
});

const IdParams = z.object({ id: z.uuid() });
const DraftParams = z.object({ key: z.string().regex(/^[a-z0-9:_-]{1,100}$/) });

/** People who can start and move applications (everyone but the read-only auditor). */
const PARTICIPANTS = ["applicant", "unit_officer", "secretariat", "approver", "admin"] as const;

/** The reviews API: applications, classification, transaction review, transitions, PDF forms, drafts. */
export function registerReviewsRoutes(
  app: App,
  {
    reviews,
    pdfFont,
    print,
  }: {
    reviews: ReviewsService;
    pdfFont: () => PdfFont;
    /** How forms print times (the organisation's zone) and name lists (labels, demo samples). */
    print?: (lang: "ja" | "en") => Promise<PrintOptions>;
  },
) {
  const everyone = { access: ROLE_GROUPS.everyone };

  app.get(
    "/api/reviews/reference",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "Questionnaires, control-list items, exceptions, technology areas, checklists and labels",
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => ({
      activityTypes: ACTIVITY_TYPES,
      questionnaires: allQuestionnaires(),
      counterpartyRoles: COUNTERPARTY_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
      controlItems: CONTROL_ITEMS,
      regimes: REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] })),
      outcomes: CLASSIFICATION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
      exceptions: EXCEPTIONS.map((e) => ({ value: e, label: EXCEPTION_LABELS[e] })),
      catchAllBases: CATCH_ALL_BASES.map((c) => ({ value: c, label: CATCH_ALL_LABELS[c] })),
      jpCriticalAreas: JP_CRITICAL_AREAS,
      usCetAreas: US_CET_AREAS,
      checklists: TRANSACTION_CHECKLISTS,
      states: REVIEW_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
      actions: REVIEW_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })),
      redFlags: RED_FLAGS.filter((f) => f.module === "reviews" || f.module === "people"),
      forms: FORM_KINDS.map((f) => ({ value: f, label: FORM_TITLES[f] })),
    }),
  );

  app.get(
    "/api/reviews",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "My applications, my inbox (the stage of my role), or all (officers and auditors)",
        querystring: z.object({
          scope: z.enum(["mine", "inbox", "all"]).default("mine"),
          status: z.enum(REVIEW_STATES).optional(),
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(ListItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => reviews.list(actorOf(req), req.query),
  );

  app.post(
    "/api/reviews",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary: "Start an application (a draft; complete it before submitting)",
        body: FormBody.extend({ activityType: z.enum(ACTIVITY_TYPES) }),
        response: { 201: ReviewViewSchema },
      },
    },
    async (req, reply) => {
      const { activityType, ...form } = req.body;
      return reply.code(201).send(await reviews.create(actorOf(req), activityType, form));
    },
  );

  app.get(
    "/api/reviews/drafts",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "My autosaved drafts",
        response: { 200: z.object({ items: z.array(z.object({ key: z.string(), savedAt: z.string() })) }) },
      },
    },
    async (req) => ({ items: await reviews.listDrafts(actorOf(req)) }),
  );

  app.get(
    "/api/reviews/drafts/:key",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "One autosaved draft (404 when none)",
        params: DraftParams,
        response: { 200: z.object({ key: z.string(), payload: z.unknown(), savedAt: z.string() }) },
      },
    },
    async (req) => {
      const draft = await reviews.getDraft(actorOf(req), req.params.key);
      if (!draft) throw notFound({ ja: "下書き", en: "Draft" });
      return draft;
    },
  );

  app.put(
    "/api/reviews/drafts/:key",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "Autosave a form being edited (kept per user until it is saved or discarded)",
        params: DraftParams,
        body: z.object({ payload: z.record(z.string(), z.unknown()) }),
        response: { 200: z.object({ key: z.string(), savedAt: z.string() }) },
      },
    },
    async (req) => reviews.saveDraft(actorOf(req), req.params.key, req.body.payload),
  );

  app.delete(
    "/api/reviews/drafts/:key",
    {
      config: everyone,
      schema: { tags: ["reviews"], summary: "Discard a draft", params: DraftParams },
    },
    async (req, reply) => {
      await reviews.deleteDraft(actorOf(req), req.params.key);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/reviews/:id",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "One review with counterparties, screening, risk, routing, history and my possible actions",
        params: IdParams,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.get(actorOf(req), req.params.id),
  );

  app.put(
    "/api/reviews/:id",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary: "Save the application (applicant, while draft or returned); `version` as last read",
        params: IdParams,
        body: FormBody.extend({ version: z.number().int().min(1) }),
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => {
      const { version, ...form } = req.body;
      return reviews.update(actorOf(req), req.params.id, version, form);
    },
  );

  app.put(
    "/api/reviews/:id/classification",
    {
      config: { access: ["applicant", "unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Record the 該非判定 (item, sub-item, exception, rationale) and topic tags",
        params: IdParams,
        body: ClassificationBody,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) =>
      reviews.classify(actorOf(req), req.params.id, req.body.version, {
        classification: req.body.classification,
        topicTags: req.body.topicTags,
      }),
  );

  app.put(
    "/api/reviews/:id/transaction-check",
    {
      config: { access: ["secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Record the 取引審査 checklists (用途, 明らかガイドライン, 需要者) and partner attributes",
        params: IdParams,
        body: TransactionCheckBody,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => {
      const { version, ...check } = req.body;
      return reviews.recordTransactionCheck(actorOf(req), req.params.id, version, check);
    },
  );

  app.put(
    "/api/reviews/:id/identity-checks/:checkId",
    {
      config: { access: ["unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary:
          "Record one identity check of a hiring/contracting review (outcome, evidence; who and when are taken from the session)",
        params: z.object({ id: z.uuid(), checkId: z.string().min(1).max(64) }),
        body: z.object({
          version: z.number().int(),
          outcome: z.enum(["clear", "sign"]),
          evidence: z.string().max(4000),
        }),
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) =>
      reviews.recordIdentityCheck(actorOf(req), req.params.id, req.body.version, {
        checkId: req.params.checkId,
        outcome: req.body.outcome,
        evidence: req.body.evidence,
      }),
  );

  app.post(
    "/api/reviews/:id/screen",
    {
      config: { access: ["unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Screen every counterparty against all active lists",
        params: IdParams,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.screenCounterparties(actorOf(req), req.params.id),
  );

  app.post(
    "/api/reviews/:id/transitions",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary:
          "Move the review: submit, withdraw, return, send back, clear, forward, complete, approve, reject",
        params: IdParams,
        body: TransitionBody,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.transition(actorOf(req), req.params.id, req.body),
  );

  app.get(
    "/api/reviews/:id/history",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "The review's audit history",
        params: IdParams,
        response: {
          200: z.object({
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
          }),
        },
      },
    },
    async (req) => reviews.history(actorOf(req), req.params.id),
  );

  app.get(
    "/api/reviews/:id/forms/:form",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary:
          "Printable PDF: 事前確認シート (precheck), 該非判定書 (classification), 取引審査票 (transaction)",
        params: IdParams.extend({ form: z.enum(FORM_KINDS) }),
        querystring: z.object({ lang: z.enum(["ja", "en"]).optional() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const view = await reviews.get(actor, req.params.id);
      const lang = req.query.lang ?? actor.locale;
      const pdf = await renderReviewForm(
        view,
        req.params.form,
        lang,
        pdfFont(),
        new Date(),
        print ? await print(lang) : undefined,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${view.refNo}-${req.params.form}-${lang}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
}
