import { z } from "zod";
import type { FitsResponse } from "../http/response-fit.js";
import type { AftercareService } from "./aftercare-service.js";
import { COUNTRY_GROUP_IDS, type CountryGroupTable, type GroupLookup } from "./country-groups.js";
import type { CountryGroupsService } from "./country-groups-service.js";
import { ALL_EXCEPTION_USES, TECH_EXCEPTIONS } from "./exceptions.js";
import { CATCH_ALL_CHOICES, LIST_STATUSES, REGIMES } from "./item-classification.js";
import type { ItemView } from "./items-service.js";
import { SOURCES } from "./legal-sources.js";
import { LICENCE_KINDS, LICENCE_STATUSES } from "./licence-register-engine.js";
import type { LicencesService, LicenceView } from "./licences-service.js";
import { ANSWERS, type YearStatistics } from "./self-inspection-engine.js";
import type { SelfInspectionService } from "./self-inspection-service.js";

/**
 * The export-control API's response shapes. Fastify serialises every response through these (a field
 * they do not name is dropped), the web client's types are generated from them (`npm run gen:api`),
 * and each `…FitsSchema` constant below makes the compiler prove that the service's shape and the
 * schema agree both ways (src/http/response-fit.ts), so a changed service breaks `tsc`.
 */

const Label = z.object({ ja: z.string(), en: z.string() });
const Option = z.object({ value: z.string(), label: Label });

export const ExceptionRecordSchema = z.object({
  code: z.enum(TECH_EXCEPTIONS),
  use: z.enum(ALL_EXCEPTION_USES).nullable(),
  basis: z.string(),
});

/** 該非判定 of one item (item-classification.ts Judgement). */
export const JudgementSchema = z.object({
  listStatus: z.enum(LIST_STATUSES).nullable(),
  regime: z.enum(REGIMES).nullable(),
  item: z.string().nullable(),
  subItem: z.string().nullable(),
  provision: z
    .object({
      ordinance: z.enum(["goods_ordinance", "trade_ordinance"]),
      article: z.number(),
      paragraph: z.number().nullable(),
      item: z.number().nullable(),
      sub: z.string().nullable(),
    })
    .nullable(),
  catchAllCategory: z.enum(CATCH_ALL_CHOICES).nullable(),
  exceptions: z.array(ExceptionRecordSchema),
});

/** GET /api/export/reference: the rules and their sources, with every label in both languages. */
export const ExportReferenceSchema = z.object({
  sources: z.object(
    Object.fromEntries(Object.keys(SOURCES).map((k) => [k, Label])) as {
      [K in keyof typeof SOURCES]: typeof Label;
    },
  ),
  controlItems: z.array(z.object({ item: z.string(), label: Label })),
  listStatuses: z.array(Option),
  catchAllCategories: z.array(Option),
  exceptions: z.array(Option.extend({ conditions: Label, citations: z.array(Label), uses: z.array(Option) })),
  attachmentKinds: z.array(Option),
  documents: z.array(Option),
  licenceKinds: z.array(Option),
  licenceStatuses: z.array(Option),
  results: z.array(Option),
  provisionMethods: z.array(Option),
  groups: z.array(Option),
  answers: z.array(z.enum(ANSWERS)),
  catchAll: z.array(
    z.object({
      id: z.string(),
      title: Label,
      effectiveFrom: z.string(),
      rows: z.array(
        z.object({
          concern: Label,
          group: z.string(),
          category: z.string(),
          requirements: z.array(Label),
          informOnlyIfDiversion: z.boolean(),
          verified: z.boolean(),
          note: Label.nullable(),
          citations: z.array(Label.extend({ verified: z.boolean() })),
        }),
      ),
    }),
  ),
});

const CountryGroupMemberSchema = z.object({
  code: z.string(),
  name: Label,
  since: z.string().optional(),
  verified: z.boolean().optional(),
  note: Label.optional(),
});
const CountryGroupEditionSchema = z.object({
  group: z.enum(COUNTRY_GROUP_IDS),
  id: z.string(),
  title: Label,
  effectiveFrom: z.string().nullable(),
  effectiveFromVerified: z.boolean(),
  source: Label,
  amendedBy: Label.optional(),
  verified: z.boolean(),
  note: Label.optional(),
  members: z.array(CountryGroupMemberSchema),
});
export const CountryGroupTableSchema = z.object({
  format: z.string(),
  title: Label,
  editions: z.array(CountryGroupEditionSchema),
});
export const countryGroupTableFitsSchema: FitsResponse<CountryGroupTable, typeof CountryGroupTableSchema> =
  true;

/** GET /api/export/country-groups: the table in force and past imports. */
export const CountryGroupsSchema = z.object({
  source: z.enum(["built_in", "imported"]),
  id: z.string().nullable(),
  table: CountryGroupTableSchema,
  history: z.array(
    z.object({
      id: z.string(),
      title: Label,
      note: z.string().nullable(),
      active: z.boolean(),
      importedAt: z.string(),
    }),
  ),
});
export const countryGroupHistoryFitsSchema: FitsResponse<
  Awaited<ReturnType<CountryGroupsService["history"]>>,
  typeof CountryGroupsSchema.shape.history
> = true;

/** What importing a table or going back to the built-in one answers. */
export const CountryGroupSourceSchema = z.object({
  source: z.enum(["built_in", "imported"]),
  id: z.string().nullable(),
});

export const GroupLookupSchema = z.object({
  country: z.string(),
  destinationGroup: z.enum(["group_a", "un_arms_embargo", "general"]),
  memberships: z.array(
    z.object({ group: z.enum(COUNTRY_GROUP_IDS), editionId: z.string(), verified: z.boolean() }),
  ),
  editions: z.array(
    z.object({
      group: z.enum(COUNTRY_GROUP_IDS),
      editionId: z.string(),
      effectiveFrom: z.string().nullable(),
      verified: z.boolean(),
    }),
  ),
  cautions: z.array(Label),
});
export const groupLookupFitsSchema: FitsResponse<GroupLookup, typeof GroupLookupSchema> = true;

/** One item of the item master (品目マスタ) with its 該非判定 and basis documents. */
export const ItemViewSchema = z.object({
  id: z.string(),
  refNo: z.string(),
  kind: z.enum(["goods", "technology"]),
  name: z.string(),
  modelNumber: z.string().nullable(),
  maker: z.string().nullable(),
  description: z.string(),
  hsCode: z.string().nullable(),
  judgement: JudgementSchema,
  summary: Label,
  rationale: z.string(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedOn: z.string(),
  recheckOn: z.string().nullable(),
  recheckState: z.enum(["overdue", "due_soon", "ok", "none"]),
  status: z.enum(["active", "archived"]),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachments: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  usedInReviews: z.number(),
});
export const itemViewFitsSchema: FitsResponse<ItemView, typeof ItemViewSchema> = true;
export const ItemListSchema = z.object({ items: z.array(ItemViewSchema) });

/** One licence of the register with its use and expiry state. */
export const LicenceViewSchema = z.object({
  id: z.string(),
  refNo: z.string(),
  kind: z.enum(LICENCE_KINDS),
  kindLabel: Label,
  status: z.enum(LICENCE_STATUSES),
  licenceNumber: z.string().nullable(),
  holder: z.string(),
  appliedOn: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  conditions: z.string(),
  items: z.array(
    z.object({
      itemId: z.string().nullable().optional(),
      listedItem: z.string().nullable().optional(),
      description: z.string(),
    }),
  ),
  destinations: z.array(z.string()),
  quantityLimit: z.number().nullable(),
  quantityUnit: z.string().nullable(),
  valueLimitJpy: z.number().nullable(),
  usedQuantity: z.number(),
  usedValueJpy: z.number(),
  useCount: z.number(),
  responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  daysLeft: z.number().nullable(),
  expiry: z.enum(["ok", "due_60", "due_30", "expired", "none"]),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const licenceViewFitsSchema: FitsResponse<LicenceView, typeof LicenceViewSchema> = true;
export const LicenceListSchema = z.object({ items: z.array(LicenceViewSchema) });

/** One licence with the shipments/provisions recorded under it and the reviews linked to it. */
export const LicenceDetailSchema = LicenceViewSchema.extend({
  usages: z.array(
    z.object({
      id: z.string(),
      usedOn: z.string(),
      quantity: z.number().nullable(),
      valueJpy: z.number().nullable(),
      note: z.string().nullable(),
      reviewId: z.string().nullable(),
      reviewRef: z.string().nullable(),
      recordedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.string(),
      refNo: z.string(),
      title: z.string(),
      status: z.string(),
      linkedAt: z.string(),
    }),
  ),
});
export const licenceDetailFitsSchema: FitsResponse<
  Awaited<ReturnType<LicencesService["get"]>>,
  typeof LicenceDetailSchema
> = true;

/** One row of the technology-provision log (across reviews, or of one review). */
export const ProvisionRowSchema = z.object({
  id: z.string(),
  reviewId: z.string().nullable(),
  reviewRef: z.string().nullable(),
  licenceId: z.string().nullable(),
  licenceRef: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  itemId: z.string().nullable(),
  itemRef: z.string().nullable(),
  itemName: z.string().nullable(),
  what: z.string(),
  recipientPartyId: z.string().nullable(),
  recipientName: z.string(),
  providedOn: z.string(),
  method: z.string(),
  country: z.string().nullable(),
  providedBy: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const ProvisionListSchema = z.object({ items: z.array(ProvisionRowSchema) });
export const provisionListFitsSchema: FitsResponse<
  { items: Awaited<ReturnType<AftercareService["provisions"]>> },
  typeof ProvisionListSchema
> = true;

/** The fiscal year's self-inspection: questions, answers, what is missing, evidence files. */
export const InspectionSchema = z.object({
  fiscalYear: z.number(),
  exists: z.boolean(),
  status: z.enum(["open", "completed"]),
  answers: z.record(
    z.string(),
    z.object({ answer: z.enum(ANSWERS), note: z.string(), evidence: z.string() }),
  ),
  missing: z.array(z.string()),
  completedAt: z.string().nullable(),
  version: z.number(),
  questions: z.array(z.object({ id: z.string(), section: Label, text: Label, citations: z.array(Label) })),
  evidenceFiles: z.array(
    z.object({
      id: z.string(),
      questionId: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  years: z.array(z.object({ fiscalYear: z.number(), status: z.enum(["open", "completed"]) })),
});
export const inspectionFitsSchema: FitsResponse<
  Awaited<ReturnType<SelfInspectionService["get"]>>,
  typeof InspectionSchema
> = true;

/** The year's review statistics (JSON form of the statistics route). */
export const YearStatisticsSchema = z.object({
  fiscalYear: z.number(),
  byActivity: z.record(z.string(), z.number()),
  byDetermination: z.record(z.string(), z.number()),
  byOutcome: z.record(z.string(), z.number()),
  turnaround: z.object({
    decided: z.number(),
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
  }),
  licences: z.array(
    z.object({
      ref: z.string(),
      kind: z.string(),
      uses: z.number(),
      quantity: z.number(),
      valueJpy: z.number(),
    }),
  ),
});
export const yearStatisticsFitsSchema: FitsResponse<YearStatistics, typeof YearStatisticsSchema> = true;

/** One approval condition with its owner, due date and status (aftercare-service.ts). */
export const ConditionSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  reviewRef: z.string(),
  reviewTitle: z.string(),
  position: z.number(),
  text: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(["open", "done", "waived"]),
  evidence: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export const conditionFitsSchema: FitsResponse<
  Awaited<ReturnType<AftercareService["conditions"]>>[number],
  typeof ConditionSchema
> = true;

/** One item carried abroad (携行) under a review, with its return check (aftercare-service.ts). */
export const HandCarrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  itemId: z.string().nullable(),
  itemRef: z.string().nullable(),
  itemName: z.string().nullable(),
  outOn: z.string(),
  returnDueOn: z.string(),
  returnedOn: z.string().nullable(),
  returnStatus: z.string(),
  returnNote: z.string().nullable(),
  checkedBy: z.string().nullable(),
  overdue: z.boolean(),
});
export const handCarryFitsSchema: FitsResponse<
  Awaited<ReturnType<AftercareService["handCarry"]>>[number],
  typeof HandCarrySchema
> = true;
