import { z } from "zod";
import {
  HAND_CARRY_KIND_LABELS,
  HAND_CARRY_KINDS,
  PROVISION_METHOD_LABELS,
  PROVISION_METHODS,
  RETURN_STATUS_LABELS,
  RETURN_STATUSES,
} from "../export-control/aftercare-engine.js";
import type { AftercareService } from "../export-control/aftercare-service.js";
import { ALL_EXCEPTION_USES, exceptionChoices } from "../export-control/exceptions.js";
import {
  ConditionSchema,
  HandCarrySchema,
  ProvisionRowSchema,
} from "../export-control/export-control-schemas.js";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { FitsResponse } from "../http/response-fit.js";
import type { App } from "../http/server.js";
import { notFound } from "../shared/errors.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import {
  CATCH_ALL_CHOICE_LABELS,
  CATCH_ALL_CHOICES,
  CONTROL_ITEMS,
  EXCEPTIONS,
  JP_CRITICAL_AREAS,
  LIST_STATUS_LABELS,
  LIST_STATUSES,
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
import type { ReviewsService, ReviewView } from "./reviews-service.js";
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

/** One exception recorded in addition to the classification. */
export const ExceptionRecordSchema = z.object({
  code: z.enum(EXCEPTIONS),
  use: z.enum(ALL_EXCEPTION_USES).nullable().default(null),
  basis: z.string().max(5000),
});

/** Where in the ordinance: 貨物等省令 / 貿易外省令 第X条第Y項第Z号 (+ イロハ). */
export const ProvisionSchema = z.object({
  ordinance: z.enum(["goods_ordinance", "trade_ordinance"]),
  article: z.number().int(),
  paragraph: z.number().int().nullable().default(null),
  item: z.number().int().nullable().default(null),
  sub: z.string().max(20).nullable().default(null),
});

const ClassificationBody = z.object({
  version: z.number().int().min(1),
  classification: z.object({
    listStatus: z.enum(LIST_STATUSES),
    regime: z.enum(REGIMES).nullable().default(null),
    item: z.string().max(5).nullable().default(null),
    subItem: z.string().max(100).nullable().default(null),
    provision: ProvisionSchema.nullable().default(null),
    catchAllCategory: z.enum(CATCH_ALL_CHOICES).nullable().default(null),
    exceptions: z.array(ExceptionRecordSchema).max(10).default([]),
    rationale: z.string().max(10000),
    reference: z.string().max(1000).nullable().default(null),
  }),
  topicTags: TagsSchema.default({ jp: [], us: [] }),
});

const Country = z.string().regex(/^[A-Za-z]{2}$/);
const ExportFactsBody = z.object({
  version: z.number().int().min(1),
  destinationCountry: Country.nullable().default(null),
  finalDestinationCountry: Country.nullable().default(null),
  plannedOn: z.string().max(10).nullable().default(null),
  providedAbroad: z.boolean().nullable().default(null),
  statedUse: z.enum(["wmd", "conventional", "civil", "unknown"]).default("unknown"),
  useNote: z.string().max(5000).default(""),
  informedWmd: z.boolean().default(false),
  informedConventional: z.boolean().default(false),
  informNote: z.string().max(2000).default(""),
  diversionConcern: z.boolean().default(false),
  clearlyNoConcern: z.boolean().default(false),
  clearlyNote: z.string().max(5000).default(""),
  knownWmdActivity: z.boolean().default(false),
  knownConventionalActivity: z.boolean().default(false),
});

const ItemsBody = z.object({
  version: z.number().int().min(1),
  items: z
    .array(
      z.object({
        itemId: z.uuid(),
        quantity: z.number().nullable().default(null),
        unit: z.string().max(50).nullable().default(null),
        valueJpy: z.number().int().nullable().default(null),
        extraExceptions: z.array(ExceptionRecordSchema).max(10).default([]),
        note: z.string().max(2000).nullable().default(null),
      }),
    )
    .max(50),
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
  conditionItems: z
    .array(
      z.object({
        text: z.string().max(2000),
        ownerUserId: z.uuid().nullable(),
        dueOn: z.string().max(10).nullable(),
      }),
    )
    .max(20)
    .optional(),
  version: z.number().int().min(1).optional(),
});

const Level = z.enum(["low", "medium", "high"]);
const LevelWithReasons = z.object({ level: Level, reasons: z.array(Bilingual) });
/** 該非判定 of one item (src/export-control/item-classification.ts Judgement). */
const JudgementSchema = z.object({
  listStatus: z.enum(["listed", "not_listed"]).nullable(),
  regime: z.string().nullable(),
  item: z.string().nullable(),
  subItem: z.string().nullable(),
  provision: ProvisionSchema.nullable(),
  catchAllCategory: z.string().nullable(),
  exceptions: z.array(ExceptionRecordSchema),
});
const ClassificationSchema = JudgementSchema.extend({
  rationale: z.string(),
  reference: z.string().nullable(),
  needsReclassification: z.boolean().optional(),
  legacy: z.unknown().optional(),
});
const HitFactSchema = z.object({
  entityId: z.string().optional(),
  source: z.string(),
  name: z.string(),
  score: z.number(),
  match: z.boolean(),
  programs: z.array(z.string()),
  decision: z.enum(["true_match", "false_positive"]).nullable(),
});
const PersonFactSchema = z.object({
  personId: z.string(),
  tokutei: z.object({ active: z.boolean(), types: z.array(z.string()), declaredOn: z.string().nullable() }),
  declarationOverdue: z.boolean(),
  disclosureHits: z.array(z.object({ provider: z.string(), source: z.string(), confirmed: z.boolean() })),
  effortTotal: z.number().nullable(),
  talentProgramme: z.boolean(),
  residency: z.enum(["resident", "non_resident"]).nullable(),
});
const ExportFactsSchema = z.object({
  destinationCountry: z.string().nullable(),
  finalDestinationCountry: z.string().nullable(),
  plannedOn: z.string().nullable(),
  providedAbroad: z.boolean().nullable(),
  statedUse: z.enum(["wmd", "conventional", "civil", "unknown"]),
  useNote: z.string(),
  informedWmd: z.boolean(),
  informedConventional: z.boolean(),
  informNote: z.string(),
  diversionConcern: z.boolean(),
  clearlyNoConcern: z.boolean(),
  clearlyNote: z.string(),
  knownWmdActivity: z.boolean(),
  knownConventionalActivity: z.boolean(),
});
const ReviewItemSchema = z.object({
  itemId: z.string(),
  refNo: z.string(),
  name: z.string(),
  kind: z.enum(["goods", "technology"]),
  judgement: JudgementSchema,
  summary: Bilingual,
  extraExceptions: z.array(ExceptionRecordSchema),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  valueJpy: z.number().nullable(),
  note: z.string().nullable(),
  masterChanged: z.boolean(),
  masterArchived: z.boolean(),
});
const LicencePanelSchema = z.object({
  applicable: z.boolean(),
  profile: Bilingual.nullable(),
  result: z.string(),
  resultLabel: Bilingual,
  licenceRequired: z.boolean(),
  date: z.string(),
  destination: z.object({
    country: z.string().nullable(),
    source: z.enum(["facts", "counterparty"]).nullable(),
    groups: z.array(Bilingual),
  }),
  recipient: z.object({ residency: z.string(), tokutei: z.boolean(), names: z.array(z.string()) }),
  items: z.array(
    z.object({
      label: Bilingual,
      kind: z.string(),
      result: z.string(),
      resultLabel: Bilingual,
      reasoning: Bilingual,
      findings: z.array(
        z.object({
          id: z.string(),
          outcome: z.string(),
          reason: Bilingual,
          citations: z.array(Bilingual),
          unverified: z.boolean(),
        }),
      ),
      cautions: z.array(Bilingual),
      missing: z.array(Bilingual),
      relyOnUnverified: z.boolean(),
    }),
  ),
  gate: z.object({
    required: z.boolean(),
    undetermined: z.boolean(),
    satisfied: z.boolean(),
    pending: z.boolean(),
    reason: Bilingual,
  }),
  linked: z.array(
    z.object({
      id: z.string(),
      refNo: z.string(),
      licenceNumber: z.string().nullable(),
      kind: Bilingual,
      status: z.string(),
      statusLabel: Bilingual,
      validUntil: z.string().nullable(),
      covers: z.boolean(),
      pending: z.boolean(),
      reason: Bilingual,
    }),
  ),
});

/**
 * The review as the web app shows it. Every nested part is described (the web client's types are
 * generated from this schema), and `reviewViewFitsSchema` below makes the compiler prove that the
 * service's ReviewView always passes it.
 */
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
  details: z.object({
    topic: z.string(),
    dataInvolved: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    purpose: z.string(),
  }),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  notes: z.record(z.string(), z.string()),
  topicTags: TagsSchema,
  classification: ClassificationSchema.nullable(),
  classificationSummary: Bilingual.nullable(),
  classifiedAt: z.string().nullable(),
  transactionCheck: z
    .object({
      endUse: z.record(z.string(), z.boolean()),
      akiraka: z.record(z.string(), z.boolean()),
      endUser: z.record(z.string(), z.boolean()),
      notes: z.record(z.string(), z.string()),
      conclusion: z.string(),
    })
    .nullable(),
  transactionCheckMissing: z.array(z.string()),
  checkedAt: z.string().nullable(),
  counterparties: z.array(
    z.object({
      id: z.string(),
      partyId: z.string(),
      name: z.string(),
      partyKind: z.string(),
      role: z.string(),
      attributes: z.object({
        stateOwned: z.boolean().optional(),
        military: z.boolean().optional(),
        note: z.string().nullable().optional(),
      }),
      screening: z
        .object({ runId: z.string(), screenedAt: z.string(), hits: z.array(HitFactSchema) })
        .nullable(),
      screenedAt: z.string().nullable(),
      openHits: z.number(),
      confirmedHits: z.number(),
      person: PersonFactSchema.nullable(),
    }),
  ),
  assessment: z.object({
    level: Level,
    topic: LevelWithReasons,
    partner: LevelWithReasons,
    hiring: z
      .object({
        level: Level,
        reasons: z.array(Bilingual),
        flags: z.array(
          z.object({
            id: z.string(),
            severity: z.enum(["medium", "high"]),
            decisive: z.boolean(),
            evidence: Bilingual,
          }),
        ),
        missing: z.array(z.string()),
      })
      .optional(),
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
        sourceLabel: Bilingual,
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
  nextRescreenOn: z.string().nullable(),
  lastRescreenedAt: z.string().nullable(),
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
    exportFacts: z.boolean(),
    licences: z.boolean(),
  }),
  exportFacts: ExportFactsSchema,
  items: z.array(ReviewItemSchema),
  licence: LicencePanelSchema,
  /** Four-eyes rule: why the current user may not approve this review (src/auth/separation-of-duties-engine.ts). */
  separationOfDuties: z.object({
    approvalBlocked: z.boolean(),
    reasons: z.array(z.object({ ja: z.string(), en: z.string() })),
  }),
});

/** Compile-time proof that what the service returns always passes the response schema. */
export const reviewViewFitsSchema = (view: ReviewView): z.input<typeof ReviewViewSchema> => view;

const Option = z.object({ value: z.string(), label: Bilingual });
const ChecklistItemSchema = z.object({ id: z.string(), label: Bilingual, flag: z.string() });

/** GET /api/reviews/reference: questionnaires, control-list items, exceptions, areas, checklists, labels. */
export const ReviewsReferenceSchema = z.object({
  activityTypes: z.array(z.enum(ACTIVITY_TYPES)),
  questionnaires: z.array(
    z.object({
      type: z.enum(ACTIVITY_TYPES),
      label: Bilingual,
      roles: z.array(z.enum(COUNTERPARTY_ROLES)),
      requiredRoles: z.array(z.enum(COUNTERPARTY_ROLES)).optional(),
      alwaysFullReview: z.boolean().optional(),
      questions: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(["yesno", "text", "textarea", "number", "select", "date"]),
          label: Bilingual,
          help: Bilingual.optional(),
          required: z.boolean(),
          options: z.array(Option).optional(),
          riskyAnswer: z.literal("yes").nullable().optional(),
          flag: z.string().optional(),
          fullReviewIfYes: z.boolean().optional(),
          fullReviewIfValue: z.array(z.string()).optional(),
          min: z.number().optional(),
          max: z.number().optional(),
        }),
      ),
    }),
  ),
  counterpartyRoles: z.array(Option),
  controlItems: z.array(z.object({ item: z.string(), label: Bilingual })),
  regimes: z.array(Option),
  listStatuses: z.array(Option),
  catchAllCategories: z.array(Option),
  exceptions: z.array(
    Option.extend({ conditions: Bilingual, citations: z.array(Bilingual), uses: z.array(Option) }),
  ),
  provisionMethods: z.array(Option),
  handCarryKinds: z.array(Option),
  returnStatuses: z.array(Option),
  jpCriticalAreas: z.array(z.object({ id: z.string(), label: Bilingual })),
  usCetAreas: z.array(z.object({ id: z.string(), label: Bilingual })),
  checklists: z.object({
    endUse: z.array(ChecklistItemSchema),
    akiraka: z.array(ChecklistItemSchema),
    endUser: z.array(ChecklistItemSchema),
  }),
  states: z.array(Option),
  actions: z.array(Option),
  redFlags: z.array(
    z.object({
      id: z.string(),
      module: z.enum(["reviews", "people", "approaches", "insider", "screening"]),
      title: Bilingual,
      question: Bilingual,
      source: z.string(),
    }),
  ),
  forms: z.array(Option),
});

/** The reviews reference the web app reads once (labels in both languages, the rules' sources). */
function reviewsReference() {
  return {
    activityTypes: [...ACTIVITY_TYPES],
    questionnaires: allQuestionnaires(),
    counterpartyRoles: COUNTERPARTY_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    controlItems: [...CONTROL_ITEMS],
    regimes: REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] })),
    listStatuses: LIST_STATUSES.map((o) => ({ value: o, label: LIST_STATUS_LABELS[o] })),
    catchAllCategories: CATCH_ALL_CHOICES.map((c) => ({ value: c, label: CATCH_ALL_CHOICE_LABELS[c] })),
    exceptions: exceptionChoices(EXCEPTIONS),
    provisionMethods: PROVISION_METHODS.map((m) => ({ value: m, label: PROVISION_METHOD_LABELS[m] })),
    handCarryKinds: HAND_CARRY_KINDS.map((k) => ({ value: k, label: HAND_CARRY_KIND_LABELS[k] })),
    returnStatuses: [...RETURN_STATUSES, "pending" as const].map((k) => ({
      value: k,
      label: RETURN_STATUS_LABELS[k],
    })),
    jpCriticalAreas: [...JP_CRITICAL_AREAS],
    usCetAreas: [...US_CET_AREAS],
    checklists: {
      endUse: [...TRANSACTION_CHECKLISTS.endUse],
      akiraka: [...TRANSACTION_CHECKLISTS.akiraka],
      endUser: [...TRANSACTION_CHECKLISTS.endUser],
    },
    states: REVIEW_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
    actions: REVIEW_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })),
    redFlags: RED_FLAGS.filter((f) => f.module === "reviews" || f.module === "people"),
    forms: FORM_KINDS.map((f) => ({ value: f, label: FORM_TITLES[f] })),
  };
}

/** Compile-time proof that the reference passes its schema and the schema names all of it. */
export const reviewsReferenceFitsSchema: FitsResponse<
  ReturnType<typeof reviewsReference>,
  typeof ReviewsReferenceSchema
> = true;

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
    aftercare,
  }: {
    reviews: ReviewsService;
    pdfFont: () => PdfFont;
    /** How forms print times (the organisation's zone) and name lists (labels, demo samples). */
    print?: (lang: "ja" | "en") => Promise<PrintOptions>;
    aftercare: AftercareService;
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
        response: { 200: ReviewsReferenceSchema },
      },
    },
    async () => reviewsReference(),
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

  // — Export control on a review: facts, items, licences, and what happens after approval —

  app.put(
    "/api/reviews/:id/export-facts",
    {
      config: { access: ["applicant", "unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Record the export facts: destination, date, known use, inform notices, 明らか clearance",
        params: IdParams,
        body: ExportFactsBody,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => {
      const { version, ...facts } = req.body;
      return reviews.setExportFacts(actorOf(req), req.params.id, version, facts);
    },
  );

  app.put(
    "/api/reviews/:id/items",
    {
      config: { access: ["applicant", "unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary:
          "Link goods and technologies from the item master (each keeps its 判定), with quantity and value",
        params: IdParams,
        body: ItemsBody,
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.setItems(actorOf(req), req.params.id, req.body.version, req.body.items),
  );

  app.post(
    "/api/reviews/:id/items/:itemId/refresh",
    {
      config: { access: ["applicant", "unit_officer", "secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Take the item master's current 判定 for a linked item",
        params: IdParams.extend({ itemId: z.uuid() }),
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.refreshItem(actorOf(req), req.params.id, req.body.version, req.params.itemId),
  );

  app.put(
    "/api/reviews/:id/licences/:licenceId",
    {
      config: { access: ["secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Link a licence (or a recorded application in progress) to the review",
        params: IdParams.extend({ licenceId: z.uuid() }),
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.linkLicence(actorOf(req), req.params.id, req.params.licenceId, true),
  );

  app.delete(
    "/api/reviews/:id/licences/:licenceId",
    {
      config: { access: ["secretariat"] },
      schema: {
        tags: ["reviews"],
        summary: "Unlink a licence from the review",
        params: IdParams.extend({ licenceId: z.uuid() }),
        response: { 200: ReviewViewSchema },
      },
    },
    async (req) => reviews.linkLicence(actorOf(req), req.params.id, req.params.licenceId, false),
  );

  app.get(
    "/api/reviews/:id/conditions",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "The approval's conditions, each with its owner, due date and status",
        params: IdParams,
        response: { 200: z.object({ items: z.array(ConditionSchema) }) },
      },
    },
    async (req) => {
      await reviews.get(actorOf(req), req.params.id);
      return { items: await aftercare.conditions(actorOf(req), { reviewId: req.params.id }) };
    },
  );

  app.get(
    "/api/review-conditions/mine",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "Approval conditions I am responsible for",
        response: { 200: z.object({ items: z.array(ConditionSchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.conditions(actorOf(req), { mine: true }) }),
  );

  app.post(
    "/api/review-conditions/:id/close",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary:
          "Record a condition as met (its owner or the secretariat) or waive it (secretariat, approver)",
        params: IdParams,
        body: z.object({ status: z.enum(["done", "waived"]), evidence: z.string().max(5000) }),
        response: { 200: z.object({ items: z.array(ConditionSchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.closeCondition(actorOf(req), req.params.id, req.body) }),
  );

  app.get(
    "/api/reviews/:id/provisions",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "The technology-provision log of a review",
        params: IdParams,
        response: { 200: z.object({ items: z.array(ProvisionRowSchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.provisions(actorOf(req), { reviewId: req.params.id }) }),
  );

  app.post(
    "/api/reviews/:id/provisions",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary:
          "Log one provision of technology (what, to whom, when, how) under the approved review and its licence",
        params: IdParams,
        body: z.object({
          licenceId: z.uuid().nullable().default(null),
          itemId: z.uuid().nullable().default(null),
          what: z.string().max(5000),
          recipientPartyId: z.uuid().nullable().default(null),
          recipientName: z.string().max(300),
          providedOn: z.string().max(10),
          method: z.enum(PROVISION_METHODS),
          country: Country.nullable().default(null),
          note: z.string().max(5000).nullable().default(null),
        }),
        response: { 200: z.object({ items: z.array(ProvisionRowSchema) }) },
      },
    },
    async (req) => ({
      items: await aftercare.recordProvision(actorOf(req), { ...req.body, reviewId: req.params.id }),
    }),
  );

  app.get(
    "/api/reviews/:id/hand-carry",
    {
      config: everyone,
      schema: {
        tags: ["reviews"],
        summary: "Laptops, samples and media carried on the trip, with their return check",
        params: IdParams,
        response: { 200: z.object({ items: z.array(HandCarrySchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.handCarry(actorOf(req), req.params.id) }),
  );

  app.post(
    "/api/reviews/:id/hand-carry",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary: "Record an item carried on the trip (opens the post-trip return check)",
        params: IdParams,
        body: z.object({
          kind: z.enum(HAND_CARRY_KINDS),
          description: z.string().max(2000),
          itemId: z.uuid().nullable().default(null),
          outOn: z.string().max(10),
          returnDueOn: z.string().max(10),
        }),
        response: { 200: z.object({ items: z.array(HandCarrySchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.addHandCarry(actorOf(req), req.params.id, req.body) }),
  );

  app.post(
    "/api/hand-carry/:id/return",
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags: ["reviews"],
        summary: "Record whether a carried item came back (returned, used up, left abroad, lost)",
        params: IdParams,
        body: z.object({
          status: z.enum(RETURN_STATUSES),
          returnedOn: z.string().max(10).nullable().default(null),
          note: z.string().max(5000).nullable().default(null),
        }),
        response: { 200: z.object({ items: z.array(HandCarrySchema) }) },
      },
    },
    async (req) => ({ items: await aftercare.checkReturn(actorOf(req), req.params.id, req.body) }),
  );

  app.post(
    "/api/reviews/:id/rescreen",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["reviews"],
        summary:
          "Re-screen an approved review's counterparties now (long-term guests are re-screened yearly)",
        params: IdParams,
        response: { 200: z.object({ openHits: z.number(), next: z.string().nullable() }) },
      },
    },
    async (req) => aftercare.rescreen(actorOf(req), req.params.id),
  );
}
