import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, ROLE_GROUPS, sessionOf } from "../http/access.js";
import { type App, ErrorSchema, SESSION_COOKIE } from "../http/server.js";
import { ALL_ROLES, ROLE_LABELS } from "./auth-engine.js";
import { type AuthService, ThrottledError } from "./auth-service.js";

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
  scopeDepartments: z.array(z.string()),
  totpEnabled: z.boolean(),
  revealGrantedAt: z.string().nullable(),
});

const SecondFactorSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** True while the session may do nothing but set up the second factor. */
  enrolmentRequired: z.boolean(),
});

const SessionResponse = z.object({
  user: UserSchema,
  csrfToken: z.string(),
  roles: z.array(z.object({ id: RoleSchema, ja: z.string(), en: z.string() })),
  secondFactor: SecondFactorSchema,
});

const SecondFactorChallenge = z.object({
  secondFactorRequired: z.literal(true),
  challenge: z.string(),
  expiresAt: z.string(),
});

const CodeSchema = z.string().trim().min(1).max(40);

const RoleRequestSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  requestedBy: z.string(),
  rolesBefore: z.array(RoleSchema),
  rolesAfter: z.array(RoleSchema),
  added: z.array(RoleSchema),
  removed: z.array(RoleSchema),
  reason: z.string(),
  status: z.enum(["pending", "approved", "refused", "withdrawn"]),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  createdAt: z.string(),
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
  scopeDepartments: z.array(z.string().trim().max(200)).max(50).optional(),
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
  const sessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    });

  /** The session answer: the user, the CSRF token, the role names and the second-factor state. */
  async function sessionBody(token: string, ip: string) {
    const session = await auth.authenticate(token, ip);
    if (!session) throw new Error("a session just started could not be read back");
    return {
      user: session.user,
      csrfToken: session.csrfToken,
      roles: roleList(),
      secondFactor: {
        ...(await auth.secondFactorState(session.user.id)),
        enrolmentRequired: session.restriction === "mfa_enrolment",
      },
    };
  }

  /** Answers 429 with Retry-After when the client must wait (the same for every username). */
  async function throttled<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ThrottledError) reply.header("retry-after", String(error.retryAfterSeconds));
      throw error;
    }
  }

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        rateLimit: { max: loginRatePerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Log in with username and password: sets the session cookie, or asks for the second factor (TOTP)",
        body: LoginBody,
        response: {
          200: z.union([SessionResponse, SecondFactorChallenge]),
          401: ErrorSchema,
          429: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const outcome = await throttled(reply, () =>
        auth.login({
          username: req.body.username,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers["user-agent"],
        }),
      );
      if (outcome.kind === "second_factor") {
        return {
          secondFactorRequired: true as const,
          challenge: outcome.challenge,
          expiresAt: outcome.expiresAt,
        };
      }
      sessionCookie(reply, outcome.token);
      return sessionBody(outcome.token, req.ip);
    },
  );

  app.post(
    "/api/auth/login/second-factor",
    {
      config: {
        access: "public",
        rateLimit: { max: loginRatePerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Second step of a login: the 6-digit code from the authenticator app, or a one-time recovery code",
        body: z.object({ challenge: z.string().min(1).max(200), code: CodeSchema }),
        response: { 200: SessionResponse, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { token } = await throttled(reply, () =>
        auth.loginSecondFactor({
          challenge: req.body.challenge,
          code: req.body.code,
          ip: req.ip,
          userAgent: req.headers["user-agent"],
        }),
      );
      sessionCookie(reply, token);
      return sessionBody(token, req.ip);
    },
  );

  /** The logged-in user, CSRF token, roles and second-factor state (session and whoami answer the same). */
  async function currentSession(req: FastifyRequest) {
    const actor = actorOf(req);
    const user = await auth.getUser(actor.id!);
    const session = sessionOf(req);
    return {
      user,
      csrfToken: session.csrfToken,
      roles: roleList(),
      secondFactor: {
        ...(await auth.secondFactorState(user.id)),
        enrolmentRequired: session.restriction === "mfa_enrolment",
      },
    };
  }

  app.get(
    "/api/auth/session",
    {
      config: { access: "authenticated", allowDuringMfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "The logged-in user and the CSRF token",
        response: { 200: SessionResponse },
      },
    },
    async (req) => currentSession(req),
  );

  app.get(
    "/api/auth/whoami",
    {
      config: { access: "public", allowDuringMfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary:
          "The session if there is one, else `{ session: null }` — for the web app's first look (200, not 401, so a browser logs no error on the login page)",
        response: { 200: z.object({ session: SessionResponse.nullable() }) },
      },
    },
    async (req) => {
      if (!req.actor?.id || !req.sessionInfo) return { session: null };
      return { session: await currentSession(req) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "authenticated", allowDuringMfaEnrolment: true },
      schema: { tags: ["auth"], summary: "End this session" },
    },
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
      config: { access: "authenticated", allowDuringMfaEnrolment: true },
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

  // — Second factor (TOTP) of one's own account —
  const enrolment = { access: "authenticated" as const, allowDuringMfaEnrolment: true };

  app.post(
    "/api/auth/totp/setup",
    {
      config: enrolment,
      schema: {
        tags: ["auth"],
        summary:
          "Start setting up an authenticator app: a new secret with its otpauth:// URI and QR code (SVG). Replacing a working one needs its current code",
        body: z.object({ currentCode: CodeSchema.optional() }),
        response: { 200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }) },
      },
    },
    async (req) => auth.startTotpSetup(actorOf(req), req.body.currentCode),
  );

  app.post(
    "/api/auth/totp/confirm",
    {
      config: enrolment,
      schema: {
        tags: ["auth"],
        summary:
          "Confirm the authenticator app with a code it shows: two-step login is on, other sessions end, recovery codes are returned once",
        body: z.object({ code: CodeSchema }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req) => auth.confirmTotpSetup(actorOf(req), req.body.code, sessionOf(req).id),
  );

  app.post(
    "/api/auth/totp/recovery-codes",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "New recovery codes (the old ones stop working); needs a current code",
        body: z.object({ code: CodeSchema }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req) => auth.regenerateRecoveryCodes(actorOf(req), req.body.code),
  );

  app.post(
    "/api/auth/totp/disable",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["auth"],
        summary: "Switch two-step login off (not for roles that require it); needs the password and a code",
        body: z.object({ password: z.string().min(1).max(1000), code: CodeSchema }),
      },
    },
    async (req, reply) => {
      await auth.disableOwnTotp(actorOf(req), req.body.password, req.body.code);
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
    "/api/admin/users/:id/reset-totp",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary:
          "Remove another user's second factor (lost phone): their sessions end and they set it up again at the next login",
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (req) => auth.resetTotp(actorOf(req), req.params.id),
  );

  app.get(
    "/api/admin/role-requests",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Role-change requests of administrators (pending first)",
        response: { 200: z.object({ items: z.array(RoleRequestSchema) }) },
      },
    },
    async () => ({ items: await auth.listRoleRequests() }),
  );

  app.post(
    "/api/admin/role-requests",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary:
          "Ask for a change of one's own roles; another administrator must approve it (the other administrators get a task and an e-mail)",
        body: z.object({ roles: z.array(RoleSchema).max(6), reason: z.string().max(2000) }),
        response: { 201: RoleRequestSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await auth.requestOwnRoles(actorOf(req), req.body.roles, req.body.reason)),
  );

  for (const decision of ["approve", "refuse"] as const) {
    app.post(
      `/api/admin/role-requests/:id/${decision}`,
      {
        config: admin,
        schema: {
          tags: ["admin"],
          summary:
            decision === "approve"
              ? "Approve (apply) another administrator's role-change request"
              : "Refuse a role-change request (the requester withdraws their own)",
          params: IdParams,
          body: z.object({ comment: z.string().max(2000).nullable().optional() }),
          response: { 200: RoleRequestSchema },
        },
      },
      async (req) => auth.decideRoleRequest(actorOf(req), req.params.id, decision, req.body.comment ?? null),
    );
  }

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
