import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { Role, UserRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError, type Bilingual, conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import type { TasksService } from "../tasks/tasks-service.js";
import {
  afterFailedLogin,
  isSessionExpired,
  isValidUsername,
  type LockoutPolicy,
  mustUseSecondFactor,
  passwordProblems,
  type SessionPolicy,
  secondsToWait,
  THROTTLE_MEMORY_HOURS,
  throttleKey,
} from "./auth-engine.js";
import type { AuthRepo } from "./auth-repo.js";
import {
  ARGON2_CHECKER,
  generatePassword,
  hashPassword,
  type PasswordChecker,
  verifyPassword,
} from "./password.js";
import {
  grantsRevealRights,
  needsSecondAdmin,
  REVEAL_ROLES,
  revealHoldUntil,
  roleDiff,
  unitScopeOf,
} from "./separation-of-duties-engine.js";
import { createSessionCache, sessionsChanged } from "./session-cache.js";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpQrSvg,
  totpUri,
  verifyTotp,
} from "./totp.js";

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
  /** Departments a unit officer acts for (empty: their own department). */
  scopeDepartments: string[];
  /** The TOTP second factor is set up. */
  totpEnabled: boolean;
  /** When reveal rights (secretariat) were last granted through the web, or null. */
  revealGrantedAt: string | null;
};

/** What the web app needs to know about the second factor of the logged-in user. */
export type SecondFactorState = { enabled: boolean; required: boolean; recoveryCodesLeft: number };

export type SessionContext = {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  user: UserView;
  /** The user must set up the second factor before doing anything else. */
  restriction?: "mfa_enrolment" | undefined;
};

/** A login either opens a session or asks for the second factor. */
export type LoginOutcome =
  | { kind: "session"; token: string; csrfToken: string }
  | { kind: "second_factor"; challenge: string; expiresAt: string };

export type RoleRequestView = {
  id: string;
  userId: string;
  username: string;
  requestedBy: string;
  rolesBefore: Role[];
  rolesAfter: Role[];
  added: Role[];
  removed: Role[];
  reason: string;
  status: "pending" | "approved" | "refused" | "withdrawn";
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  createdAt: string;
};

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
  scopeDepartments?: string[] | undefined;
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
    scopeDepartments: [...(row.scope_departments ?? [])],
    totpEnabled: row.totp_enabled_at !== null && row.totp_enabled_at !== undefined,
    revealGrantedAt: row.reveal_granted_at ? new Date(row.reveal_granted_at).toISOString() : null,
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

/** The one answer to a client that must wait: the same for known and unknown usernames. */
export class ThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(seconds: number) {
    super(429, "login_throttled", {
      ja: `ログインの失敗が続いたため、この端末からは ${seconds} 秒後まで再試行できません`,
      en: `Too many failed logins from this device: try again in ${seconds} seconds`,
    });
    this.retryAfterSeconds = seconds;
  }
}

const INVALID_CODE = () =>
  new AppError(401, "invalid_second_factor", {
    ja: "確認コードが正しくありません（認証アプリの6桁のコード、または回復コードを入力してください）",
    en: "Wrong code (enter the 6-digit code from your authenticator app, or a recovery code)",
  });

const CHALLENGE_GONE = () =>
  new AppError(401, "login_expired", {
    ja: "ログインの有効期限が切れました。もう一度ユーザー名とパスワードからログインしてください",
    en: "This login has expired. Log in again with your username and password",
  });

/** Tries allowed per second-factor challenge, and how long a challenge lives. */
const CHALLENGE_ATTEMPTS = 5;
const CHALLENGE_MINUTES = 5;

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
  /** Roles whose local accounts must use the TOTP second factor. */
  mfaRequiredFor?: readonly Role[] | undefined;
  /** Hours before reveal rights granted through the web can be used (0: at once). */
  revealHoldHours?: number | undefined;
  /** Tells other administrators about sensitive changes (task + e-mail). */
  tasks?: Pick<TasksService, "open" | "notify" | "closeFor"> | undefined;
  /** Password checking at login (argon2; a test swaps in a constant-cost one to time the rest). */
  passwords?: PasswordChecker | undefined;
  /** False for usernames that must sign in through SSO (local passwords off except break-glass). */
  passwordLoginAllowed?: ((username: string) => boolean) | undefined;
  /**
   * How long a session lookup is reused, in ms (default 2000; 0: every request asks the database).
   * Revocations in this process apply at once; another process's after at most this long.
   */
  sessionCacheMs?: number | undefined;
  clock?: () => Date;
}) {
  const passwords = deps.passwords ?? ARGON2_CHECKER;
  const { db, repo, audit } = deps;
  const clock = deps.clock ?? (() => new Date());
  const mfaRequiredFor = deps.mfaRequiredFor ?? [];
  const revealHoldHours = deps.revealHoldHours ?? 0;

  function requiresSecondFactor(user: UserRow): boolean {
    return mustUseSecondFactor({ roles: user.roles, passwordHash: user.password_hash }, mfaRequiredFor);
  }

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

  /**
   * Counts one failed attempt (password or second factor) for this username and client, for unknown
   * usernames exactly as for real ones — the same queries, the same audit row — so neither the
   * answer nor its timing tells whether an account exists. Returns the wait now imposed (0: none).
   */
  async function recordFailure(
    username: string,
    client: string,
    user: UserRow | undefined,
    what: "password" | "second_factor",
    locale: "ja" | "en",
  ): Promise<number> {
    const now = clock();
    const key = throttleKey(username, client);
    return db.transaction().execute(async (tx) => {
      const current = await repo.lockThrottle(tx, key);
      const next = afterFailedLogin(
        current ? { failures: current.failures, lastFailureAt: new Date(current.last_failure_at) } : null,
        deps.lockout,
        now,
      );
      await repo.saveThrottle(tx, {
        key,
        username: username.toLowerCase(),
        client,
        failures: next.failures,
        blocked_until: next.blockedUntil,
        last_failure_at: now,
      });
      const actor: Actor = {
        id: null,
        label: user ? `login:${user.username}` : "login:(unknown user)",
        roles: [],
        locale,
        ip: client,
      };
      await audit.write(tx, actor, {
        action: next.blockedUntil ? "auth.throttled" : "auth.login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        context: {
          what,
          failures: next.failures,
          ...(next.blockedUntil ? { blockedUntil: next.blockedUntil.toISOString() } : {}),
          ...(user ? {} : { unknownUser: true }),
        },
      });
      return secondsToWait(next.blockedUntil, now);
    });
  }

  /**
   * Checks a username and password. Unknown users, disabled users, wrong passwords and clients that
   * must wait all take the same path (one argon2 verification, the same queries) and get the same
   * answers: 401 `invalid_credentials`, or 429 `login_throttled` with the wait — per client address
   * and username, so an attacker elsewhere cannot lock anybody out. A right password opens a
   * session, or asks for the TOTP code when the account has one.
   */
  async function login(input: {
    username: string;
    password: string;
    ip?: string | undefined;
    userAgent?: string | undefined;
  }): Promise<LoginOutcome> {
    const now = clock();
    const client = input.ip ?? "unknown";
    if (deps.passwordLoginAllowed && !deps.passwordLoginAllowed(input.username)) {
      // Decided from the username and the configuration alone: it tells nothing about accounts.
      await db.transaction().execute((tx) =>
        audit.write(
          tx,
          { id: null, label: `login:${input.username.slice(0, 100)}`, roles: [], locale: "ja", ip: client },
          {
            action: "auth.password_login_refused",
            entityType: "user",
            entityId: null,
            context: { reason: "sso_only" },
          },
        ),
      );
      throw new AppError(403, "password_login_disabled", {
        ja: "このシステムではパスワードによるログインは無効です。シングルサインオンでサインインしてください",
        en: "Password login is switched off here. Sign in with single sign-on",
      });
    }
    const key = throttleKey(input.username, client);
    const found = await repo.findUserByUsername(db, input.username);
    const throttle = await repo.findThrottle(db, key);
    const user = found?.password_hash && !found.disabled_at ? found : undefined;
    const wait = secondsToWait(throttle?.blocked_until ? new Date(throttle.blocked_until) : null, now);
    if (wait > 0) {
      await passwords.verifyDummy(input.password);
      throw new ThrottledError(wait);
    }
    let ok = false;
    if (user) ok = await passwords.verify(user.password_hash!, input.password);
    else await passwords.verifyDummy(input.password);
    if (!ok || !user) {
      const waitNow = await recordFailure(input.username, client, found, "password", found?.locale ?? "ja");
      if (waitNow > 0) throw new ThrottledError(waitNow);
      throw INVALID_CREDENTIALS();
    }
    if (throttle) await repo.clearThrottle(db, key);
    if (user.totp_enabled_at && user.totp_secret) {
      const challenge = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
      await db.transaction().execute(async (tx) => {
        await repo.insertChallenge(tx, {
          id: randomUUID(),
          token_hash: hashToken(challenge),
          user_id: user.id,
          client,
          expires_at: expiresAt,
        });
        await audit.write(
          tx,
          { id: user.id, label: user.username, roles: user.roles, locale: user.locale, ip: client },
          {
            action: "auth.password_accepted",
            entityType: "user",
            entityId: user.id,
            context: { next: "totp" },
          },
        );
      });
      return { kind: "second_factor", challenge, expiresAt: expiresAt.toISOString() };
    }
    const session = await startSession(user, "password", { ip: input.ip, userAgent: input.userAgent });
    return { kind: "session", ...session };
  }

  /**
   * The second step of a login: a TOTP code (or a one-time recovery code) for a challenge handed out
   * after the right password. Wrong codes count towards the same per-client throttle as passwords.
   */
  async function loginSecondFactor(input: {
    challenge: string;
    code: string;
    ip?: string | undefined;
    userAgent?: string | undefined;
  }): Promise<{ token: string; csrfToken: string; usedRecoveryCode: boolean }> {
    const now = clock();
    const client = input.ip ?? "unknown";
    const checked = await db.transaction().execute(async (tx) => {
      const challenge = await repo.lockChallenge(tx, hashToken(input.challenge));
      if (!challenge || new Date(challenge.expires_at).getTime() <= now.getTime())
        return { kind: "gone" } as const;
      if (challenge.attempts >= CHALLENGE_ATTEMPTS) {
        await repo.deleteChallenge(tx, challenge.id);
        return { kind: "gone" } as const;
      }
      const user = await repo.lockUserById(tx, challenge.user_id);
      if (!user || user.disabled_at || !user.totp_secret || !user.totp_enabled_at) {
        await repo.deleteChallenge(tx, challenge.id);
        return { kind: "gone" } as const;
      }
      const throttle = await repo.findThrottle(tx, throttleKey(user.username, client));
      const wait = secondsToWait(throttle?.blocked_until ? new Date(throttle.blocked_until) : null, now);
      if (wait > 0) return { kind: "wait", wait, user } as const;
      let ok = false;
      let recovery = false;
      if (looksLikeRecoveryCode(input.code)) {
        recovery = true;
        ok = await repo.consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.code), now);
      } else {
        const step = verifyTotp(user.totp_secret, input.code, now, user.totp_last_step ?? null);
        if (step !== null) {
          ok = true;
          await repo.updateUser(tx, user.id, { totp_last_step: step });
        }
      }
      if (!ok) {
        await repo.bumpChallenge(tx, challenge.id);
        return { kind: "failed", user } as const;
      }
      await repo.deleteChallenge(tx, challenge.id);
      if (recovery) {
        const left = await repo.unusedRecoveryCodes(tx, user.id);
        await audit.write(
          tx,
          { id: user.id, label: user.username, roles: user.roles, locale: user.locale, ip: client },
          {
            action: "auth.recovery_code_used",
            entityType: "user",
            entityId: user.id,
            context: { recoveryCodesLeft: left },
          },
        );
      }
      return { kind: "ok", user, recovery } as const;
    });
    if (checked.kind === "gone") throw CHALLENGE_GONE();
    if (checked.kind === "wait") throw new ThrottledError(checked.wait);
    if (checked.kind === "failed") {
      const wait = await recordFailure(
        checked.user.username,
        client,
        checked.user,
        "second_factor",
        checked.user.locale,
      );
      if (wait > 0) throw new ThrottledError(wait);
      throw INVALID_CODE();
    }
    await repo.clearThrottle(db, throttleKey(checked.user.username, client));
    const session = await startSession(
      checked.user,
      checked.recovery ? "password+recovery_code" : "password+totp",
      {
        ip: input.ip,
        userAgent: input.userAgent,
      },
    );
    return { ...session, usedRecoveryCode: checked.recovery };
  }

  type FoundSession = NonNullable<Awaited<ReturnType<AuthRepo["findSessionWithUser"]>>>;
  const sessionCache = createSessionCache<FoundSession>({ ttlMs: deps.sessionCacheMs ?? 2_000 });
  const unitScopeCache = createSessionCache<{ scope: readonly string[] | null }>({
    ttlMs: deps.sessionCacheMs ?? 2_000,
  });

  /**
   * Resolves a session token to its user, ending sessions that expired or whose user was disabled.
   * A lookup made in the last two seconds is reused (session-cache.ts: revocations in this process
   * empty it at once; expiry is still checked on every request against the cached times).
   */
  async function authenticate(token: string, ip?: string): Promise<SessionContext | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const now = clock();
    const cached = sessionCache.get(tokenHash);
    if (cached) {
      if (
        !cached.user.disabled_at &&
        !isSessionExpired(
          { lastSeenAt: cached.session.lastSeenAt, expiresAt: cached.session.expiresAt },
          deps.session,
          now,
        )
      ) {
        return sessionContext(cached, now, ip);
      }
      // looks ended: the database decides (and deletes it)
      sessionCache.forget(tokenHash);
    }
    const found = await lookUpSession(tokenHash);
    if (!found) return null;
    const { session, user } = found;
    if (
      user.disabled_at ||
      isSessionExpired({ lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt }, deps.session, now)
    ) {
      await repo.deleteSession(db, session.id);
      return null;
    }
    return sessionContext(found, now, ip);
  }

  /** Lookups running now, by token hash, with the cache epoch each began in. */
  const lookups = new Map<string, { begun: number; found: Promise<FoundSession | undefined> }>();

  /**
   * Asks the database for a session, sharing one query among concurrent requests with the same
   * token (when the cached entry expires under load, every queued request would otherwise ask at
   * once). A request never joins a lookup that began before a revocation; the answer is cached
   * unless a change happened meanwhile (session-cache.ts).
   */
  async function lookUpSession(tokenHash: string): Promise<FoundSession | undefined> {
    const begun = sessionCache.begin();
    const running = lookups.get(tokenHash);
    if (running && running.begun === begun && sessionCache.enabled) return running.found;
    const found = repo.findSessionWithUser(db, tokenHash).then((row) => {
      if (row && !row.user.disabled_at) sessionCache.put(tokenHash, row, begun);
      return row;
    });
    const entry = { begun, found };
    lookups.set(tokenHash, entry);
    try {
      return await found;
    } finally {
      if (lookups.get(tokenHash) === entry) lookups.delete(tokenHash);
    }
  }

  async function sessionContext(
    { session, user }: FoundSession,
    now: Date,
    ip: string | undefined,
  ): Promise<SessionContext> {
    // Refresh idle time at most once a minute, so reads do not turn into writes.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      session.lastSeenAt = now;
      await repo.touchSession(db, session.id, now);
    }
    const restricted = requiresSecondFactor(user) && !user.totp_enabled_at;
    return {
      // a copy: the row may be cached and shared by concurrent requests
      actor: { id: user.id, label: user.username, roles: [...user.roles], locale: user.locale, ip },
      sessionId: session.id,
      csrfToken: session.csrfToken,
      // Built from the session's own query: every API request costs one lookup, not two.
      user: toView(user),
      ...(restricted ? { restriction: "mfa_enrolment" as const } : {}),
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
      sessionsChanged();
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
      const created = (await repo.findUserById(tx, id))!;
      await audit.write(tx, actor, {
        action: "user.created",
        entityType: "user",
        entityId: id,
        after: auditView(created),
      });
      await afterRoleChange(tx, actor, created, [], created.roles);
      return toView((await repo.findUserById(tx, id))!);
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
      if (patch.roles !== undefined && needsSecondAdmin(actor.id, id, before.roles, patch.roles)) {
        throw conflict("second_admin_required", {
          ja: "自分自身の権限の変更には、別の管理者の承認が必要です。「権限変更の申請」から申請してください",
          en: "Changing your own roles needs a second administrator: file a role-change request instead",
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
        ...(patch.scopeDepartments !== undefined
          ? {
              scope_departments: [
                ...new Set(patch.scopeDepartments.map((d) => d.normalize("NFKC").trim()).filter(Boolean)),
              ],
            }
          : {}),
      });
      if (patch.disabled === true) await repo.deleteSessionsOfUser(tx, id);
      if (patch.roles !== undefined) await afterRoleChange(tx, actor, before, before.roles, patch.roles);
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

  /** People to tell about a sensitive change: every other active administrator (task + e-mail). */
  async function tellOtherAdmins(
    tx: Executor,
    actor: Actor,
    except: (string | null)[],
    message: {
      kind: string;
      title: Bilingual;
      detail: Bilingual;
      link: string;
      entityId: string;
      dedupe: string;
    },
  ): Promise<number> {
    if (!deps.tasks) return 0;
    const admins = await repo.otherAdmins(
      tx,
      except.filter((x): x is string => x !== null),
    );
    for (const admin of admins) {
      await deps.tasks.open(tx, actor, {
        kind: message.kind,
        title: message.title,
        detail: message.detail,
        link: message.link,
        entityType: "user",
        entityId: message.entityId,
        assignee: { userId: admin.id },
        dedupeKey: `${message.dedupe}:${admin.id}`,
        email: true,
      });
    }
    return admins.length;
  }

  /**
   * After a user's roles changed: reveal rights (secretariat) granted now are flagged in the audit
   * log, told to the other administrators, and — when granted through the web by an administrator —
   * held back for the configured hours before they can reveal anyone.
   */
  async function afterRoleChange(
    tx: Executor,
    actor: Actor,
    target: UserRow,
    before: readonly Role[],
    after: readonly Role[],
  ): Promise<void> {
    const { added } = roleDiff(before, after);
    const now = clock();
    if (grantsRevealRights(before, after)) {
      const grantedAt = actor.id !== null ? now : null;
      await repo.updateUser(tx, target.id, { reveal_granted_at: grantedAt, reveal_granted_by: actor.id });
      const holdUntil = revealHoldUntil(grantedAt, revealHoldHours, now);
      // Grants from the command line (break-glass, by whoever runs the server) are audited only.
      const told =
        actor.id === null
          ? 0
          : await tellOtherAdmins(tx, actor, [actor.id, target.id], {
              kind: "user.reveal_rights_granted",
              title: {
                ja: `本人特定（内部不正リスク）の権限付与: ${target.username}（付与者 ${actor.label}）`,
                en: `Reveal rights (insider risk) granted: ${target.username} (by ${actor.label})`,
              },
              detail: {
                ja: `${target.username} に事務局の権限が付与され、内部不正リスクの仮名を本人特定できるようになりました。${holdUntil ? `${holdUntil.toISOString()} までは本人特定できません。` : ""}意図した変更か確認してください`,
                en: `${target.username} was given the secretariat role and can reveal who is behind insider-risk pseudonyms.${holdUntil ? ` Reveals are held back until ${holdUntil.toISOString()}.` : ""} Check that this change was intended`,
              },
              link: "/admin",
              entityId: target.id,
              dedupe: `reveal-grant:${target.id}`,
            });
      await audit.write(tx, actor, {
        action: "user.reveal_rights_granted",
        entityType: "user",
        entityId: target.id,
        context: {
          flagged: "recent_reveal_rights",
          roles: [...after],
          grantedBy: actor.label,
          holdUntil: holdUntil?.toISOString() ?? null,
          adminsTold: told,
        },
      });
    } else if (!after.some((r) => REVEAL_ROLES.includes(r)) && before.some((r) => REVEAL_ROLES.includes(r))) {
      await repo.updateUser(tx, target.id, { reveal_granted_at: null, reveal_granted_by: null });
    }
    if (added.includes("admin") && actor.id !== null && !grantsRevealRights(before, after)) {
      await tellOtherAdmins(tx, actor, [actor.id, target.id], {
        kind: "user.admin_granted",
        title: {
          ja: `管理者権限の付与: ${target.username}（付与者 ${actor.label}）`,
          en: `Administrator role granted: ${target.username} (by ${actor.label})`,
        },
        detail: {
          ja: "意図した変更か確認してください",
          en: "Check that this change was intended",
        },
        link: "/admin",
        entityId: target.id,
        dedupe: `admin-grant:${target.id}`,
      });
    }
  }

  function roleRequestView(r: Awaited<ReturnType<AuthRepo["listRoleRequests"]>>[number]): RoleRequestView {
    const { added, removed } = roleDiff(r.roles_before, r.roles_after);
    return {
      id: r.id,
      userId: r.user_id,
      username: r.username,
      requestedBy: r.requested_by_name,
      rolesBefore: [...r.roles_before],
      rolesAfter: [...r.roles_after],
      added,
      removed,
      reason: r.reason,
      status: r.status,
      decidedBy: r.decided_by_name ?? null,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      decisionComment: r.decision_comment,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  async function roleRequestById(exec: Executor, id: string): Promise<RoleRequestView> {
    const found = (await repo.listRoleRequests(exec, 1000)).find((r) => r.id === id);
    if (!found) throw notFound({ ja: "権限変更の申請", en: "Role-change request" });
    return roleRequestView(found);
  }

  /**
   * An administrator asks for a change of their own roles. It takes effect only when another
   * administrator approves it; every other administrator gets a task and an e-mail.
   */
  async function requestOwnRoles(actor: Actor, roles: Role[], reason: string): Promise<RoleRequestView> {
    if (!actor.id) throw forbidden();
    const why = reason.normalize("NFC").trim();
    if (!why)
      throw invalid([{ path: "reason", message: { ja: "理由を入力してください", en: "Enter the reason" } }]);
    const userId = actor.id;
    return db.transaction().execute(async (tx) => {
      const me = await repo.lockUserById(tx, userId);
      if (!me) throw notFound({ ja: "ユーザー", en: "User" });
      const wanted = [...new Set(roles)].sort();
      const { added, removed } = roleDiff(me.roles, wanted);
      if (added.length + removed.length === 0)
        throw invalid([
          { path: "roles", message: { ja: "権限が変わりません", en: "The roles would not change" } },
        ]);
      if (await repo.pendingRoleRequestOf(tx, userId))
        throw conflict("role_request_pending", {
          ja: "未処理の権限変更の申請が既にあります",
          en: "A role-change request is already waiting",
        });
      if ((await repo.otherAdmins(tx, [userId])).length === 0)
        throw conflict("no_second_admin", {
          ja: "承認できる別の管理者がいません。サーバー上のコマンド（sekimori user set-roles）で変更してください",
          en: "There is no other administrator to approve it; change the roles with the server's command line (sekimori user set-roles)",
        });
      const id = randomUUID();
      await repo.insertRoleRequest(tx, {
        id,
        user_id: userId,
        requested_by: userId,
        roles_before: [...me.roles],
        roles_after: wanted,
        reason: why,
      });
      await tellOtherAdmins(tx, actor, [userId], {
        kind: "user.role_request",
        title: {
          ja: `権限変更の承認依頼: ${me.username}（追加: ${added.join(", ") || "なし"} / 削除: ${removed.join(", ") || "なし"}）`,
          en: `Role change to approve: ${me.username} (add: ${added.join(", ") || "none"} / remove: ${removed.join(", ") || "none"})`,
        },
        detail: { ja: `理由: ${why}`, en: `Reason: ${why}` },
        link: "/admin/roleRequests",
        entityId: userId,
        dedupe: `role-request:${id}`,
      });
      await audit.write(tx, actor, {
        action: "user.role_change_requested",
        entityType: "user",
        entityId: userId,
        before: { roles: [...me.roles] },
        after: { roles: wanted },
        context: { requestId: id, reason: why },
      });
      return roleRequestById(tx, id);
    });
  }

  /** Another administrator approves (applies) or refuses a pending request; the requester may withdraw it. */
  async function decideRoleRequest(
    actor: Actor,
    id: string,
    decision: "approve" | "refuse",
    comment: string | null,
  ): Promise<RoleRequestView> {
    if (!actor.id) throw forbidden();
    const actorId = actor.id;
    return db.transaction().execute(async (tx) => {
      const request = await repo.lockRoleRequest(tx, id);
      if (!request) throw notFound({ ja: "権限変更の申請", en: "Role-change request" });
      if (request.status !== "pending")
        throw conflict("role_request_decided", {
          ja: "この申請は既に処理されています",
          en: "This request has already been decided",
        });
      const own = request.requested_by === actorId || request.user_id === actorId;
      if (own && decision === "approve")
        throw forbidden({
          ja: "自分の権限変更の申請は、別の管理者しか承認できません",
          en: "Only another administrator can approve a change of your own roles",
        });
      const now = clock();
      const status = own ? "withdrawn" : decision === "approve" ? "approved" : "refused";
      if (status === "approved") {
        const target = await repo.lockUserById(tx, request.user_id);
        if (!target) throw notFound({ ja: "ユーザー", en: "User" });
        if ([...target.roles].sort().join(",") !== [...request.roles_before].sort().join(","))
          throw conflict("role_request_stale", {
            ja: "申請後に権限が変わっています。申請を却下し、改めて申請してください",
            en: "The roles changed since the request was made; refuse it and request again",
          });
        if (
          !request.roles_after.includes("admin") &&
          target.roles.includes("admin") &&
          (await repo.countActiveAdmins(tx, target.id)) === 0
        )
          throw conflict("last_admin", {
            ja: "最後の管理者から管理者権限を外すことはできません",
            en: "The last administrator cannot lose the admin role",
          });
        await repo.updateUser(tx, target.id, { roles: [...request.roles_after] });
        await afterRoleChange(tx, actor, target, target.roles, request.roles_after);
        const after = (await repo.findUserById(tx, target.id))!;
        await audit.write(tx, actor, {
          action: "user.updated",
          entityType: "user",
          entityId: target.id,
          before: auditView(target),
          after: auditView(after),
          context: { roleRequestId: id, requestedBy: request.requested_by },
        });
      }
      await repo.decideRoleRequest(tx, id, {
        status,
        by: actorId,
        at: now,
        comment: comment?.trim() || null,
      });
      if (deps.tasks) {
        await deps.tasks.closeFor(tx, actor, {
          entityType: "user",
          entityId: request.user_id,
          kind: "user.role_request",
        });
        if (!own)
          await deps.tasks.notify(
            tx,
            { userIds: [request.requested_by] },
            {
              kind: `user.role_request_${status}`,
              subject:
                status === "approved"
                  ? { ja: "権限変更の申請が承認されました", en: "Your role-change request was approved" }
                  : { ja: "権限変更の申請が却下されました", en: "Your role-change request was refused" },
              body: {
                ja: `${actor.label} が処理しました。${comment?.trim() ? `コメント: ${comment.trim()}` : ""}`,
                en: `Decided by ${actor.label}.${comment?.trim() ? ` Comment: ${comment.trim()}` : ""}`,
              },
            },
          );
      }
      await audit.write(tx, actor, {
        action: `user.role_request_${status}`,
        entityType: "user",
        entityId: request.user_id,
        before: { roles: [...request.roles_before] },
        after: { roles: [...request.roles_after] },
        context: { requestId: id, comment: comment?.trim() || null },
      });
      return roleRequestById(tx, id);
    });
  }

  /**
   * Called before an insider-risk identity is revealed: reveal rights granted through the web less
   * than the configured hours ago are refused (and the refused attempt audited), so the other
   * administrators, who were told of the grant, have time to react. Returns what the reveal's audit
   * row should say about the rights.
   */
  async function revealCheck(
    actor: Actor,
  ): Promise<{ revealRightsGrantedAt: string | null; revealRightsGrantedBy: string | null }> {
    if (!actor.id) return { revealRightsGrantedAt: null, revealRightsGrantedBy: null };
    const user = await repo.findUserById(db, actor.id);
    if (!user) throw forbidden();
    const grantedAt = user.reveal_granted_at ? new Date(user.reveal_granted_at) : null;
    const hold = revealHoldUntil(grantedAt, revealHoldHours, clock());
    if (hold) {
      await db.transaction().execute(async (tx) => {
        await audit.write(tx, actor, {
          action: "insider.reveal_refused",
          entityType: "user",
          entityId: user.id,
          context: {
            flagged: "recent_reveal_rights",
            grantedAt: grantedAt!.toISOString(),
            holdUntil: hold.toISOString(),
          },
        });
      });
      throw new AppError(403, "reveal_rights_too_recent", {
        ja: `本人特定の権限は付与されたばかりです（${grantedAt!.toISOString()}）。${hold.toISOString()} 以降に本人特定できます`,
        en: `Your reveal rights were granted recently (${grantedAt!.toISOString()}); you can reveal identities from ${hold.toISOString()}`,
      });
    }
    return {
      revealRightsGrantedAt: grantedAt?.toISOString() ?? null,
      revealRightsGrantedBy: user.reveal_granted_by,
    };
  }

  /**
   * The departments this user acts for as a unit officer (null: institution-wide), asked by every list and object check of reviews (issue 11 §6: the
   * reviews list read the user row again on each request). Cached by user id exactly like sessions
   * (session-cache.ts): every write to `users` empties it, other processes' changes apply within the
   * session cache's TTL, and `SEKIMORI_SESSION_CACHE_MS=0` turns both off.
   */
  async function unitScopeFor(actor: Actor): Promise<string[] | null> {
    if (!actor.id) return null;
    const cached = unitScopeCache.get(actor.id);
    if (cached) return cached.scope && [...cached.scope];
    const begun = unitScopeCache.begin();
    const user = await repo.findUserById(db, actor.id);
    if (!user) return [];
    const scope = unitScopeOf({
      department: user.department,
      scopeDepartments: user.scope_departments ?? [],
    });
    unitScopeCache.put(actor.id, { scope: scope && [...scope] }, begun);
    return scope;
  }

  // — TOTP second factor (own account) —

  async function secondFactorState(userId: string): Promise<SecondFactorState> {
    const user = await repo.findUserById(db, userId);
    if (!user) throw notFound({ ja: "ユーザー", en: "User" });
    return {
      enabled: user.totp_enabled_at !== null,
      required: requiresSecondFactor(user),
      recoveryCodesLeft: user.totp_enabled_at ? await repo.unusedRecoveryCodes(db, userId) : 0,
    };
  }

  /** Checks a TOTP or recovery code of an enrolled user inside `tx`, consuming it. */
  async function consumeOwnCode(tx: Executor, user: UserRow, code: string, now: Date): Promise<boolean> {
    if (!user.totp_secret) return false;
    if (looksLikeRecoveryCode(code))
      return repo.consumeRecoveryCode(tx, user.id, hashRecoveryCode(code), now);
    const step = verifyTotp(user.totp_secret, code, now, user.totp_last_step ?? null);
    if (step === null) return false;
    await repo.updateUser(tx, user.id, { totp_last_step: step });
    return true;
  }

  const WRONG_OWN_CODE = () =>
    invalid([
      {
        path: "code",
        message: { ja: "確認コードが正しくありません", en: "The code is wrong" },
      },
    ]);

  /**
   * Starts (or restarts) setting up the authenticator app: a new secret, shown as a QR code drawn on
   * the server. Replacing a working second factor needs one of its codes.
   */
  async function startTotpSetup(
    actor: Actor,
    currentCode?: string | undefined,
  ): Promise<{ secret: string; uri: string; qrSvg: string }> {
    if (!actor.id) throw forbidden();
    const userId = actor.id;
    const secret = newTotpSecret();
    const user = await db.transaction().execute(async (tx) => {
      const me = await repo.lockUserById(tx, userId);
      if (!me?.password_hash)
        throw conflict("not_local_account", {
          ja: "二段階認証はこのシステムのパスワードでログインするアカウントにだけ設定できます",
          en: "Two-step login is for accounts that log in with a password here",
        });
      if (me.totp_enabled_at && !(currentCode && (await consumeOwnCode(tx, me, currentCode, clock()))))
        return null;
      await repo.updateUser(tx, userId, { totp_pending_secret: secret });
      await audit.write(tx, actor, {
        action: "user.totp_setup_started",
        entityType: "user",
        entityId: userId,
        context: { replacing: me.totp_enabled_at !== null },
      });
      return me;
    });
    if (!user) throw WRONG_OWN_CODE();
    const uri = totpUri(secret, user.username);
    return { secret, uri, qrSvg: await totpQrSvg(uri) };
  }

  /**
   * Confirms the authenticator app with a code it shows, switches the second factor on, ends the
   * user's other sessions and hands out fresh recovery codes (shown once, stored hashed).
   */
  async function confirmTotpSetup(
    actor: Actor,
    code: string,
    keepSessionId: string,
  ): Promise<{ recoveryCodes: string[] }> {
    if (!actor.id) throw forbidden();
    const userId = actor.id;
    const now = clock();
    const codes = newRecoveryCodes();
    const ok = await db.transaction().execute(async (tx) => {
      const me = await repo.lockUserById(tx, userId);
      if (!me?.totp_pending_secret)
        throw conflict("totp_setup_not_started", {
          ja: "先に認証アプリの登録を開始してください",
          en: "Start setting up the authenticator app first",
        });
      const step = verifyTotp(me.totp_pending_secret, code, now, null);
      if (step === null) return false;
      await repo.updateUser(tx, userId, {
        totp_secret: me.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: now,
        totp_last_step: step,
      });
      await repo.replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
      await repo.deleteChallengesOf(tx, userId);
      sessionsChanged();
      const ended = await tx
        .deleteFrom("sessions")
        .where("user_id", "=", userId)
        .where("id", "<>", keepSessionId)
        .executeTakeFirst();
      await audit.write(tx, actor, {
        action: "user.totp_enabled",
        entityType: "user",
        entityId: userId,
        context: { recoveryCodes: codes.length, otherSessionsEnded: Number(ended.numDeletedRows) },
      });
      return true;
    });
    if (!ok) throw WRONG_OWN_CODE();
    return { recoveryCodes: codes };
  }

  /** New recovery codes (the old ones stop working); needs a current code. */
  async function regenerateRecoveryCodes(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
    if (!actor.id) throw forbidden();
    const userId = actor.id;
    const codes = newRecoveryCodes();
    const ok = await db.transaction().execute(async (tx) => {
      const me = await repo.lockUserById(tx, userId);
      if (!me?.totp_enabled_at) return false;
      if (!(await consumeOwnCode(tx, me, code, clock()))) return false;
      await repo.replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
      await audit.write(tx, actor, {
        action: "user.recovery_codes_regenerated",
        entityType: "user",
        entityId: userId,
        context: { recoveryCodes: codes.length },
      });
      return true;
    });
    if (!ok) throw WRONG_OWN_CODE();
    return { recoveryCodes: codes };
  }

  /** Switches one's own second factor off — not allowed for roles that require it. */
  async function disableOwnTotp(actor: Actor, password: string, code: string): Promise<void> {
    if (!actor.id) throw forbidden();
    const userId = actor.id;
    const me0 = await repo.findUserById(db, userId);
    if (!me0?.password_hash || !(await verifyPassword(me0.password_hash, password)))
      throw invalid([
        {
          path: "password",
          message: { ja: "パスワードが正しくありません", en: "The password is wrong" },
        },
      ]);
    if (requiresSecondFactor(me0))
      throw conflict("totp_required", {
        ja: "あなたの権限では二段階認証が必須のため、無効にできません",
        en: "Your roles require two-step login, so it cannot be switched off",
      });
    const ok = await db.transaction().execute(async (tx) => {
      const me = await repo.lockUserById(tx, userId);
      if (!me?.totp_enabled_at) return true;
      if (!(await consumeOwnCode(tx, me, code, clock()))) return false;
      await repo.updateUser(tx, userId, {
        totp_secret: null,
        totp_pending_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      await repo.replaceRecoveryCodes(tx, userId, []);
      await audit.write(tx, actor, { action: "user.totp_disabled", entityType: "user", entityId: userId });
      return true;
    });
    if (!ok) throw WRONG_OWN_CODE();
  }

  /**
   * An administrator (or the command line) removes another user's second factor — for a lost phone.
   * The user's sessions end; they set it up again at their next login; they are told by e-mail.
   */
  async function resetTotp(actor: Actor, userId: string): Promise<UserView> {
    if (actor.id !== null && actor.id === userId)
      throw conflict("own_second_factor", {
        ja: "自分の二段階認証はアカウント画面で変更してください（リセットは別の管理者が行います）",
        en: "Change your own two-step login on your account page (another administrator can reset it)",
      });
    return db.transaction().execute(async (tx) => {
      const user = await repo.lockUserById(tx, userId);
      if (!user) throw notFound({ ja: "ユーザー", en: "User" });
      await repo.updateUser(tx, userId, {
        totp_secret: null,
        totp_pending_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      await repo.replaceRecoveryCodes(tx, userId, []);
      await repo.deleteChallengesOf(tx, userId);
      const ended = await repo.deleteSessionsOfUser(tx, userId);
      await deps.tasks?.notify(
        tx,
        { userIds: [userId] },
        {
          kind: "user.totp_reset",
          subject: { ja: "二段階認証がリセットされました", en: "Your two-step login was reset" },
          body: {
            ja: `${actor.label} があなたの二段階認証をリセットしました。次のログインで認証アプリを登録し直してください。心当たりがない場合はすぐに管理者へ連絡してください`,
            en: `${actor.label} reset your two-step login. Set up your authenticator app again at your next login. If you did not ask for this, tell an administrator at once`,
          },
        },
      );
      await audit.write(tx, actor, {
        action: "user.totp_reset",
        entityType: "user",
        entityId: userId,
        context: { sessionsEnded: ended, wasEnabled: user.totp_enabled_at !== null },
      });
      return toView((await repo.findUserById(tx, userId))!);
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
      await repo.clearThrottlesOfUsername(tx, user.username);
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
      const cleared = await repo.clearThrottlesOfUsername(tx, before.username);
      await audit.write(tx, actor, {
        action: "user.unlocked",
        entityType: "user",
        entityId: id,
        context: { clientsCleared: cleared },
      });
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

  /** A user as the admin pages show it: "locked" while any client address must wait. */
  async function viewWithLock(row: UserRow): Promise<UserView> {
    const view = toView(row);
    const until = await repo.latestBlockOf(db, row.username, clock());
    return { ...view, lockedUntil: until ? until.toISOString() : view.lockedUntil };
  }

  return {
    login,
    loginSecondFactor,
    startTotpSetup,
    confirmTotpSetup,
    regenerateRecoveryCodes,
    disableOwnTotp,
    resetTotp,
    secondFactorState,
    requestOwnRoles,
    decideRoleRequest,
    listRoleRequests: async () => (await repo.listRoleRequests(db, 200)).map(roleRequestView),
    revealCheck,
    unitScopeFor,
    startSession,
    authenticate,
    /** How many session lookups are cached now (tests check that a revocation empties the cache). */
    cachedSessions: () => sessionCache.size(),
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
    listUsers: async () => Promise.all((await repo.listUsers(db)).map(viewWithLock)),
    purgeExpiredSessions: async () => {
      const now = clock();
      await repo.purgeThrottles(db, new Date(now.getTime() - THROTTLE_MEMORY_HOURS * 3_600_000));
      await repo.purgeChallenges(db, now);
      return repo.deleteExpiredSessions(db, new Date(now.getTime() - deps.session.idleMinutes * 60_000), now);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
