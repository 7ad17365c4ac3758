import path from "node:path";
import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import { throwIfAborted } from "../http/uploads.js";
import { AppError } from "../shared/errors.js";
import { TEXT_ENCODINGS, type TextEncoding } from "./importers/index.js";
import type { ListsService } from "./lists-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });

export const ListSnapshotSchema = z.object({
  id: z.string(),
  source: z.string(),
  version: z.number(),
  status: z.enum(["loading", "active", "superseded", "failed"]),
  format: z.string(),
  fileNames: z.array(z.string()),
  sha256: z.string(),
  byteSize: z.number(),
  entityCount: z.number(),
  nameCount: z.number(),
  schemaCounts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  importedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  entitiesPruned: z.boolean(),
  sample: z.boolean(),
});

export const ListEntitySchema = z.object({
  id: z.string(),
  snapshotId: z.string(),
  position: z.number(),
  contentHash: z.string(),
  source: z.string(),
  sourceId: z.string(),
  schema: z.enum(["Person", "Organization", "Vessel", "Aircraft", "Unknown"]),
  names: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(["primary", "alias", "weakAlias", "former", "originalScript"]),
      lang: z.string().optional(),
    }),
  ),
  countries: z.array(z.string()),
  birthDates: z.array(z.string()),
  identifiers: z.array(z.object({ scheme: z.string(), value: z.string() })),
  programs: z.array(z.string()),
  listedOn: z.string().optional(),
  remarks: z.string().optional(),
  addresses: z.array(z.string()).optional(),
  details: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

const IdParams = z.object({ id: z.uuid() });
const Page = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

function badUpload(en: string, ja: string): AppError {
  return new AppError(400, "invalid_upload", { ja, en });
}

/** A file name safe to store in a temporary folder, keeping what importers read from it (sdn.csv, add.csv …). */
function safeName(name: string, index: number): string {
  const base = path.basename(name || `upload-${index}`).replace(/[^\p{L}\p{N}._-]+/gu, "_");
  return base.replace(/^\.+/, "") || `upload-${index}`;
}

/**
 * Restricted-party list management: officers and auditors read lists, snapshots and entries;
 * admins import a list file (multipart upload, streamed to a temporary file, then imported as a
 * new snapshot that becomes active only when complete).
 */
export function registerListsRoutes(app: App, { lists }: { lists: ListsService }) {
  const read = { access: ROLE_GROUPS.officersAndAuditors };
  const admin = { access: ROLE_GROUPS.admins };

  app.get(
    "/api/lists/formats",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "List file formats that can be imported",
        response: {
          200: z.object({
            items: z.array(z.object({ format: z.string(), label: Bilingual, description: Bilingual })),
            encodings: z.array(z.string()),
          }),
        },
      },
    },
    async () => ({ items: lists.formats(), encodings: [...TEXT_ENCODINGS] }),
  );

  app.get(
    "/api/lists/sources",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "Lists with their active snapshot (counts, dates)",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                label: Bilingual,
                format: z.string(),
                active: ListSnapshotSchema.nullable(),
                updatedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await lists.listSources() }),
  );

  app.get(
    "/api/lists/labels",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["lists"],
        summary:
          "Every list's name, and whether its active snapshot is a demo sample (results from it must say so)",
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), label: Bilingual, sample: z.boolean() })),
          }),
        },
      },
    },
    async () => ({
      items: (await lists.listSources()).map((s) => ({
        id: s.id,
        label: s.label,
        sample: s.active?.sample ?? false,
      })),
    }),
  );

  app.get(
    "/api/lists/snapshots",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "Snapshots (imports) of the lists, newest first",
        querystring: z.object({
          source: z.string().max(100).optional(),
          status: z.enum(["loading", "active", "superseded", "failed"]).optional(),
          ...Page,
        }),
        response: {
          200: z.object({
            items: z.array(ListSnapshotSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => lists.listSnapshots(req.query),
  );

  app.get(
    "/api/lists/snapshots/:id",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "One snapshot",
        params: IdParams,
        response: { 200: ListSnapshotSchema },
      },
    },
    async (req) => lists.getSnapshot(req.params.id),
  );

  app.get(
    "/api/lists/snapshots/:id/entities",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "Entries of a snapshot, searchable by name or identifier",
        params: IdParams,
        querystring: z.object({ q: z.string().max(200).optional(), ...Page }),
        response: {
          200: z.object({
            items: z.array(ListEntitySchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => lists.listEntities(req.params.id, req.query),
  );

  app.get(
    "/api/lists/snapshots/:id/diff",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "Source ids added, changed or removed since another snapshot (`from`)",
        params: IdParams,
        querystring: z.object({ from: z.uuid() }),
        response: {
          200: z.object({
            from: ListSnapshotSchema,
            to: ListSnapshotSchema,
            added: z.array(z.string()),
            changed: z.array(z.string()),
            removed: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => lists.diffSnapshots(req.query.from, req.params.id),
  );

  app.get(
    "/api/lists/entities/:id",
    {
      config: read,
      schema: {
        tags: ["lists"],
        summary: "One list entry with its snapshot",
        params: IdParams,
        response: { 200: ListEntitySchema.extend({ snapshot: ListSnapshotSchema }) },
      },
    },
    async (req) => lists.getEntity(req.params.id),
  );

  app.post(
    "/api/lists/import",
    {
      config: { ...admin, longRunning: true },
      schema: {
        tags: ["lists"],
        summary:
          "Import list file(s) as a new snapshot: multipart/form-data with fields `format`, optional `source` and `encoding`, and one or more `file` parts",
        response: { 201: ListSnapshotSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw badUpload(
          "Send the list file as multipart/form-data (fields: format, source, encoding; file parts)",
          "リストのファイルを multipart/form-data で送ってください（項目: format, source, encoding とファイル）",
        );
      }
      const signal = req.deadline ?? undefined;
      // All files of one upload go to one folder (OFAC's CSV set is found together by file name);
      // the folder goes whatever happens: a bad file, a timeout, the client going away.
      const snapshot = await app.uploads.withTempDir(async (dir) => {
        const fields: Record<string, string> = {};
        const files: string[] = [];
        const names: string[] = [];
        for await (const part of req.parts()) {
          if (part.type === "file") {
            const target = path.join(dir, safeName(part.filename, files.length + 1));
            if (files.includes(target)) {
              part.file.resume();
              throw badUpload(
                `Two files are named ${path.basename(target)}`,
                `同じ名前のファイルが2つあります: ${path.basename(target)}`,
              );
            }
            await app.uploads.saveFile(part.file, target, signal);
            files.push(target);
            names.push(part.filename || path.basename(target));
          } else if (typeof part.value === "string") {
            fields[part.fieldname] = part.value;
          }
        }
        if (files.length === 0) throw badUpload("No file was uploaded", "ファイルがありません");
        const format = fields.format;
        if (!format) throw badUpload("The field `format` is missing", "項目 format がありません");
        const encoding = fields.encoding || "auto";
        if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
          throw badUpload(`Unknown encoding "${encoding}"`, `文字コード "${encoding}" には対応していません`);
        }
        return app.uploads.parseSlot(signal, () =>
          lists.importList(actorOf(req), {
            files,
            format,
            source: fields.source || undefined,
            encoding: encoding as TextEncoding,
            displayNames: names,
            // Past the deadline the import stops; the snapshot is marked failed and never activated.
            onBatch: () => throwIfAborted(signal),
          }),
        );
      });
      return reply.code(201).send(snapshot);
    },
  );
}
