import { randomUUID } from "node:crypto";
import type { Executor } from "../db/database.js";
import type { NewUser, Role, UserRow, UserUpdate } from "../db/schema.js";
import { sessionsChanged } from "./session-cache.js";

/** SQL for users and sessions. */
export function createAuthRepo() {
  return {
    findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
      return db
        .selectFrom("users")
        .selectAll()
        .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
        .executeTakeFirst();
    },
    findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async lockUserById(db: Executor, id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    },
    listUsers(db: Executor): Promise<UserRow[]> {
      return db.selectFrom("users").selectAll().orderBy("username").execute();
    },
    async countUsers(db: Executor): Promise<number> {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countActiveAdmins(db: Executor, exceptUserId?: string): Promise<number> {
      let q = db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("disabled_at", "is", null)
        .where((eb) => eb(eb.val<Role>("admin"), "=", eb.fn.any("roles")));
      if (exceptUserId) q = q.where("id", "<>", exceptUserId);
      const row = await q.executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insertUser(db: Executor, user: NewUser): Promise<void> {
      await db.insertInto("users").values(user).execute();
    },
    async updateUser(db: Executor, id: string, patch: UserUpdate): Promise<void> {
      // roles, disabling, second factor, password: cached sessions must see it (session-cache.ts)
      sessionsChanged();
      await db
        .updateTable("users")
        .set({ ...patch, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
    },
    async insertSession(
      db: Executor,
      session: {
        id: string;
        token_hash: string;
        user_id: string;
        csrf_token: string;
        auth_method: string;
        created_at: Date;
        last_seen_at: Date;
        expires_at: Date;
        ip: string | null;
        user_agent: string | null;
      },
    ): Promise<void> {
      await db.insertInto("sessions").values(session).execute();
    },
    /**
     * The session and its whole user in one query: every API request needs exactly one lookup to
     * know who is asking (and whether a second factor is still owed).
     */
    async findSessionWithUser(
      db: Executor,
      tokenHash: string,
    ): Promise<
      | {
          session: { id: string; csrfToken: string; lastSeenAt: Date; expiresAt: Date };
          user: UserRow;
        }
      | undefined
    > {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .selectAll("users")
        .select([
          "sessions.id as session_id",
          "sessions.csrf_token as session_csrf_token",
          "sessions.last_seen_at as session_last_seen_at",
          "sessions.expires_at as session_expires_at",
        ])
        .where("sessions.token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { session_id, session_csrf_token, session_last_seen_at, session_expires_at, ...user } = row;
      return {
        session: {
          id: session_id,
          csrfToken: session_csrf_token,
          lastSeenAt: new Date(session_last_seen_at),
          expiresAt: new Date(session_expires_at),
        },
        user,
      };
    },
    async touchSession(db: Executor, sessionId: string, at: Date): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", sessionId).execute();
    },
    async deleteSession(db: Executor, sessionId: string): Promise<number> {
      sessionsChanged();
      const r = await db.deleteFrom("sessions").where("id", "=", sessionId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
      sessionsChanged();
      const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpiredSessions(db: Executor, idleBefore: Date, now: Date): Promise<number> {
      sessionsChanged();
      const r = await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    // — login throttling (0800) —
    findThrottle(db: Executor, key: string) {
      return db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
    },
    async lockThrottle(db: Executor, key: string) {
      return db
        .selectFrom("login_throttle")
        .selectAll()
        .where("key", "=", key)
        .forUpdate()
        .executeTakeFirst();
    },
    async saveThrottle(
      db: Executor,
      row: {
        key: string;
        username: string;
        client: string;
        failures: number;
        blocked_until: Date | null;
        last_failure_at: Date;
      },
    ): Promise<void> {
      await db
        .insertInto("login_throttle")
        .values(row)
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            failures: row.failures,
            blocked_until: row.blocked_until,
            last_failure_at: row.last_failure_at,
          }),
        )
        .execute();
    },
    async clearThrottle(db: Executor, key: string): Promise<void> {
      await db.deleteFrom("login_throttle").where("key", "=", key).execute();
    },
    async clearThrottlesOfUsername(db: Executor, username: string): Promise<number> {
      const r = await db
        .deleteFrom("login_throttle")
        .where("username", "=", username.toLowerCase())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** The latest wait imposed on any client for this username (the admin page shows it as "locked"). */
    async latestBlockOf(db: Executor, username: string, now: Date): Promise<Date | null> {
      const row = await db
        .selectFrom("login_throttle")
        .select((eb) => eb.fn.max("blocked_until").as("until"))
        .where("username", "=", username.toLowerCase())
        .where("blocked_until", ">", now)
        .executeTakeFirst();
      return row?.until ? new Date(row.until as unknown as string) : null;
    },
    async purgeThrottles(db: Executor, before: Date): Promise<number> {
      const r = await db
        .deleteFrom("login_throttle")
        .where("last_failure_at", "<", before)
        .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<", before)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    // — second-factor challenges (0800) —
    async insertChallenge(
      db: Executor,
      c: { id: string; token_hash: string; user_id: string; client: string; expires_at: Date },
    ): Promise<void> {
      await db.insertInto("login_challenges").values(c).execute();
    },
    lockChallenge(db: Executor, tokenHash: string) {
      return db
        .selectFrom("login_challenges")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .forUpdate()
        .executeTakeFirst();
    },
    async bumpChallenge(db: Executor, id: string): Promise<void> {
      await db
        .updateTable("login_challenges")
        .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
        .where("id", "=", id)
        .execute();
    },
    async deleteChallenge(db: Executor, id: string): Promise<void> {
      await db.deleteFrom("login_challenges").where("id", "=", id).execute();
    },
    async deleteChallengesOf(db: Executor, userId: string): Promise<void> {
      await db.deleteFrom("login_challenges").where("user_id", "=", userId).execute();
    },
    async purgeChallenges(db: Executor, now: Date): Promise<void> {
      await db.deleteFrom("login_challenges").where("expires_at", "<=", now).execute();
    },

    // — recovery codes (0800) —
    async replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
      await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
      if (hashes.length === 0) return;
      await db
        .insertInto("user_recovery_codes")
        .values(hashes.map((h) => ({ id: randomUUID(), user_id: userId, code_hash: h })))
        .execute();
    },
    /** Marks an unused code as used; false when no such unused code exists. */
    async consumeRecoveryCode(db: Executor, userId: string, hash: string, at: Date): Promise<boolean> {
      const r = await db
        .updateTable("user_recovery_codes")
        .set({ used_at: at })
        .where("user_id", "=", userId)
        .where("code_hash", "=", hash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
      const row = await db
        .selectFrom("user_recovery_codes")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    // — role changes that need a second administrator (0800) —
    async insertRoleRequest(
      db: Executor,
      r: {
        id: string;
        user_id: string;
        requested_by: string;
        roles_before: Role[];
        roles_after: Role[];
        reason: string;
      },
    ): Promise<void> {
      await db.insertInto("role_change_requests").values(r).execute();
    },
    lockRoleRequest(db: Executor, id: string) {
      return db
        .selectFrom("role_change_requests")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
    },
    pendingRoleRequestOf(db: Executor, userId: string) {
      return db
        .selectFrom("role_change_requests")
        .selectAll()
        .where("user_id", "=", userId)
        .where("status", "=", "pending")
        .executeTakeFirst();
    },
    async decideRoleRequest(
      db: Executor,
      id: string,
      d: { status: "approved" | "refused" | "withdrawn"; by: string; at: Date; comment: string | null },
    ): Promise<void> {
      await db
        .updateTable("role_change_requests")
        .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_comment: d.comment })
        .where("id", "=", id)
        .execute();
    },
    listRoleRequests(db: Executor, limit: number) {
      return db
        .selectFrom("role_change_requests as r")
        .innerJoin("users as u", "u.id", "r.user_id")
        .innerJoin("users as q", "q.id", "r.requested_by")
        .leftJoin("users as d", "d.id", "r.decided_by")
        .selectAll("r")
        .select([
          "u.username as username",
          "q.username as requested_by_name",
          "d.username as decided_by_name",
        ])
        .orderBy((eb) => eb.case().when("r.status", "=", "pending").then(0).else(1).end())
        .orderBy("r.created_at", "desc")
        .limit(limit)
        .execute();
    },
    /** Active administrators other than the given users (to tell them about sensitive changes). */
    otherAdmins(db: Executor, exceptUserIds: string[]) {
      let q = db
        .selectFrom("users")
        .select(["id", "username"])
        .where("disabled_at", "is", null)
        .where((eb) => eb(eb.val<Role>("admin"), "=", eb.fn.any("roles")));
      const except = exceptUserIds.filter(Boolean);
      if (except.length > 0) q = q.where("id", "not in", except);
      return q.execute();
    },

    async countSessionsOfUser(db: Executor, userId: string): Promise<number> {
      const row = await db
        .selectFrom("sessions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type AuthRepo = ReturnType<typeof createAuthRepo>;
