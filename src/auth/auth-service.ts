import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db } from "../db/database.js";
import type { Role, UserRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError, conflict, invalid, notFound } from "../shared/errors.js";
import {
  afterFailedLogin,
  isLocked,
  isSessionExpired,
  isValidUsername,
  type LockoutPolicy,
  passwordProblems,
  type SessionPolicy,
} from "./auth-engine.js";
import type { AuthRepo } from "./auth-repo.js";
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  locale: "ja" | "en";
  department: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SessionContext = { actor: Actor; sessionId: string; csrfToken: string; user: UserView };

export type NewUserInput = {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  roles: Role[];
  department?: string | null | undefined;
  locale?: "ja" | "en" | undefined;
  password?: string | undefined;
};

export type UserPatch = {
  displayName?: string | undefined;
  email?: string | null | undefined;
  roles?: Role[] | undefined;
  department?: string | null | undefined;
  locale?: "ja" | "en" | undefined;
  disabled?: boolean | undefined;
};

/** The opaque token's stored form: only a hash reaches the database. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: [...row.roles],
    locale: row.locale,
    department: row.department,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What audit rows show of a user: never the password hash. */
function auditView(row: UserRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = toView(row);
  return rest;
}

const INVALID_CREDENTIALS = () =>
  new AppError(401, "invalid_credentials", {
    ja: "ユーザー名またはパスワードが正しくありません",
    en: "Wrong username or password",
  });

function assertPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw invalid(problems.map((message) => ({ path: "password", message })));
  }
}

/**
 * Local accounts, roles and server-side sessions. A session is a random token held in an HttpOnly
 * cookie; the database stores only its SHA-256. Another login method (OIDC) only needs to call
 * `startSession` once it has found the user, so sessions do not change when it arrives.
 */
export function createAuthService(deps: {
  db: Db;
  repo: AuthRepo;
  audit: AuditWriter;
  session: SessionPolicy;
  lockout: LockoutPolicy;
  clock?: () => Date;
}) {
  const { db, repo, audit } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function startSession(
    user: UserRow,
    method: string,
    client: { ip?: string | undefined; userAgent?: string | undefined },
  ): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const now = clock();
    const sessionId = randomUUID();
    const actor: Actor = {
      id: user.id,
      label: user.username,
      roles: user.roles,
      locale: user.locale,
      ip: client.ip,
    };
    await db.transaction().execute(async (tx) => {
      await repo.insertSession(tx, {
        id: sessionId,
        token_hash: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        auth_method: method,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + deps.session.maxHours * 3_600_000),
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      });
      if (user.failed_login_count > 0 || user.locked_until) {
        await repo.updateUser(tx, user.id, { failed_login_count: 0, locked_until: null });
      }
      await audit.write(tx, actor, {
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        context: { method, sessionId },
      });
    });
    return { token, csrfToken };
  }

  async function login(input: {
    username: string;
    password: string;
    ip?: string | undefined;
    userAgent?: string | undefined;
  }): Promise<{ token: string; csrfToken: string }> {
    const user = await repo.findUserByUsername(db, input.username);
    if (!user?.password_hash || user.disabled_at) {
      await verifyAgainstDummy(input.password);
      throw INVALID_CREDENTIALS();
    }
    const now = clock();
    if (isLocked(user.locked_until ? new Date(user.locked_until) : null, now)) {
      await verifyAgainstDummy(input.password);
      throw new AppError(423, "account_locked", {
        ja: "ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから再度お試しください",
        en: "This account is temporarily locked after repeated failed logins. Try again later",
      });
    }
    const ok = await verifyPassword(user.password_hash, input.password);
    if (!ok) {
      const actor: Actor = {
        id: null,
        label: `login:${user.username}`,
        roles: [],
        locale: user.locale,
        ip: input.ip,
      };
      const locked = await db.transaction().execute(async (tx) => {
        const current = await repo.lockUserById(tx, user.id);
        if (!current) return false;
        const next = afterFailedLogin(current.failed_login_count, deps.lockout, now);
        await repo.updateUser(tx, user.id, {
          failed_login_count: next.failedCount,
          locked_until: next.lockedUntil,
        });
        await audit.write(tx, actor, {
          action: next.lockedUntil ? "auth.locked" : "auth.login_failed",
          entityType: "user",
          entityId: user.id,
          context: next.lockedUntil
            ? { lockedUntil: next.lockedUntil.toISOString() }
            : { failures: next.failedCount },
        });
        return next.lockedUntil !== null;
      });
      if (locked) {
        throw new AppError(423, "account_locked", {
          ja: "ログインの失敗が続いたため、このアカウントは一時的にロックされました",
          en: "Too many failed logins: this account is now temporarily locked",
        });
      }
      throw INVALID_CREDENTIALS();
    }
    return startSession(user, "password", { ip: input.ip, userAgent: input.userAgent });
  }

  /** Resolves a session token to its user, ending sessions that expired or whose user was disabled. */
  async function authenticate(token: string, ip?: string): Promise<SessionContext | null> {
    if (!token || token.length > 200) return null;
    const row = await repo.findSessionWithUser(db, hashToken(token));
    if (!row) return null;
    const now = clock();
    const lastSeenAt = new Date(row.last_seen_at);
    if (
      row.disabled_at ||
      isSessionExpired({ lastSeenAt, expiresAt: new Date(row.expires_at) }, deps.session, now)
    ) {
      await repo.deleteSession(db, row.session_id);
      return null;
    }
    // Refresh idle time at most once a minute, so reads do not turn into writes.
    if (now.getTime() - lastSeenAt.getTime() > 60_000) await repo.touchSession(db, row.session_id, now);
    return {
      actor: { id: row.user_id, label: row.username, roles: row.roles, locale: row.locale, ip },
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      // Built from the session's own query: every API request costs one lookup, not two.
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        email: row.email,
        roles: [...row.roles],
        locale: row.locale,
        department: row.department,
        disabled: row.disabled_at !== null,
        lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
        createdAt: new Date(row.user_created_at).toISOString(),
        updatedAt: new Date(row.user_updated_at).toISOString(),
      },
    };
  }

  async function logout(actor: Actor, sessionId: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await repo.deleteSession(tx, sessionId);
      await audit.write(tx, actor, {
        action: "auth.logout",
        entityType: "user",
        entityId: actor.id,
        context: { sessionId },
      });
    });
  }

  async function logoutEverywhere(actor: Actor, userId: string = actor.id ?? ""): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const n = await repo.deleteSessionsOfUser(tx, userId);
      await audit.write(tx, actor, {
        action: "auth.logout_everywhere",
        entityType: "user",
        entityId: userId,
        context: { sessionsEnded: n },
      });
      return n;
    });
  }

  async function changeOwnPassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    keepSessionId: string,
  ) {
    const user = actor.id ? await repo.findUserById(db, actor.id) : undefined;
    if (!user?.password_hash) throw notFound({ ja: "ユーザー", en: "User" });
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw invalid([
        {
          path: "currentPassword",
          message: { ja: "現在のパスワードが正しくありません", en: "Current password is wrong" },
        },
      ]);
    }
    assertPassword(newPassword, user.username);
    const hash = await hashPassword(newPassword);
    await db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, user.id, { password_hash: hash, password_changed_at: clock() });
      // Other sessions may belong to whoever knew the old password: end them.
      await tx
        .deleteFrom("sessions")
        .where("user_id", "=", user.id)
        .where("id", "<>", keepSessionId)
        .execute();
      await audit.write(tx, actor, {
        action: "user.password_changed",
        entityType: "user",
        entityId: user.id,
      });
    });
  }

  async function setLocale(actor: Actor, locale: "ja" | "en"): Promise<void> {
    if (!actor.id) return;
    const userId = actor.id;
    await db.transaction().execute(async (tx) => {
      const before = await repo.lockUserById(tx, userId);
      if (!before || before.locale === locale) return;
      await repo.updateUser(tx, userId, { locale });
      await audit.write(tx, actor, {
        action: "user.locale_changed",
        entityType: "user",
        entityId: userId,
        before: { locale: before.locale },
        after: { locale },
      });
    });
  }

  async function createUser(
    actor: Actor,
    input: NewUserInput,
  ): Promise<{ user: UserView; password?: string }> {
    if (!isValidUsername(input.username)) {
      throw invalid([
        {
          path: "username",
          message: {
            ja: "ユーザー名は英数字と . _ - で2〜63文字にしてください",
            en: "Username: 2–63 letters, digits, . _ or -",
          },
        },
      ]);
    }
    const generated = input.password === undefined ? generatePassword() : undefined;
    const password = input.password ?? generated!;
    assertPassword(password, input.username);
    const hash = await hashPassword(password);
    const id = randomUUID();
    const user = await db.transaction().execute(async (tx) => {
      if (await repo.findUserByUsername(tx, input.username)) {
        throw conflict("username_taken", {
          ja: `ユーザー名「${input.username}」は既に使われています`,
          en: `Username "${input.username}" is already taken`,
        });
      }
      await repo.insertUser(tx, {
        id,
        username: input.username,
        display_name: input.displayName,
        email: input.email ?? null,
        password_hash: hash,
        roles: [...new Set(input.roles)],
        locale: input.locale ?? "ja",
        department: input.department ?? null,
        locked_until: null,
        disabled_at: null,
        password_changed_at: clock(),
        external_issuer: null,
        external_subject: null,
      });
      const row = (await repo.findUserById(tx, id))!;
      await audit.write(tx, actor, {
        action: "user.created",
        entityType: "user",
        entityId: id,
        after: auditView(row),
      });
      return toView(row);
    });
    return generated ? { user, password: generated } : { user };
  }

  async function updateUser(actor: Actor, id: string, patch: UserPatch): Promise<UserView> {
    return db.transaction().execute(async (tx) => {
      const before = await repo.lockUserById(tx, id);
      if (!before) throw notFound({ ja: "ユーザー", en: "User" });
      const losesAdmin =
        (patch.roles !== undefined && !patch.roles.includes("admin")) || patch.disabled === true;
      if (losesAdmin && before.roles.includes("admin") && (await repo.countActiveAdmins(tx, id)) === 0) {
        throw conflict("last_admin", {
          ja: "最後の管理者から管理者権限を外す（または無効化する）ことはできません",
          en: "The last administrator cannot lose the admin role or be disabled",
        });
      }
      await repo.updateUser(tx, id, {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
        ...(patch.department !== undefined ? { department: patch.department } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.disabled !== undefined
          ? { disabled_at: patch.disabled ? (before.disabled_at ?? clock()) : null }
          : {}),
      });
      if (patch.disabled === true) await repo.deleteSessionsOfUser(tx, id);
      const after = (await repo.findUserById(tx, id))!;
      await audit.write(tx, actor, {
        action: "user.updated",
        entityType: "user",
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return toView(after);
    });
  }

  async function resetPassword(
    actor: Actor,
    id: string,
    newPassword?: string,
  ): Promise<{ password?: string }> {
    const user = await repo.findUserById(db, id);
    if (!user) throw notFound({ ja: "ユーザー", en: "User" });
    const generated = newPassword === undefined ? generatePassword() : undefined;
    const password = newPassword ?? generated!;
    assertPassword(password, user.username);
    const hash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, id, {
        password_hash: hash,
        password_changed_at: clock(),
        failed_login_count: 0,
        locked_until: null,
      });
      const ended = await repo.deleteSessionsOfUser(tx, id);
      await audit.write(tx, actor, {
        action: "user.password_reset",
        entityType: "user",
        entityId: id,
        context: { sessionsEnded: ended, generated: generated !== undefined },
      });
    });
    return generated ? { password: generated } : {};
  }

  async function unlockUser(actor: Actor, id: string): Promise<UserView> {
    return db.transaction().execute(async (tx) => {
      const before = await repo.lockUserById(tx, id);
      if (!before) throw notFound({ ja: "ユーザー", en: "User" });
      await repo.updateUser(tx, id, { failed_login_count: 0, locked_until: null });
      await audit.write(tx, actor, { action: "user.unlocked", entityType: "user", entityId: id });
      return toView((await repo.findUserById(tx, id))!);
    });
  }

  /** Creates the `admin` account on an empty database; returns the password when it was generated. */
  async function ensureInitialAdmin(
    actor: Actor,
    password?: string,
  ): Promise<{ created: boolean; username: string; password?: string }> {
    if ((await repo.countUsers(db)) > 0) return { created: false, username: "admin" };
    const result = await createUser(actor, {
      username: "admin",
      displayName: "管理者 / Administrator",
      roles: ["admin", "auditor"],
      ...(password !== undefined ? { password } : {}),
    });
    return { created: true, username: "admin", ...(result.password ? { password: result.password } : {}) };
  }

  async function getUser(id: string): Promise<UserView> {
    const row = await repo.findUserById(db, id);
    if (!row) throw notFound({ ja: "ユーザー", en: "User" });
    return toView(row);
  }

  async function findByUsername(username: string): Promise<UserView | undefined> {
    const row = await repo.findUserByUsername(db, username);
    return row ? toView(row) : undefined;
  }

  return {
    login,
    startSession,
    authenticate,
    logout,
    logoutEverywhere,
    changeOwnPassword,
    setLocale,
    createUser,
    updateUser,
    resetPassword,
    unlockUser,
    ensureInitialAdmin,
    getUser,
    findByUsername,
    listUsers: async () => (await repo.listUsers(db)).map(toView),
    purgeExpiredSessions: () => {
      const now = clock();
      return repo.deleteExpiredSessions(db, new Date(now.getTime() - deps.session.idleMinutes * 60_000), now);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
