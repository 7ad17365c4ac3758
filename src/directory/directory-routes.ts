import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf } from "../http/access.js";
import type { FitsResponse } from "../http/response-fit.js";
import type { App } from "../http/server.js";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import type { DirectoryService } from "./directory-service.js";
import { resourceTypes, ScimError, scimList, scimSchemas, serviceProviderConfig } from "./scim-engine.js";

const MANAGERS = ["secretariat", "admin"] as const;

const Bilingual = z.object({ ja: z.string(), en: z.string() });
/** One field that changed; before/after are the field's values (text, a date, a flag or null). */
const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
/** What a sync found for one person (directory-engine.ts DirectoryEvent). */
const DirectoryEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("joiner"), userName: z.string(), returning: z.boolean() }),
  z.object({ kind: z.literal("mover"), userName: z.string(), changes: z.array(FieldChange) }),
  z.object({ kind: z.literal("updated"), userName: z.string(), changes: z.array(FieldChange) }),
  z.object({
    kind: z.literal("departure"),
    userName: z.string(),
    noticeDate: z.string().nullable(),
    endDate: z.string(),
  }),
  z.object({
    kind: z.literal("abroad"),
    userName: z.string(),
    from: z.string(),
    until: z.string().nullable(),
    days: z.number().nullable(),
  }),
  z.object({
    kind: z.literal("leaver"),
    userName: z.string(),
    reason: z.enum(["missing", "inactive", "ended"]),
  }),
]);

const SyncResult = z.object({
  syncId: z.string(),
  mode: z.enum(["preview", "apply"]),
  source: z.enum(["scim", "ldap", "csv"]),
  counts: z.record(z.string(), z.number()),
  events: z.array(DirectoryEventSchema),
  encoding: z.string().optional(),
  ignoredColumns: z.array(z.string()).optional(),
});
export const csvSyncFitsSchema: FitsResponse<
  Awaited<ReturnType<DirectoryService["importCsv"]>>,
  typeof SyncResult
> = true;

/** One past sync, preview or refused import, for the admin page. */
const SyncRow = z.object({
  id: z.string(),
  source: z.string(),
  origin: z.string(),
  mode: z.string(),
  status: z.string(),
  actorLabel: z.string(),
  counts: z.record(z.string(), z.number()),
  events: z.array(DirectoryEventSchema),
  problems: z.array(
    z.object({ index: z.number(), where: z.string(), field: z.string(), message: Bilingual }),
  ),
  startedAt: z.string(),
});
export const syncRowFitsSchema: FitsResponse<
  Awaited<ReturnType<DirectoryService["recentSyncs"]>>[number],
  typeof SyncRow
> = true;

/** One person in the directory. */
const EntryRow = z.object({
  personId: z.string(),
  userName: z.string(),
  displayName: z.string(),
  department: z.string().nullable(),
  post: z.string().nullable(),
  category: z.string(),
  source: z.string(),
  active: z.boolean(),
  endDate: z.string().nullable(),
  linkedAccount: z.boolean(),
});
export const entryRowFitsSchema: FitsResponse<
  Awaited<ReturnType<DirectoryService["entries"]>>[number],
  typeof EntryRow
> = true;

/**
 * The directory's admin API (sync history, entries, HR CSV preview/apply, SCIM tokens) under
 * /api/directory, and the SCIM 2.0 service under /scim/v2 (bearer token, SCIM error bodies,
 * application/scim+json), for Entra ID / Okta provisioning.
 */
export function registerDirectoryRoutes(app: App, { directory }: { directory: DirectoryService }) {
  app.get(
    "/api/directory/syncs",
    {
      config: { access: [...MANAGERS, "auditor"] },
      schema: {
        tags: ["directory"],
        summary: "Recent directory syncs, previews and refused imports (SCIM, LDAP, HR CSV)",
        response: { 200: z.object({ items: z.array(SyncRow) }) },
      },
    },
    async () => ({ items: await directory.recentSyncs(30) }),
  );

  app.get(
    "/api/directory/entries",
    {
      config: { access: [...MANAGERS, "auditor"] },
      schema: {
        tags: ["directory"],
        summary: "People in the directory (active and deactivated)",
        response: { 200: z.object({ items: z.array(EntryRow) }) },
      },
    },
    async () => ({ items: await directory.entries() }),
  );

  app.post(
    "/api/directory/csv",
    {
      config: { access: [...MANAGERS] },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ["directory"],
        summary:
          "Preview or apply an HR / 学務 CSV (UTF-8 or Shift_JIS, base64); any bad row refuses the whole file",
        body: z.object({
          fileName: z.string().min(1).max(200),
          contentBase64: z.string().min(1),
          encoding: z.enum(["auto", "utf8", "shift_jis"]).default("auto"),
          mode: z.enum(["preview", "apply"]),
          full: z.boolean().default(false),
        }),
        response: { 200: SyncResult },
      },
    },
    async (req) =>
      directory.importCsv(actorOf(req), {
        file: req.body.fileName,
        bytes: Buffer.from(req.body.contentBase64, "base64"),
        encoding: req.body.encoding,
        mode: req.body.mode,
        full: req.body.full,
      }),
  );

  const TokenView = z.object({
    id: z.string(),
    label: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });
  app.get(
    "/api/directory/scim-tokens",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["directory"],
        summary: "SCIM bearer tokens (hashes are never shown)",
        response: { 200: z.object({ items: z.array(TokenView) }) },
      },
    },
    async () => ({ items: await directory.listScimTokens() }),
  );
  app.post(
    "/api/directory/scim-tokens",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["directory"],
        summary:
          "Create or rotate a SCIM bearer token for a label (older tokens of the label are revoked); shown once",
        body: z.object({ label: z.string().min(1).max(64) }),
        response: {
          200: z.object({ id: z.string(), label: z.string(), token: z.string(), revoked: z.number() }),
        },
      },
    },
    async (req) => directory.createScimToken(actorOf(req), req.body.label),
  );
  app.delete(
    "/api/directory/scim-tokens/:label",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["directory"],
        summary: "Revoke the SCIM tokens of a label",
        params: z.object({ label: z.string().min(1).max(64) }),
        response: { 200: z.object({ revoked: z.number() }) },
      },
    },
    async (req) => directory.revokeScimToken(actorOf(req), req.params.label),
  );

  void app.register(
    async (scim) => {
      const parseJson = (
        _req: FastifyRequest,
        body: string,
        done: (e: Error | null, v?: unknown) => void,
      ) => {
        try {
          done(null, body.trim() === "" ? {} : JSON.parse(body));
        } catch {
          done(new ScimError(400, "invalidSyntax", "The body is not valid JSON / JSON として読めません"));
        }
      };
      scim.removeAllContentTypeParsers();
      scim.addContentTypeParser(
        ["application/scim+json", "application/json"],
        { parseAs: "string" },
        parseJson,
      );
      scim.setErrorHandler((error, req, reply) => {
        const e =
          error instanceof ScimError
            ? error
            : error instanceof AppError
              ? new ScimError(
                  error.status,
                  error.status === 400 ? "invalidValue" : null,
                  `${error.messages.en} / ${error.messages.ja}`,
                )
              : (error as { statusCode?: number }).statusCode === 413
                ? new ScimError(413, null, "Request too large / リクエストが大きすぎます")
                : new ScimError(500, null, "Internal error / 内部エラー");
        if (e.status >= 500) req.log.error({ err: error }, "SCIM request failed");
        return reply.status(e.status).type("application/scim+json").send(e.body());
      });
      scim.setNotFoundHandler((_req, reply) =>
        reply
          .status(404)
          .type("application/scim+json")
          .send(new ScimError(404, null, "No such SCIM endpoint / SCIM のエンドポイントがありません").body()),
      );

      const actors = new WeakMap<FastifyRequest, Actor>();
      scim.addHook("onRequest", async (req) => {
        const header = req.headers.authorization ?? "";
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        const token = m ? await directory.scimAuthenticate(m[1]!) : null;
        if (!token)
          throw new ScimError(401, null, "A valid bearer token is required / 有効なトークンが必要です");
        actors.set(req, {
          id: null,
          label: `scim:${token.label}`,
          roles: ["admin"],
          locale: "ja",
          ip: req.ip,
        });
      });
      const actor = (req: FastifyRequest) => actors.get(req)!;
      const base = (req: FastifyRequest) => `${req.protocol}://${req.host}/scim/v2`;
      const send = (reply: FastifyReply, status: number, body: unknown) =>
        reply.status(status).type("application/scim+json").send(body);
      type Q = { filter?: string; startIndex?: string; count?: string };
      const num = (v: string | undefined) =>
        v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v);
      type Req = FastifyRequest<{ Params: { id: string }; Querystring: Q; Body: Record<string, unknown> }>;
      const body = (req: Req) => {
        if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body))
          throw new ScimError(
            400,
            "invalidSyntax",
            "A JSON object body is required / JSON オブジェクトが必要です",
          );
        return req.body;
      };

      scim.get("/ServiceProviderConfig", async (_req, reply) => send(reply, 200, serviceProviderConfig()));
      scim.get("/ResourceTypes", async (_req, reply) => send(reply, 200, scimList(resourceTypes(), 2, 1)));
      scim.get("/Schemas", async (_req, reply) => send(reply, 200, scimList(scimSchemas(), 4, 1)));

      scim.get("/Users", async (req: Req, reply) =>
        send(
          reply,
          200,
          await directory.scim.listUsers(base(req), {
            filter: req.query.filter,
            startIndex: num(req.query.startIndex),
            count: num(req.query.count),
          }),
        ),
      );
      scim.get("/Users/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.getUser(base(req), req.params.id)),
      );
      scim.post("/Users", async (req: Req, reply) =>
        send(reply, 201, await directory.scim.createUser(actor(req), base(req), body(req))),
      );
      scim.put("/Users/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.replaceUser(actor(req), base(req), req.params.id, body(req))),
      );
      scim.patch("/Users/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.patchUser(actor(req), base(req), req.params.id, body(req))),
      );
      scim.delete("/Users/:id", async (req: Req, reply) => {
        await directory.scim.deleteUser(actor(req), req.params.id);
        return reply.status(204).send();
      });

      scim.get("/Groups", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.listGroups(base(req), { filter: req.query.filter })),
      );
      scim.get("/Groups/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.getGroup(base(req), req.params.id)),
      );
      scim.post("/Groups", async (req: Req, reply) =>
        send(reply, 201, await directory.scim.createGroup(actor(req), base(req), body(req))),
      );
      scim.put("/Groups/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.replaceGroup(actor(req), base(req), req.params.id, body(req))),
      );
      scim.patch("/Groups/:id", async (req: Req, reply) =>
        send(reply, 200, await directory.scim.patchGroup(actor(req), base(req), req.params.id, body(req))),
      );
      scim.delete("/Groups/:id", async (req: Req, reply) => {
        await directory.scim.deleteGroup(actor(req), req.params.id);
        return reply.status(204).send();
      });
    },
    { prefix: "/scim/v2" },
  );
}
