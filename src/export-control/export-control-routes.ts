import type { FastifyReply } from "fastify";
import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { FitsResponse } from "../http/response-fit.js";
import type { App } from "../http/server.js";
import { AppError } from "../shared/errors.js";
import type { PdfFont } from "../shared/pdf-font.js";
import { PROVISION_METHOD_LABELS, PROVISION_METHODS } from "./aftercare-engine.js";
import type { AftercareService } from "./aftercare-service.js";
import { ITEM_ATTACHMENT_KINDS, ITEM_ATTACHMENT_LABELS, MAX_EVIDENCE_BYTES } from "./attachment-rules.js";
import { CATCH_ALL_EDITIONS, CONCERN_LABELS, REQUIREMENT_LABELS } from "./catch-all-rules.js";
import { GROUP_LABELS } from "./country-groups.js";
import type { CountryGroupsService } from "./country-groups-service.js";
import { ALL_EXCEPTION_USES, exceptionChoices, TECH_EXCEPTIONS } from "./exceptions.js";
import {
  CountryGroupSourceSchema,
  CountryGroupsSchema,
  ExportReferenceSchema,
  GroupLookupSchema,
  InspectionSchema,
  ItemListSchema,
  ItemViewSchema,
  LicenceDetailSchema,
  LicenceListSchema,
  ProvisionListSchema,
  YearStatisticsSchema,
} from "./export-control-schemas.js";
import {
  CATCH_ALL_CHOICE_LABELS,
  CATCH_ALL_CHOICES,
  CONTROL_ITEMS,
  LIST_STATUS_LABELS,
  LIST_STATUSES,
} from "./item-classification.js";
import { ITEM_DOCUMENT_TITLES, ITEM_DOCUMENTS, renderItemDocument } from "./item-pdf.js";
import type { ItemsService } from "./items-service.js";
import { citationText, SOURCES } from "./legal-sources.js";
import { RESULT_LABELS } from "./licence-engine.js";
import {
  LICENCE_KIND_LABELS,
  LICENCE_KINDS,
  LICENCE_STATUS_LABELS,
  LICENCE_STATUSES,
} from "./licence-register-engine.js";
import { LICENCE_READERS, type LicencesService } from "./licences-service.js";
import { ANSWERS } from "./self-inspection-engine.js";
import type { SelfInspectionService } from "./self-inspection-service.js";

const IdParams = z.object({ id: z.uuid() });
const DateStr = z.string().max(10);

const ExceptionRecordSchema = z.object({
  code: z.enum(TECH_EXCEPTIONS),
  use: z.enum(ALL_EXCEPTION_USES).nullable().default(null),
  basis: z.string().max(5000),
});
const ItemBody = z.object({
  kind: z.enum(["goods", "technology"]),
  name: z.string().max(300),
  modelNumber: z.string().max(200).nullable().default(null),
  maker: z.string().max(300).nullable().default(null),
  description: z.string().max(10000).default(""),
  hsCode: z.string().max(20).nullable().default(null),
  judgement: z.object({
    listStatus: z.enum(LIST_STATUSES).nullable(),
    item: z.string().max(5).nullable().default(null),
    subItem: z.string().max(100).nullable().default(null),
    provision: z
      .object({
        ordinance: z.enum(["goods_ordinance", "trade_ordinance"]),
        article: z.number().int(),
        paragraph: z.number().int().nullable().default(null),
        item: z.number().int().nullable().default(null),
        sub: z.string().max(20).nullable().default(null),
      })
      .nullable()
      .default(null),
    catchAllCategory: z.enum(CATCH_ALL_CHOICES).nullable().default(null),
    exceptions: z.array(ExceptionRecordSchema).max(10).default([]),
  }),
  rationale: z.string().max(10000),
  decidedOn: DateStr,
  recheckOn: DateStr.nullable().default(null),
});

const LicenceBody = z.object({
  kind: z.enum(LICENCE_KINDS),
  status: z.enum(LICENCE_STATUSES),
  licenceNumber: z.string().max(100).nullable().default(null),
  holder: z.string().max(300),
  appliedOn: DateStr.nullable().default(null),
  issuedOn: DateStr.nullable().default(null),
  validFrom: DateStr.nullable().default(null),
  validUntil: DateStr.nullable().default(null),
  conditions: z.string().max(10000).default(""),
  items: z
    .array(
      z.object({
        itemId: z.uuid().nullable().default(null),
        listedItem: z.string().max(5).nullable().default(null),
        description: z.string().max(500).default(""),
      }),
    )
    .max(100)
    .default([]),
  destinations: z.array(z.string().max(40)).max(300).default([]),
  quantityLimit: z.number().nullable().default(null),
  quantityUnit: z.string().max(50).nullable().default(null),
  valueLimitJpy: z.number().int().nullable().default(null),
  responsibleUserId: z.uuid().nullable().default(null),
  note: z.string().max(5000).nullable().default(null),
});

async function readOneFile(req: import("fastify").FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError(415, "unsupported_media_type", {
      ja: "ファイルは multipart/form-data で送信してください",
      en: "Send files as multipart/form-data",
    });
  const part = await req.file({
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 },
    throwFileSizeLimit: false,
  });
  if (!part)
    throw new AppError(400, "validation_failed", { ja: "ファイルを選択してください", en: "Choose a file" }, [
      { path: "file", message: { ja: "ファイルを選択してください", en: "Choose a file" } },
    ]);
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  return { fileName: part.filename, content: Buffer.concat(chunks), truncated: part.file.truncated };
}

function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The export-control reference the web app reads once: rules, their sources, and every label. */
function exportReference() {
  return {
    sources: SOURCES,
    controlItems: [...CONTROL_ITEMS],
    listStatuses: LIST_STATUSES.map((v) => ({ value: v, label: LIST_STATUS_LABELS[v] })),
    catchAllCategories: CATCH_ALL_CHOICES.map((v) => ({ value: v, label: CATCH_ALL_CHOICE_LABELS[v] })),
    exceptions: exceptionChoices(TECH_EXCEPTIONS),
    attachmentKinds: ITEM_ATTACHMENT_KINDS.map((k) => ({ value: k, label: ITEM_ATTACHMENT_LABELS[k] })),
    documents: ITEM_DOCUMENTS.map((d) => ({ value: d, label: ITEM_DOCUMENT_TITLES[d] })),
    licenceKinds: LICENCE_KINDS.map((k) => ({ value: k, label: LICENCE_KIND_LABELS[k] })),
    licenceStatuses: LICENCE_STATUSES.map((k) => ({ value: k, label: LICENCE_STATUS_LABELS[k] })),
    results: Object.entries(RESULT_LABELS).map(([value, label]) => ({ value, label })),
    provisionMethods: PROVISION_METHODS.map((m) => ({ value: m, label: PROVISION_METHOD_LABELS[m] })),
    groups: Object.entries(GROUP_LABELS).map(([value, label]) => ({ value, label })),
    answers: [...ANSWERS],
    catchAll: CATCH_ALL_EDITIONS.map((e) => ({
      id: e.id,
      title: e.title,
      effectiveFrom: e.effectiveFrom,
      rows: e.rows.map((r) => ({
        concern: CONCERN_LABELS[r.concern],
        group: r.group,
        category: r.category,
        requirements: r.requirements.map((q) => REQUIREMENT_LABELS[q]),
        informOnlyIfDiversion: r.informOnlyIfDiversion ?? false,
        verified: r.verified,
        note: r.note ?? null,
        citations: r.citations.map((c) => ({
          ja: citationText(c, "ja"),
          en: citationText(c, "en"),
          verified: c.verified,
        })),
      })),
    })),
  };
}

/** Compile-time proof that the reference passes its schema and the schema names all of it. */
export const exportReferenceFitsSchema: FitsResponse<
  ReturnType<typeof exportReference>,
  typeof ExportReferenceSchema
> = true;

/**
 * The export-control API: the rules and their sources (country groups, catch-all tables,
 * exceptions), the item master with its documents and PDFs, the licence register, the technology-
 * provision log across reviews, and the yearly self-inspection with its statistics.
 */
export function registerExportControlRoutes(
  app: App,
  deps: {
    countryGroups: CountryGroupsService;
    items: ItemsService;
    licences: LicencesService;
    aftercare: AftercareService;
    selfInspection: SelfInspectionService;
    pdfFont: () => PdfFont;
    issuer: string;
    /** The organisation's time zone: the issue date prints in it, not in UTC. */
    timeZone: () => Promise<string>;
    /** Active users, for choosing who owns an approval condition or a licence. */
    users: () => Promise<{ id: string; displayName: string; roles: readonly string[]; disabled: boolean }[]>;
  },
) {
  const everyone = { access: ROLE_GROUPS.everyone };
  const readers = { access: LICENCE_READERS };

  app.get(
    "/api/export/reference",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary:
          "The rules and their sources: catch-all tables, exceptions, item kinds, licence kinds, labels",
        response: { 200: ExportReferenceSchema },
      },
    },
    async () => exportReference(),
  );

  app.get(
    "/api/export/assignable-users",
    {
      config: { access: ["unit_officer", "secretariat", "approver", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Active users who can own an approval condition or a licence (name and roles only)",
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) })),
          }),
        },
      },
    },
    async () => ({
      items: (await deps.users())
        .filter((u) => !u.disabled)
        .map((u) => ({ id: u.id, displayName: u.displayName, roles: [...u.roles] })),
    }),
  );

  // — country groups —
  app.get(
    "/api/export/country-groups",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary:
          "The country-group table in force (別表第3・第3の2・第4, dated editions with sources) and past imports",
        response: { 200: CountryGroupsSchema },
      },
    },
    async () => {
      const cur = await deps.countryGroups.current();
      return {
        source: cur.source,
        id: cur.id,
        table: cur.table,
        history: await deps.countryGroups.history(),
      };
    },
  );
  app.get(
    "/api/export/country-groups/lookup/:country",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary: "Which groups a country is in on a date (default today)",
        params: z.object({ country: z.string().regex(/^[A-Za-z]{2}$/) }),
        querystring: z.object({ date: z.iso.date().optional() }),
        response: { 200: GroupLookupSchema },
      },
    },
    async (req) =>
      deps.countryGroups.lookup(req.params.country, req.query.date ?? new Date().toISOString().slice(0, 10)),
  );
  app.post(
    "/api/export/country-groups",
    {
      config: { access: ["secretariat", "admin"] },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ["export-control"],
        summary: "Import and activate a new country-group table (JSON, format sekimori.country-groups/1)",
        body: z.object({ table: z.unknown(), note: z.string().max(2000).nullable().default(null) }),
        response: { 200: CountryGroupSourceSchema },
      },
    },
    async (req) => {
      const cur = await deps.countryGroups.importTable(actorOf(req), req.body.table, req.body.note);
      return { source: cur.source, id: cur.id };
    },
  );
  app.post(
    "/api/export/country-groups/built-in",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Go back to the built-in country-group table",
        response: { 200: CountryGroupSourceSchema },
      },
    },
    async (req) => {
      const cur = await deps.countryGroups.useBuiltIn(actorOf(req));
      return { source: cur.source, id: cur.id };
    },
  );

  // — item master —
  app.get(
    "/api/export/items",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary: "The item master (品目マスタ)",
        querystring: z.object({
          q: z.string().max(200).optional(),
          status: z.enum(["active", "archived"]).optional(),
          recheckDue: z.coerce.boolean().optional(),
        }),
        response: { 200: ItemListSchema },
      },
    },
    async (req) => ({
      items: await deps.items.list(actorOf(req), {
        search: req.query.q,
        status: req.query.status,
        recheckDue: req.query.recheckDue,
      }),
    }),
  );
  app.post(
    "/api/export/items",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Add an item with its 該非判定",
        body: ItemBody,
        response: { 201: ItemViewSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await deps.items.create(actorOf(req), { ...req.body, judgement: { ...req.body.judgement } })),
  );
  app.get(
    "/api/export/items/:id",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary: "One item",
        params: IdParams,
        response: { 200: ItemViewSchema },
      },
    },
    async (req) => deps.items.get(actorOf(req), req.params.id),
  );
  app.put(
    "/api/export/items/:id",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Change an item's 判定 (a new decision by the caller); `version` as last read",
        params: IdParams,
        body: ItemBody.extend({ version: z.number().int().min(1) }),
        response: { 200: ItemViewSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return deps.items.update(actorOf(req), req.params.id, version, input);
    },
  );
  app.post(
    "/api/export/items/:id/status",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Archive or restore an item",
        params: IdParams,
        body: z.object({ status: z.enum(["active", "archived"]) }),
        response: { 200: ItemViewSchema },
      },
    },
    async (req) => deps.items.setStatus(actorOf(req), req.params.id, req.body.status),
  );
  app.post(
    "/api/export/items/:id/attachments",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Attach a basis document (parameter sheet, maker's 該非判定書 …) as multipart/form-data",
        params: IdParams,
        querystring: z.object({ kind: z.enum(ITEM_ATTACHMENT_KINDS) }),
        consumes: ["multipart/form-data"],
        response: { 200: ItemViewSchema },
      },
    },
    async (req) =>
      deps.items.addAttachment(actorOf(req), req.params.id, req.query.kind, await readOneFile(req)),
  );
  app.get(
    "/api/export/items/:id/attachments/:attachmentId",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary: "Download a basis document",
        params: IdParams.extend({ attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = await deps.items.getAttachment(actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mediaType)
        .header("content-disposition", disposition(a.fileName))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(a.content));
    },
  );
  app.delete(
    "/api/export/items/:id/attachments/:attachmentId",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Remove a basis document",
        params: IdParams.extend({ attachmentId: z.uuid() }),
        response: { 200: ItemViewSchema },
      },
    },
    async (req) => deps.items.removeAttachment(actorOf(req), req.params.id, req.params.attachmentId),
  );
  app.get(
    "/api/export/items/:id/documents/:document",
    {
      config: everyone,
      schema: {
        tags: ["export-control"],
        summary: "PDF: 該非判定書 (determination) or 非該当証明書 (non_applicability, non-listed items only)",
        params: IdParams.extend({ document: z.enum(ITEM_DOCUMENTS) }),
        querystring: z.object({ lang: z.enum(["ja", "en"]).optional() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const item = await deps.items.get(actor, req.params.id);
      if (req.params.document === "non_applicability" && item.judgement.listStatus !== "not_listed")
        throw new AppError(409, "item_is_listed", {
          ja: "リスト規制に該当する品目には非該当証明書を発行できません（該非判定書を使ってください）",
          en: "A listed item cannot get a certificate of non-applicability (use the classification record)",
        });
      const lang = req.query.lang ?? actor.locale;
      const pdf = await renderItemDocument(
        item,
        req.params.document,
        lang,
        deps.pdfFont(),
        deps.issuer,
        new Date(),
        await deps.timeZone(),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${item.refNo}-${req.params.document}-${lang}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  // — licences —
  app.get(
    "/api/export/licences",
    {
      config: readers,
      schema: {
        tags: ["export-control"],
        summary: "The licence register with quantity and value used, and expiry state",
        querystring: z.object({
          status: z.enum(LICENCE_STATUSES).optional(),
          /** Only granted licences expiring within this many days (the dashboard's tile links here). */
          expiring: z.coerce.number().int().min(0).max(3650).optional(),
        }),
        response: { 200: LicenceListSchema },
      },
    },
    async (req) => ({
      items: await deps.licences.list(actorOf(req), {
        status: req.query.status,
        expiringWithin: req.query.expiring,
      }),
    }),
  );
  app.post(
    "/api/export/licences",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Register a licence or an application in progress",
        body: LicenceBody,
        response: { 201: LicenceDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await deps.licences.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/export/licences/:id",
    {
      config: readers,
      schema: {
        tags: ["export-control"],
        summary: "One licence with its use and linked reviews",
        params: IdParams,
        response: { 200: LicenceDetailSchema },
      },
    },
    async (req) => deps.licences.get(actorOf(req), req.params.id),
  );
  app.put(
    "/api/export/licences/:id",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Update a licence (e.g. granted, renewed); `version` as last read",
        params: IdParams,
        body: LicenceBody.extend({ version: z.number().int().min(1) }),
        response: { 200: LicenceDetailSchema },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return deps.licences.update(actorOf(req), req.params.id, version, input);
    },
  );
  app.post(
    "/api/export/licences/:id/usages",
    {
      config: { access: ["unit_officer", "secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Record a shipment or provision under the licence (quantity, value)",
        params: IdParams,
        body: z.object({
          usedOn: DateStr,
          quantity: z.number().nullable().default(null),
          valueJpy: z.number().int().nullable().default(null),
          reviewId: z.uuid().nullable().default(null),
          note: z.string().max(2000).nullable().default(null),
          destinationCountry: z
            .string()
            .regex(/^[A-Za-z]{2}$/)
            .nullable()
            .default(null),
        }),
        response: { 200: LicenceDetailSchema },
      },
    },
    async (req) => deps.licences.recordUsage(actorOf(req), req.params.id, req.body),
  );

  // — technology provision log across reviews —
  app.get(
    "/api/export/provisions",
    {
      config: { access: ROLE_GROUPS.officersAndAuditors },
      schema: {
        tags: ["export-control"],
        summary: "The technology-provision log across reviews",
        querystring: z.object({ from: DateStr.optional(), to: DateStr.optional() }),
        response: { 200: ProvisionListSchema },
      },
    },
    async (req) => ({ items: await deps.aftercare.provisions(actorOf(req), req.query) }),
  );

  // — self-inspection —
  const Fy = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
  app.get(
    "/api/export/self-inspections/:year",
    {
      config: { access: ["secretariat", "approver", "auditor", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "The fiscal year's self-inspection (checklist, answers, evidence)",
        params: Fy,
        response: { 200: InspectionSchema },
      },
    },
    async (req) => deps.selfInspection.get(actorOf(req), req.params.year),
  );
  app.put(
    "/api/export/self-inspections/:year",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Save answers (merged with those already saved)",
        params: Fy,
        body: z.object({
          answers: z.record(
            z.string().max(80),
            z.object({
              answer: z.enum(ANSWERS),
              note: z.string().max(5000).default(""),
              evidence: z.string().max(5000).default(""),
            }),
          ),
        }),
        response: { 200: InspectionSchema },
      },
    },
    async (req) => deps.selfInspection.save(actorOf(req), req.params.year, req.body.answers),
  );
  app.post(
    "/api/export/self-inspections/:year/complete",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Complete the year's self-inspection",
        params: Fy,
        response: { 200: InspectionSchema },
      },
    },
    async (req) => deps.selfInspection.complete(actorOf(req), req.params.year),
  );
  app.post(
    "/api/export/self-inspections/:year/evidence",
    {
      config: { access: ["secretariat", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Attach an evidence file to a question (multipart/form-data)",
        params: Fy,
        querystring: z.object({ question: z.string().max(80) }),
        consumes: ["multipart/form-data"],
        response: { 200: InspectionSchema },
      },
    },
    async (req) =>
      deps.selfInspection.addEvidence(
        actorOf(req),
        req.params.year,
        req.query.question,
        await readOneFile(req),
      ),
  );
  app.get(
    "/api/export/self-inspections/:year/evidence/:fileId",
    {
      config: { access: ["secretariat", "approver", "auditor", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "Download an evidence file",
        params: Fy.extend({ fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const a = await deps.selfInspection.getEvidence(actorOf(req), req.params.year, req.params.fileId);
      return reply
        .type(a.mediaType)
        .header("content-disposition", disposition(a.fileName))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(a.content));
    },
  );
  app.get(
    "/api/export/self-inspections/:year/statistics",
    {
      config: { access: ["secretariat", "approver", "auditor", "admin"] },
      schema: {
        tags: ["export-control"],
        summary: "The year's review statistics: JSON, CSV (?format=csv) or PDF (?format=pdf)",
        params: Fy,
        querystring: z.object({
          format: z.enum(["json", "csv", "pdf"]).default("json"),
          lang: z.enum(["ja", "en"]).optional(),
        }),
        response: { 200: YearStatisticsSchema },
      },
    },
    async (req, typedReply) => {
      const actor = actorOf(req);
      const lang = req.query.lang ?? actor.locale;
      // The 200 schema describes the JSON form. Fastify sends a CSV string (non-JSON type) and a PDF
      // Buffer as they are, without the serializer, so those two branches use the untyped reply.
      const reply = typedReply as unknown as FastifyReply;
      if (req.query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="review-statistics-FY${req.params.year}-${lang}.csv"`,
          )
          .header("cache-control", "no-store")
          .send(await deps.selfInspection.csv(actor, req.params.year, lang));
      if (req.query.format === "pdf")
        return reply
          .type("application/pdf")
          .header(
            "content-disposition",
            `inline; filename="self-inspection-FY${req.params.year}-${lang}.pdf"`,
          )
          .header("cache-control", "no-store")
          .send(await deps.selfInspection.pdf(actor, req.params.year, lang, deps.pdfFont()));
      return deps.selfInspection.statistics(actor, req.params.year);
    },
  );
}
