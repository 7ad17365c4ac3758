import { z } from "zod";
import { actorOf, ROLE_GROUPS, sessionOf } from "../http/access.js";
import { type App, ErrorSchema, SESSION_COOKIE } from "../http/server.js";
import { ALL_ROLES, ROLE_LABELS } from "./auth-engine.js";
import type { AuthService } from "./auth-service.js";

const RoleSchema = z.enum(["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"]);
const LocaleSchema = z.enum(["ja", "en"]);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(RoleSchema),
  locale: LocaleSchema,
  department: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const SessionResponse = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  roles: z.array(z.object({ id: RoleSchema, ja: z.string(), en: z.string() })),
});

const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

const IdParams = z.object({ id: z.uuid() });

const NewUserBody = z.object({
  username: z.string().min(1).max(63),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  roles: z.array(RoleSchema).max(6),
  department: z.string().trim().max(200).nullable().optional(),
  locale: LocaleSchema.optional(),
  password: z.string().min(1).max(1000).optional(),
});

const UserPatchBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  roles: z.array(RoleSchema).max(6).optional(),
  department: z.string().trim().max(200).nullable().optional(),
  locale: LocaleSchema.optional(),
  disabled: z.boolean().optional(),
});

const roleList = () => ALL_ROLES.map((id) => ({ id, ...ROLE_LABELS[id] }));

/** Login, logout, the current session, and the admin pages' user management. */
export function registerAuthRoutes(
  app: App,
  {
    auth,
    cookie,
    loginRatePerMinute,
  }: { auth: AuthService; cookie: { secure: boolean; maxAgeSeconds: number }; loginRatePerMinute: number },
) {
  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: loginRatePerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "Log in with username and password; sets the session cookie",
        body: LoginBody,
        response: { 200: SessionResponse, 401: ErrorSchema, 423: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { token, csrfToken } = await auth.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers["user-agent"],
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: cookie.secure,
        maxAge: cookie.maxAgeSeconds,
      });
      const session = await auth.authenticate(token, req.ip);
      return { user: session!.user, csrfToken, roles: roleList() };
    },
  );

  app.get(
    "/api/auth/session",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "The logged-in user and the CSRF token",
        response: { 200: SessionResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const user = await auth.getUser(actor.id!);
      return { user, csrfToken: sessionOf(req).csrfToken, roles: roleList() };
    },
  );

  app.get(
    "/api/auth/whoami",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary:
          "The session if there is one, else `{ session: null }` — for the web app's first look (200, not 401, so a browser logs no error on the login page)",
        response: { 200: z.object({ session: SessionResponse.nullable() }) },
      },
    },
    async (req) => {
      if (!req.actor?.id || !req.sessionInfo) return { session: null };
      const user = await auth.getUser(req.actor.id);
      return { session: { user, csrfToken: sessionOf(req).csrfToken, roles: roleList() } };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "authenticated" }, schema: { tags: ["auth"], summary: "End this session" } },
    async (req, reply) => {
      await auth.logout(actorOf(req), sessionOf(req).id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    {
      config: { access: "authenticated" },
      schema: { tags: ["auth"], summary: "End every session of the logged-in user, on all devices" },
    },
    async (req, reply) => {
      await auth.logoutEverywhere(actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  app.put(
    "/api/auth/locale",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Remember the UI language for this user",
        body: z.object({ locale: LocaleSchema }),
      },
    },
    async (req, reply) => {
      await auth.setLocale(actorOf(req), req.body.locale);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Change one's own password (other sessions end)",
        body: PasswordBody,
      },
    },
    async (req, reply) => {
      await auth.changeOwnPassword(
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        sessionOf(req).id,
      );
      return reply.code(204).send();
    },
  );

  // — Admin: users and roles —
  const admin = { access: ROLE_GROUPS.admins };

  app.get(
    "/api/admin/users",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "All users",
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async () => ({ items: await auth.listUsers() }),
  );

  app.post(
    "/api/admin/users",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Create a user; a random password is returned once when none is given",
        body: NewUserBody,
        response: { 201: z.object({ user: UserSchema, password: z.string().optional() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await auth.createUser(actorOf(req), req.body)),
  );

  app.patch(
    "/api/admin/users/:id",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Change a user's name, e-mail, roles, department or disabled state",
        params: IdParams,
        body: UserPatchBody,
        response: { 200: UserSchema },
      },
    },
    async (req) => auth.updateUser(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/admin/users/:id/reset-password",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Set a new password (random when none given); ends the user's sessions",
        params: IdParams,
        body: z.object({ password: z.string().min(1).max(1000).optional() }),
        response: { 200: z.object({ password: z.string().optional() }) },
      },
    },
    async (req) => auth.resetPassword(actorOf(req), req.params.id, req.body.password),
  );

  app.post(
    "/api/admin/users/:id/unlock",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Lift a temporary lock-out",
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (req) => auth.unlockUser(actorOf(req), req.params.id),
  );

  app.post(
    "/api/admin/users/:id/logout-everywhere",
    {
      config: admin,
      schema: { tags: ["admin"], summary: "End every session of a user", params: IdParams },
    },
    async (req, reply) => {
      await auth.logoutEverywhere(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
