import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import { IDENTIFIER_SCHEMES } from "./parties-engine.js";
import type { PartiesService } from "./parties-service.js";

const KindSchema = z.enum(["organization", "person"]);
const NameKindSchema = z.enum(["primary", "alias", "former", "transliteration"]);

export const PartySchema = z.object({
  id: z.string(),
  kind: KindSchema,
  primaryName: z.string(),
  names: z.array(
    z.object({ name: z.string(), kind: NameKindSchema, lang: z.string().nullable(), script: z.string() }),
  ),
  country: z.string().nullable(),
  birthDate: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  mergedInto: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const PartyBody = z.object({
  kind: KindSchema,
  names: z
    .array(
      z.object({
        name: z.string().max(500),
        kind: NameKindSchema.optional(),
        lang: z.string().max(20).nullable().optional(),
      }),
    )
    .min(1)
    .max(100),
  country: z.string().max(2).nullable().optional(),
  birthDate: z.string().max(10).nullable().optional(),
  website: z.string().max(2000).nullable().optional(),
  notes: z.string().max(20000).nullable().optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
  identifiers: z
    .array(z.object({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string().max(200) }))
    .max(50)
    .optional(),
});

const IdParams = z.object({ id: z.uuid() });

const Bi = z.object({ ja: z.string(), en: z.string() });

const CandidateBody = z.object({
  id: z.uuid().nullable().optional(),
  kind: KindSchema,
  names: z.array(z.object({ name: z.string().max(500) })).max(100),
  country: z.string().max(2).nullable().optional(),
  birthDate: z.string().max(10).nullable().optional(),
  identifiers: z
    .array(z.object({ scheme: z.string().max(40), value: z.string().max(200) }))
    .max(50)
    .optional(),
});

const DuplicatesSchema = z.object({
  items: z.array(
    z.object({
      partyId: z.string(),
      score: z.number(),
      sameIdentifier: z.boolean(),
      reasons: z.array(Bi),
      party: z.object({
        id: z.string(),
        kind: KindSchema,
        primaryName: z.string(),
        names: z.array(z.string()),
        country: z.string().nullable(),
        birthDate: z.string().nullable(),
      }),
    }),
  ),
});

const SnapshotSchema = z.object({
  kind: KindSchema,
  primaryName: z.string(),
  names: z.array(
    z.object({ name: z.string(), kind: z.string(), lang: z.string().nullable(), script: z.string() }),
  ),
  country: z.string().nullable(),
  birthDate: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  archived: z.boolean(),
  mergedInto: z.string().nullable().optional(),
});

const VersionsSchema = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      action: z.enum(["baseline", "created", "updated", "archived", "restored", "merged", "merged_into"]),
      at: z.string(),
      actorLabel: z.string(),
      reason: z.string().nullable(),
      relatedPartyId: z.string().nullable(),
      snapshot: SnapshotSchema,
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

const UsageSchema = z.object({
  canEdit: z.boolean(),
  reasonRequired: z.boolean(),
  editBlockedBecause: Bi.nullable(),
  submittedReviews: z.array(
    z.object({ id: z.string(), refNo: z.string(), title: z.string(), status: z.string() }),
  ),
  ownDraftReviews: z.number(),
  othersDraftReviews: z.number(),
  people: z.number(),
  approachReports: z.number(),
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

/**
 * The parties directory API. Everyone may read and add; who may change a party depends on who uses
 * it (the service decides: a submitted review's party only through the secretariat, with a reason);
 * officers archive; the secretariat merges duplicates.
 */
export function registerPartiesRoutes(app: App, { parties }: { parties: PartiesService }) {
  const read = { access: ROLE_GROUPS.everyone };
  const write = { access: ["applicant", "unit_officer", "secretariat", "approver", "admin"] as const };
  const archive = { access: ["secretariat", "approver", "admin"] as const };
  const mergers = { access: ["secretariat"] as const };

  app.post(
    "/api/parties/duplicates",
    {
      config: write,
      schema: {
        tags: ["parties"],
        summary:
          "Likely duplicates of a party being entered: its names matched in any script by the screening engine, and shared identifiers",
        body: CandidateBody,
        response: { 200: DuplicatesSchema },
      },
    },
    async (req) => ({
      items: await parties.duplicates({
        id: req.body.id ?? null,
        kind: req.body.kind,
        names: req.body.names,
        country: req.body.country?.toUpperCase() || null,
        birthDate: req.body.birthDate || null,
        identifiers: req.body.identifiers ?? [],
      }),
    }),
  );

  app.get(
    "/api/parties",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "Search parties by any name (substring or similar spelling), in any script",
        querystring: z.object({
          q: z.string().max(200).optional(),
          kind: KindSchema.optional(),
          country: z.string().length(2).optional(),
          tag: z.string().max(100).optional(),
          includeArchived: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
          page: z.coerce.number().int().min(1).max(100000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(PartySchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => parties.list(req.query),
  );

  app.get(
    "/api/parties/tags",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "Tags in use",
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => ({ items: await parties.tags() }),
  );

  app.post(
    "/api/parties",
    {
      config: write,
      schema: {
        tags: ["parties"],
        summary: "Create a party",
        body: PartyBody,
        response: { 201: PartySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await parties.create(actorOf(req), req.body)),
  );

  app.get(
    "/api/parties/:id",
    {
      config: read,
      schema: { tags: ["parties"], summary: "One party", params: IdParams, response: { 200: PartySchema } },
    },
    async (req) => parties.get(req.params.id),
  );

  app.put(
    "/api/parties/:id",
    {
      config: write,
      schema: {
        tags: ["parties"],
        summary: "Replace a party's details; `version` must be the one last read",
        params: IdParams,
        body: PartyBody.extend({
          version: z.number().int().min(1),
          /** Required when a submitted review uses the party (secretariat only). */
          reason: z.string().max(2000).nullable().optional(),
        }),
        response: { 200: PartySchema },
      },
    },
    async (req) => {
      const { version, reason, ...input } = req.body;
      return parties.update(actorOf(req), req.params.id, version, input, reason);
    },
  );

  app.get(
    "/api/parties/:id/versions",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "Every version of the party, newest first, with who changed what and why",
        params: IdParams,
        response: { 200: VersionsSchema },
      },
    },
    async (req) => ({ items: await parties.versions(req.params.id) }),
  );

  app.get(
    "/api/parties/:id/usage",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "Where the party is used, and whether the caller may change it (and why not)",
        params: IdParams,
        response: { 200: UsageSchema },
      },
    },
    async (req) => parties.usage(actorOf(req), req.params.id),
  );

  app.get(
    "/api/parties/:id/duplicates",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "Likely duplicates of a stored party",
        params: IdParams,
        response: { 200: DuplicatesSchema },
      },
    },
    async (req) => ({ items: await parties.duplicatesOfParty(req.params.id) }),
  );

  app.post(
    "/api/parties/:id/merge",
    {
      config: mergers,
      schema: {
        tags: ["parties"],
        summary:
          "Merge a duplicate into this party (secretariat): names and identifiers joined, every reference re-pointed, the duplicate archived with its history",
        params: IdParams,
        body: z.object({
          duplicateId: z.uuid(),
          survivorVersion: z.number().int().min(1),
          duplicateVersion: z.number().int().min(1),
          reason: z.string().max(2000),
        }),
        response: {
          200: z.object({
            survivor: PartySchema,
            duplicateId: z.string(),
            moved: z.record(z.string(), z.number()),
            droppedDuplicates: z.record(z.string(), z.array(z.unknown())),
            reopenedDecisions: z.array(z.object({ source: z.string(), sourceId: z.string() })),
            notes: z.array(Bi),
          }),
        },
      },
    },
    async (req) => parties.merge(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/parties/:id/archive",
    {
      config: archive,
      schema: {
        tags: ["parties"],
        summary: "Archive (parties are never deleted)",
        params: IdParams,
        response: { 200: PartySchema },
      },
    },
    async (req) => parties.setArchived(actorOf(req), req.params.id, true),
  );

  app.post(
    "/api/parties/:id/restore",
    {
      config: archive,
      schema: {
        tags: ["parties"],
        summary: "Bring an archived party back",
        params: IdParams,
        response: { 200: PartySchema },
      },
    },
    async (req) => parties.setArchived(actorOf(req), req.params.id, false),
  );

  app.get(
    "/api/parties/:id/history",
    {
      config: read,
      schema: {
        tags: ["parties"],
        summary: "The party's audit history",
        params: IdParams,
        response: { 200: HistorySchema },
      },
    },
    async (req) => {
      await parties.get(req.params.id);
      return parties.history(req.params.id);
    },
  );
}
