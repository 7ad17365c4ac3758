import { Readable } from "node:stream";
import { z } from "zod";
import { ROLE_GROUPS } from "../http/access.js";
import { requestLanguage } from "../http/language.js";
import type { App } from "../http/server.js";
import { dateInZone } from "../shared/time-format.js";
import { AUDIT_ENTITY_LABELS, auditActionLabel } from "./audit-labels.js";
import { type AuditService, auditCsvLines } from "./audit-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });

const AuditRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  context: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
  actorName: Bilingual,
  actionLabel: Bilingual,
  entityLabel: Bilingual,
  entityName: Bilingual.nullable(),
});

const FilterQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  text: z.string().max(200).optional(),
});

const BilingualSchema = z.object({ ja: z.string(), en: z.string() });

const VerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  total: z.number(),
  headId: z.number(),
  headHash: z.string(),
  broken: z
    .object({ id: z.number(), reason: z.string(), detail: z.string(), messages: BilingualSchema })
    .optional(),
  problems: z.array(
    z.object({
      id: z.number(),
      lastId: z.number(),
      reason: z.string(),
      detail: z.string(),
      messages: BilingualSchema,
    }),
  ),
  notes: z.array(BilingualSchema),
  anchor: z.object({
    key: z.enum(["ok", "missing", "none"]),
    keyId: z.string().nullable(),
    signedRows: z.number(),
    firstSignedId: z.number().nullable(),
    unsignedRows: z.number(),
    checkpoints: z.number(),
    lastCheckpoint: z.object({ id: z.number(), at: z.string() }).nullable(),
    checkpointFile: z.string().nullable(),
  }),
});

/** Browsing, verifying and exporting the audit log: auditors and admins only. */
export function registerAuditRoutes(
  app: App,
  { audit, timeZone }: { audit: AuditService; timeZone: () => Promise<string> },
) {
  const access = { access: ROLE_GROUPS.auditReaders };

  app.get(
    "/api/audit",
    {
      config: access,
      schema: {
        tags: ["audit"],
        summary: "Audit entries, newest first, filtered",
        querystring: FilterQuery.extend({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          beforeId: z.coerce.number().int().min(1).optional(),
        }),
        response: { 200: z.object({ items: z.array(AuditRecordSchema), total: z.number() }) },
      },
    },
    async (req) => {
      const { limit, beforeId, ...filter } = req.query;
      return audit.list(filter, limit, beforeId);
    },
  );

  app.get(
    "/api/audit/actions",
    {
      config: access,
      schema: {
        tags: ["audit"],
        summary: "Action names in the log, each with its label",
        response: {
          200: z.object({
            items: z.array(z.string()),
            labels: z.record(z.string(), Bilingual),
            entityTypes: z.array(z.object({ id: z.string(), label: Bilingual })),
          }),
        },
      },
    },
    async () => {
      const items = await audit.actions();
      return {
        items,
        labels: Object.fromEntries(items.map((a) => [a, auditActionLabel(a)])),
        entityTypes: Object.entries(AUDIT_ENTITY_LABELS).map(([id, label]) => ({ id, label })),
      };
    },
  );

  app.get(
    "/api/audit/verify",
    {
      // A long log takes a while to recompute: the long-request deadline applies.
      config: { ...access, longRunning: true },
      schema: {
        tags: ["audit"],
        summary:
          "Check the hash chain, each row's MAC under the audit key and the signed checkpoints; name rewritten and removed rows",
        response: { 200: VerifySchema },
      },
    },
    async () => audit.verify(),
  );

  app.get(
    "/api/audit/export.csv",
    {
      config: access,
      schema: {
        tags: ["audit"],
        summary: "The filtered log as CSV (UTF-8 with BOM, for Excel)",
        querystring: FilterQuery,
      },
    },
    async (req, reply) => {
      const zone = await timeZone();
      const lang = requestLanguage(req);
      const stamp = dateInZone(new Date(), zone);
      reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="sekimori-audit-${stamp}.csv"`);
      async function* withBom() {
        yield "\uFEFF";
        yield* auditCsvLines(audit.iterateLabelled(req.query), { lang, timeZone: zone });
      }
      return reply.send(Readable.from(withBom()));
    },
  );
}
