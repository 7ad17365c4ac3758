import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { FitsResponse } from "../http/response-fit.js";
import type { App } from "../http/server.js";
import { notFound } from "../shared/errors.js";
import { AFFILIATION_KINDS, OFFICIAL_CAPACITIES } from "./people-engine.js";
import { PERSON_CATEGORIES, type PeopleService, type Person } from "./people-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });
const DateStr = z.string().max(10);
/** 本邦人 / 外国人: read only for residency, whose rules differ by it under the 外為法 interpretation. */
const PersonTypeSchema = z.enum(["japanese_national", "foreign_national"]);

/** The facts a residency decision was taken from, as stored (people-engine.ts ResidencyBasis). */
const ResidencyBasisSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("arrived_in_japan"),
    date: z.string(),
    employedInJapan: z.boolean(),
    personType: PersonTypeSchema.optional(),
    temporaryReturn: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("left_japan"),
    date: z.string(),
    employedAbroad: z.boolean(),
    stayAbroadTwoYearsOrMore: z.boolean(),
    personType: PersonTypeSchema.optional(),
    atJapaneseMission: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("long_term_in_japan"), personType: PersonTypeSchema.optional() }),
  z.object({ kind: z.literal("official_duty"), date: z.string(), capacity: z.enum(OFFICIAL_CAPACITIES) }),
  z.object({
    kind: z.literal("officer_decision"),
    status: z.enum(["resident", "non_resident"]),
    date: z.string(),
    reason: z.string(),
  }),
]);

/** A 特定類型 self-declaration as stored (people-engine.ts TokuteiForm). */
const TokuteiFormSchema = z.object({
  declaredOn: z.string(),
  type1: z.object({ applies: z.boolean(), counterparty: z.string(), detail: z.string() }),
  type2: z.object({
    fiscalYear: z.string(),
    foreignIncomeJpy: z.number(),
    totalIncomeJpy: z.number(),
    sources: z.string(),
  }),
  type3: z.object({ applies: z.boolean(), detail: z.string() }),
  evidence: z.string(),
  nextReviewOn: z.string().nullable(),
  pledge: z.boolean(),
});

const ProviderSchema = z.object({
  name: z.string(),
  partyId: z.string().nullable(),
  kind: z.enum(["organization", "person"]).optional(),
});

/** A research-integrity disclosure as stored (people-engine.ts Disclosure). */
const DisclosureSchema = z.object({
  submittedOn: z.string(),
  career: z.array(
    z.object({ from: z.string(), to: z.string().nullable(), organisation: z.string(), position: z.string() }),
  ),
  affiliations: z.array(
    z.object({
      kind: z.enum(AFFILIATION_KINDS),
      organisation: ProviderSchema,
      position: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      effortPercent: z.number(),
      paid: z.boolean(),
      confidentiality: z.boolean(),
    }),
  ),
  funds: z.array(
    z.object({
      title: z.string(),
      programme: z.string(),
      provider: ProviderSchema,
      status: z.enum(["applied", "received"]),
      inERad: z.boolean(),
      amountJpy: z.number().nullable(),
      from: z.string(),
      to: z.string().nullable(),
      effortPercent: z.number(),
      confidentiality: z.boolean(),
    }),
  ),
  nonMonetary: z.array(
    z.object({
      description: z.string(),
      provider: ProviderSchema,
      from: z.string().nullable(),
      confidentiality: z.boolean(),
    }),
  ),
  pledge: z.boolean(),
});

/**
 * A person record as the web app shows it: every part described (the web client's types are
 * generated from it), and `personFitsSchema` below proves the service's Person fits it both ways.
 */
export const PersonSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  category: z.string(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  eradResearcherNumber: z.string().nullable(),
  disclosureDueOn: z.string().nullable(),
  tokuteiReviewOn: z.string().nullable(),
  version: z.number(),
  residency: z.array(
    z.object({
      status: z.enum(["resident", "non_resident"]),
      effectiveFrom: z.string(),
      basis: ResidencyBasisSchema.nullable(),
      reason: Bilingual.nullable(),
      note: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  tokutei: z.array(
    z.object({
      id: z.string(),
      declaredOn: z.string(),
      types: z.array(z.string()),
      incomeShare: z.number().nullable(),
      nextReviewOn: z.string(),
      active: z.boolean(),
      content: TokuteiFormSchema,
      recordedAt: z.string(),
    }),
  ),
  disclosures: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      submittedOn: z.string(),
      totalEffort: z.number(),
      content: DisclosureSchema,
      recordedAt: z.string(),
    }),
  ),
  providerScreenings: z.array(
    z.object({
      partyId: z.string(),
      providerName: z.string(),
      screenedAt: z.string(),
      result: z.object({
        runId: z.string(),
        screenedAt: z.string(),
        hits: z.array(
          z.object({
            entityId: z.string().optional(),
            source: z.string(),
            name: z.string(),
            score: z.number(),
            match: z.boolean(),
            programs: z.array(z.string()),
            decision: z.enum(["true_match", "false_positive"]).nullable(),
            reason: Bilingual.optional(),
          }),
        ),
      }),
    }),
  ),
  /** How each free-text name of the latest disclosure became a party (matched or created), with reasons. */
  disclosureMatches: z.array(
    z.object({
      path: z.string(),
      name: z.string(),
      partyId: z.string(),
      method: z.enum(["chosen", "identifier", "exact", "similar", "created", "relinked"]),
      score: z.number().nullable(),
      reasons: z.array(Bilingual),
    }),
  ),
  flags: z.array(
    z.object({
      id: z.string(),
      title: Bilingual,
      evidence: Bilingual,
      source: z.string(),
      items: z
        .array(
          z.object({ where: Bilingual, link: z.string().nullable(), confidential: z.boolean().optional() }),
        )
        .optional(),
      key: z.string().optional(),
      earlier: z
        .object({
          reason: z.string(),
          by: z.string(),
          at: z.string(),
          newEvidence: z.array(z.object({ where: Bilingual, link: z.string().nullable() })),
        })
        .optional(),
    }),
  ),
  trainingRequired: z.array(
    z.object({
      slug: z.string(),
      title: Bilingual,
      current: z.boolean(),
      expiresAt: z.string().nullable(),
      reasons: z.array(Bilingual),
    }),
  ),
  dismissedFlags: z.array(
    z.object({
      dismissalId: z.string(),
      key: z.string(),
      id: z.string(),
      title: Bilingual,
      evidence: Bilingual,
      items: z.array(
        z.object({ where: Bilingual, link: z.string().nullable(), confidential: z.boolean().optional() }),
      ),
      reason: z.string(),
      dismissedBy: z.string(),
      dismissedAt: z.string(),
    }),
  ),
});

/** Compile-time proof that the service's Person passes PersonSchema and the schema names all of it. */
export const personFitsSchema: FitsResponse<Person, typeof PersonSchema> = true;

const PersonBody = z.object({
  userId: z.uuid().nullable().optional(),
  username: z.string().max(63).nullable().optional(),
  category: z.enum(PERSON_CATEGORIES),
  department: z.string().max(200).nullable().optional(),
  email: z.string().max(300).nullable().optional(),
  eradResearcherNumber: z.string().max(20).nullable().optional(),
});

const ResidencyBody = z.object({
  basis: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("arrived_in_japan"),
      date: DateStr,
      employedInJapan: z.boolean(),
      personType: PersonTypeSchema.optional(),
      temporaryReturn: z.boolean().optional(),
    }),
    z.object({
      kind: z.literal("left_japan"),
      date: DateStr,
      employedAbroad: z.boolean(),
      stayAbroadTwoYearsOrMore: z.boolean(),
      personType: PersonTypeSchema.optional(),
      atJapaneseMission: z.boolean().optional(),
    }),
    z.object({ kind: z.literal("long_term_in_japan"), personType: PersonTypeSchema.optional() }),
    z.object({ kind: z.literal("official_duty"), date: DateStr, capacity: z.enum(OFFICIAL_CAPACITIES) }),
    z.object({
      kind: z.literal("officer_decision"),
      status: z.enum(["resident", "non_resident"]),
      date: DateStr,
      reason: z.string().max(2000),
    }),
  ]),
  note: z.string().max(2000).nullable().optional(),
});

const TokuteiBody = z.object({
  declaredOn: DateStr,
  type1: z.object({
    applies: z.boolean(),
    counterparty: z.string().max(500).default(""),
    detail: z.string().max(5000).default(""),
  }),
  type2: z.object({
    fiscalYear: z.string().max(20),
    foreignIncomeJpy: z.number().min(0).max(1e12),
    totalIncomeJpy: z.number().min(0).max(1e12),
    sources: z.string().max(5000).default(""),
  }),
  type3: z.object({ applies: z.boolean(), detail: z.string().max(5000).default("") }),
  evidence: z.string().max(5000).default(""),
  nextReviewOn: DateStr.nullable().default(null),
  pledge: z.boolean(),
});

const Provider = z.object({
  name: z.string().max(500),
  partyId: z.uuid().nullable().default(null),
  kind: z.enum(["organization", "person"]).optional(),
});
const DisclosureBody = z.object({
  submittedOn: DateStr,
  career: z
    .array(
      z.object({
        from: DateStr,
        to: DateStr.nullable().default(null),
        organisation: z.string().max(500),
        position: z.string().max(500),
      }),
    )
    .max(100)
    .default([]),
  affiliations: z
    .array(
      z.object({
        kind: z.enum(AFFILIATION_KINDS),
        organisation: Provider,
        position: z.string().max(500),
        from: DateStr,
        to: DateStr.nullable().default(null),
        effortPercent: z.number(),
        paid: z.boolean(),
        confidentiality: z.boolean(),
      }),
    )
    .max(100)
    .default([]),
  funds: z
    .array(
      z.object({
        title: z.string().max(500),
        programme: z.string().max(500).default(""),
        provider: Provider,
        status: z.enum(["applied", "received"]),
        inERad: z.boolean(),
        amountJpy: z.number().nullable().default(null),
        from: DateStr,
        to: DateStr.nullable().default(null),
        effortPercent: z.number(),
        confidentiality: z.boolean(),
      }),
    )
    .max(100)
    .default([]),
  nonMonetary: z
    .array(
      z.object({
        description: z.string().max(2000),
        provider: Provider,
        from: DateStr.nullable().default(null),
        confidentiality: z.boolean(),
      }),
    )
    .max(100)
    .default([]),
  pledge: z.boolean(),
});

const IdParams = z.object({ id: z.uuid() });
const MANAGERS = ["secretariat", "unit_officer", "admin"] as const;

/** The people API: person records, residency, 特定類型, research-integrity disclosures, e-Rad CSV, reminders. */
export function registerPeopleRoutes(app: App, { people }: { people: PeopleService }) {
  app.get(
    "/api/people",
    {
      config: { access: ROLE_GROUPS.officersAndAuditors },
      schema: {
        tags: ["people"],
        summary: "Person records with their due dates and flags",
        querystring: z.object({
          q: z.string().max(200).optional(),
          department: z.string().max(200).optional(),
          category: z.enum(PERSON_CATEGORIES).optional(),
          flag: z
            .enum([
              "P-DECLARATION-OVERDUE",
              "P-DISCLOSURE-LIST-HIT",
              "P-EFFORT-OVER-100",
              "P-TALENT-PROGRAM",
              "P-UNDISCLOSED-AFFILIATION",
              "P-DISCLOSURE-DROPPED",
              "P-APPROACH-CONNECTION",
            ])
            .optional(),
          due: z.enum(["overdue", "within30", "within90"]).optional(),
          sort: z.enum(["name", "due"]).optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                partyId: z.string(),
                category: z.string(),
                department: z.string().nullable(),
                disclosureDueOn: z.string().nullable(),
                tokuteiReviewOn: z.string().nullable(),
                residency: z.string().nullable(),
                tokuteiActive: z.boolean(),
                flags: z.array(z.string()),
              }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (req) =>
      people.list(actorOf(req), {
        text: req.query.q,
        department: req.query.department,
        category: req.query.category,
        flag: req.query.flag,
        due: req.query.due,
        sort: req.query.sort,
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  );

  app.get(
    "/api/people/departments",
    {
      config: { access: ROLE_GROUPS.officersAndAuditors },
      schema: {
        tags: ["people"],
        summary: "Departments that have person records (for the list's filter)",
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (req) => ({ items: await people.departments(actorOf(req)) }),
  );

  app.post(
    "/api/people",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["people"],
        summary: "Create a person record for a party (kind person)",
        body: PersonBody.extend({ partyId: z.uuid() }),
        response: { 201: PersonSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await people.create(actorOf(req), req.body)),
  );

  app.get(
    "/api/people/me",
    {
      config: { access: ROLE_GROUPS.everyone },
      schema: {
        tags: ["people"],
        summary: "My own person record (null when none is linked to my account)",
        response: { 200: z.object({ person: PersonSchema.nullable() }) },
      },
    },
    async (req) => ({ person: await people.mine(actorOf(req)) }),
  );

  app.get(
    "/api/people/erad.csv",
    {
      config: { access: ROLE_GROUPS.officersAndAuditors },
      schema: {
        tags: ["people"],
        summary: "e-Rad research-integrity fields of everyone's latest disclosure (CSV)",
      },
    },
    async (req, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="erad-disclosures.csv"')
        .send(await people.eRadExport(actorOf(req))),
  );

  app.post(
    "/api/people/reminders/run",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["people"],
        summary: "Send the due-declaration reminders now (normally run daily)",
        response: { 200: z.object({ reminded: z.number() }) },
      },
    },
    async (req) => people.sendDueReminders(actorOf(req)),
  );

  app.get(
    "/api/people/:id",
    {
      config: { access: ROLE_GROUPS.everyone },
      schema: {
        tags: ["people"],
        summary: "One person record (yours, or any for officers)",
        params: IdParams,
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.get(actorOf(req), req.params.id),
  );

  app.put(
    "/api/people/:id",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["people"],
        summary: "Update a person record; `version` as last read",
        params: IdParams,
        body: PersonBody.extend({ version: z.number().int().min(1) }),
        response: { 200: PersonSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return people.update(actorOf(req), req.params.id, version, input);
    },
  );

  app.post(
    "/api/people/:id/residency",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["people"],
        summary: "Record residency facts; the status follows the 6-month / 2-year rules",
        params: IdParams,
        body: ResidencyBody,
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.recordResidency(actorOf(req), req.params.id, req.body.basis, req.body.note ?? null),
  );

  app.post(
    "/api/people/:id/tokutei",
    {
      config: { access: ROLE_GROUPS.everyone },
      schema: {
        tags: ["people"],
        summary: "Record a 特定類型 self-declaration (the person, or the secretariat on their behalf)",
        params: IdParams,
        body: TokuteiBody,
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.declareTokutei(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/people/:id/disclosures",
    {
      config: { access: ROLE_GROUPS.everyone },
      schema: {
        tags: ["people"],
        summary:
          "Submit a new version of the research-integrity disclosure (declared providers are screened)",
        params: IdParams,
        body: DisclosureBody,
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.submitDisclosure(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/people/:id/flags/dismiss",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["people"],
        summary:
          "Dismiss a wrong consistency flag with the reason (stays dismissed for the same evidence; new evidence raises it again)",
        params: IdParams,
        body: z.object({ key: z.string().min(1).max(600), reason: z.string().max(2000) }),
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.dismissFlag(actorOf(req), req.params.id, req.body.key, req.body.reason),
  );

  app.post(
    "/api/people/:id/screen",
    {
      config: { access: MANAGERS },
      schema: {
        tags: ["people"],
        summary: "Screen the declared affiliations and funders again",
        params: IdParams,
        response: { 200: PersonSchema },
      },
    },
    async (req) => people.screenProviders(actorOf(req), req.params.id),
  );

  app.get(
    "/api/people/:id/history",
    {
      config: { access: ROLE_GROUPS.officersAndAuditors },
      schema: {
        tags: ["people"],
        summary: "The person record's audit history",
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
    async (req) => {
      const history = await people.history(req.params.id);
      if (history.total === 0) throw notFound({ ja: "人物記録", en: "Person record" });
      return history;
    },
  );
}
