import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import { jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config/config.js";
import { AppError, type Bilingual } from "../shared/errors.js";
import { type Access, accessDenial, enrolmentDenial } from "./access.js";
import { requestLanguage } from "./language.js";
import { createUploadArea, type UploadArea } from "./uploads.js";
import { serializerCompiler, validatorCompiler, zodIssuesToFields } from "./zod.js";

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The session cookie's name; only a hash of its value is stored server-side. */
export const SESSION_COOKIE = "sekimori_session";
/** The header a logged-in browser sends on every state-changing request (CSRF defence). */
export const CSRF_HEADER = "x-csrf-token";

/** Routes Swagger UI adds under /api/docs: public by design. */
const DOCS_PREFIX = "/api/docs";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A registered /api route and its access rule (the route-access test walks all of them). */
export type ApiRoute = { method: string; url: string; access: Access };

declare module "fastify" {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
    /** Temporary folders for uploads and the limit on uploads parsed at once. */
    uploads: UploadArea;
  }
  interface FastifyRequest {
    /**
     * Fires when the request's time is up (SEKIMORI_HANDLER_TIMEOUT_SECONDS, or
     * SEKIMORI_UPLOAD_TIMEOUT_SECONDS on routes with `config.longRunning`) or the client went away: long
     * work (reading an upload) stops and saves nothing.
     */
    deadline: AbortSignal | null;
  }
}

/** Route config of uploads and other long requests (audit verification): the longer timeout applies. */
export type UploadRouteConfig = { longRunning?: boolean };

/**
 * The 503 sent when a request's time is up. Long requests (uploads, imports, audit verification)
 * check their deadline before storing anything, so they can promise nothing was saved; an ordinary
 * request that outlived its deadline may still finish its one transaction, so the answer says so
 * instead of promising what the server cannot know.
 */
export function requestTimedOut(longRunning = true): AppError {
  return longRunning
    ? new AppError(503, "request_timeout", {
        ja: "処理に時間がかかりすぎたため中止しました。何も保存されていません。しばらくしてから再試行してください",
        en: "The request took too long and was stopped; nothing was saved. Please retry later",
      })
    : new AppError(503, "request_timeout", {
        ja: "処理に時間がかかりすぎたため応答を打ち切りました。再試行する前に、変更が保存されたかどうかを確認してください",
        en: "The request took too long and the server stopped waiting for it. Check whether the change was saved before retrying",
      });
}

/** Only UTF-8 (or no charset at all) is accepted on text bodies; anything else is refused, not guessed. */
export function charsetProblem(contentType: string | undefined): AppError | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  if (!m || /^utf-?8$/i.test(m[1]!)) return undefined;
  return new AppError(415, "unsupported_charset", {
    ja: `文字コード ${m[1]} には対応していません。UTF-8 で送ってください`,
    en: `The charset ${m[1]} is not supported; send UTF-8`,
  });
}

/** True when every %-escape of a URL decodes to valid UTF-8. */
function urlIsUtf8(url: string): boolean {
  if (!url.includes("%")) return true;
  try {
    decodeURIComponent(url.replace(/\+/g, " "));
    return true;
  } catch {
    return false;
  }
}

const deadlineTimers = new WeakMap<FastifyRequest, NodeJS.Timeout>();

export type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
};

/** The one error shape every API response uses. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Sends an AppError in the request's language with the product's error shape. */
export function sendAppError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const lang = requestLanguage(req);
  const body: ErrorBody = { error: { code: error.code, message: error.messages[lang] } };
  if (error.fields && error.fields.length > 0) {
    body.error.fields = error.fields.map((f) => ({ path: f.path, message: f.message[lang] }));
  }
  return reply.code(error.status).type("application/json; charset=utf-8").send(body);
}

function httpError(status: number, code: string, messages: Bilingual): AppError {
  return new AppError(status, code, messages);
}

/** True when any string inside a parsed JSON value holds a NUL character, which PostgreSQL cannot store. */
function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v));
  }
  return false;
}

export type ServerDeps = {
  config: Config;
  /** Resolves a session token to its actor; the auth service provides it. */
  authenticate: (
    token: string,
    ip: string,
  ) => Promise<{
    actor: import("../shared/actor.js").Actor;
    sessionId: string;
    csrfToken: string;
    restriction?: "mfa_enrolment" | undefined;
  } | null>;
  /** Registers every module's routes. */
  registerRoutes: (app: App) => void | Promise<void>;
  logger?: boolean | object;
  version: string;
};

/**
 * Builds the HTTP server: security headers, strict JSON, one error shape, the access rule of every
 * /api route enforced before its handler runs, OpenAPI, and the built web app at /.
 */
export async function buildServer(deps: ServerDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", `req.headers["${CSRF_HEADER}"]`],
    },
    bodyLimit: config.http.bodyLimitBytes,
    // Time to receive one request (slow senders hold a connection otherwise); Node's own default is off here.
    requestTimeout: config.http.requestTimeoutSeconds * 1000,
    trustProxy: config.http.trustProxy,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionInfo", null);
  app.decorateRequest("deadline", null);
  const uploads = await createUploadArea({ concurrency: config.http.uploadConcurrency });
  app.decorate("uploads", uploads);
  app.addHook("onClose", async () => uploads.close());

  // Every API request has a deadline: past it the client gets a 503 at once and the request's
  // `deadline` signal stops the work (uploads stop reading and save nothing). The timer stops when
  // the response is ready, so a long download that has started streaming is not cut off.
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api")) return;
    const controller = new AbortController();
    req.deadline = controller.signal;
    const long = (req.routeOptions.config as UploadRouteConfig | undefined)?.longRunning === true;
    const seconds = long ? config.http.uploadTimeoutSeconds : config.http.handlerTimeoutSeconds;
    const timer = setTimeout(() => {
      const error = requestTimedOut(long);
      controller.abort(error);
      if (reply.sent || reply.raw.headersSent) return;
      req.log.warn({ url: req.url, seconds }, "request timed out");
      void sendAppError(req, reply, error);
    }, seconds * 1000);
    timer.unref();
    deadlineTimers.set(req, timer);
    reply.raw.once("close", () => {
      clearTimeout(timer);
      if (!reply.raw.writableFinished && !controller.signal.aborted) controller.abort(requestTimedOut(long));
    });
  });
  const stopDeadline = async (req: FastifyRequest) => {
    const timer = deadlineTimers.get(req);
    if (timer) clearTimeout(timer);
  };
  app.addHook("onSend", async (req, reply, payload) => {
    await stopDeadline(req);
    // API answers are personal and often confidential: no browser or proxy may keep a copy.
    if (req.url.startsWith("/api") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
    return payload;
  });

  // Strict JSON: invalid UTF-8 and NUL characters are refused instead of being silently altered.
  const defaultJsonParser = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    const charset = charsetProblem(req.headers["content-type"]);
    if (charset) {
      done(charset, undefined);
      return;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body as Buffer);
    } catch {
      done(
        httpError(400, "invalid_utf8", {
          ja: "リクエスト本文が正しい UTF-8 ではありません",
          en: "The request body is not valid UTF-8",
        }),
        undefined,
      );
      return;
    }
    if (text.trim() === "") {
      done(
        httpError(400, "invalid_json", { ja: "リクエスト本文が空です", en: "The request body is empty" }),
        undefined,
      );
      return;
    }
    defaultJsonParser(req, text, (error, value) => {
      if (error) {
        done(
          httpError(400, "invalid_json", {
            ja: `リクエスト本文が正しい JSON ではありません（${error.message}）`,
            en: `The request body is not valid JSON (${error.message})`,
          }),
          undefined,
        );
        return;
      }
      if (containsNul(value)) {
        done(
          httpError(400, "invalid_characters", {
            ja: "文字列に NUL 文字（U+0000）は使えません",
            en: "Strings must not contain the NUL character (U+0000)",
          }),
          undefined,
        );
        return;
      }
      done(null, value);
    });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.publicUrl.startsWith("https://"),
  });
  await app.register(fastifyRateLimit, {
    global: config.http.ratePerMinute > 0,
    max: config.http.ratePerMinute || 1_000_000,
    timeWindow: "1 minute",
    errorResponseBuilder: (_req, context) =>
      new AppError(429, "rate_limited", {
        ja: `リクエストが多すぎます。${Math.ceil(context.ttl / 1000)}秒後に再試行してください`,
        en: `Too many requests. Retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.http.uploadLimitBytes, files: 10, fields: 50, fieldSize: 1024 * 1024 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sekimori API",
        description:
          "関守 Sekimori — JSON API. Log in with POST /api/auth/login; send the session cookie and, on " +
          "state-changing requests, the x-csrf-token header from GET /api/auth/session.",
        version: deps.version,
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          csrf: { type: "apiKey", in: "header", name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The app-wide CSP (no inline scripts) also covers Swagger UI, which loads only its own files.
  // Tags start collapsed: with every module's routes a fully expanded page is long and slow to render.
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: false,
    uiConfig: { docExpansion: "none", deepLinking: true },
  });

  // Every /api route must say who may call it; a route without a rule stops the server from starting.
  const apiRoutes: ApiRoute[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api")) return;
    if (route.url.startsWith(DOCS_PREFIX)) {
      route.config = { ...(route.config ?? {}), access: "public" };
      return;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") apiRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api")) return;
    if (!urlIsUtf8(req.url)) {
      return sendAppError(
        req,
        reply,
        httpError(400, "invalid_utf8", {
          ja: "URL の %エスケープが正しい UTF-8 ではありません",
          en: "The URL's %-escapes are not valid UTF-8",
        }),
      );
    }
    if (req.url.includes("%00")) {
      return sendAppError(
        req,
        reply,
        httpError(400, "invalid_characters", {
          ja: "URL に NUL 文字は使えません",
          en: "The URL must not contain the NUL character",
        }),
      );
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await deps.authenticate(token, req.ip);
      if (session) {
        req.actor = session.actor;
        req.sessionInfo = {
          id: session.sessionId,
          csrfToken: session.csrfToken,
          ...(session.restriction ? { restriction: session.restriction } : {}),
        };
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
      }
    }
    const access = (req.routeOptions.config as { access?: Access } | undefined)?.access;
    if (access === undefined) return; // unknown route: the not-found handler answers
    const denial =
      accessDenial(access, req.actor) ??
      enrolmentDenial(
        req.sessionInfo,
        (req.routeOptions.config as { allowDuringMfaEnrolment?: boolean }).allowDuringMfaEnrolment,
      );
    if (denial) return sendAppError(req, reply, denial);
    if (!SAFE_METHODS.has(req.method)) {
      if (req.sessionInfo) {
        if (req.headers[CSRF_HEADER] !== req.sessionInfo.csrfToken) {
          return sendAppError(
            req,
            reply,
            httpError(403, "csrf_failed", {
              ja: "セッションの確認に失敗しました。ページを再読み込みしてください",
              en: "Request verification failed. Reload the page and try again",
            }),
          );
        }
      } else {
        // Public state-changing routes (login) accept only same-origin browsers.
        const origin = req.headers.origin;
        if (origin && origin !== "null") {
          const host = req.headers.host;
          let sameOrigin = false;
          try {
            sameOrigin = new URL(origin).host === host || origin === config.publicUrl;
          } catch {
            sameOrigin = false;
          }
          if (!sameOrigin) {
            return sendAppError(
              req,
              reply,
              httpError(403, "cross_origin", {
                ja: "他のサイトからのリクエストは受け付けません",
                en: "Cross-origin requests are refused",
              }),
            );
          }
        }
      }
    }
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    // The deadline already answered (503); what the abandoned work threw later has no one to go to.
    if (reply.sent || reply.raw.headersSent) return reply;
    if (error instanceof AppError) return sendAppError(req, reply, error);
    if (error.validation) {
      const fields = zodIssuesToFields(error.validation, error.validationContext);
      return sendAppError(
        req,
        reply,
        new AppError(
          400,
          "validation_failed",
          { ja: "入力内容に誤りがあります", en: "Some fields are invalid" },
          fields,
        ),
      );
    }
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
      case "FST_REQ_FILE_TOO_LARGE":
      case "FST_FILES_LIMIT":
      case "FST_PARTS_LIMIT":
        return sendAppError(
          req,
          reply,
          httpError(413, "payload_too_large", {
            ja: "リクエストが大きすぎます",
            en: "The request is too large",
          }),
        );
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      case "FST_INVALID_MULTIPART_CONTENT_TYPE":
        return sendAppError(
          req,
          reply,
          httpError(415, "unsupported_media_type", {
            ja: "このリクエストの Content-Type には対応していません",
            en: "Unsupported Content-Type for this request",
          }),
        );
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
      case "FST_ERR_CTP_INVALID_JSON_BODY":
        return sendAppError(
          req,
          reply,
          httpError(400, "invalid_json", {
            ja: "リクエスト本文が空か不正です",
            en: "The request body is empty or invalid",
          }),
        );
      default:
        break;
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendAppError(
        req,
        reply,
        httpError(error.statusCode, "bad_request", {
          ja: `不正なリクエストです（${error.message}）`,
          en: error.message,
        }),
      );
    }
    req.log.error({ err: error }, "unhandled error");
    return sendAppError(
      req,
      reply,
      httpError(500, "internal", {
        ja: "サーバー内部でエラーが発生しました。管理者にお問い合わせください",
        en: "Internal server error. Please contact the administrator",
      }),
    );
  });

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await deps.registerRoutes(app);

  // The built web app; every non-API path gets index.html so client-side routes survive a reload.
  const indexFile = path.join(config.webDir, "index.html");
  const haveWeb = existsSync(indexFile);
  if (haveWeb) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      index: false,
      wildcard: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header("Cache-Control", "public, max-age=31536000, immutable");
        }
      },
    });
  }
  const indexHtml = haveWeb ? readFileSync(indexFile, "utf8") : undefined;
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api") || (req.method !== "GET" && req.method !== "HEAD")) {
      return sendAppError(
        req,
        reply,
        httpError(404, "not_found", {
          ja: "ページまたは API が見つかりません",
          en: "No such page or API route",
        }),
      );
    }
    reply.header("Cache-Control", "no-cache");
    if (indexHtml) return reply.type("text/html; charset=utf-8").send(indexHtml);
    return reply
      .type("text/html; charset=utf-8")
      .send(
        "<!doctype html><meta charset=utf-8><title>Sekimori</title><p>The web app is not built. Run <code>npm run build:web</code>.</p>",
      );
  });

  return app;
}
