import type { Executor } from "../db/database.js";
import type { NewUser, Role, UserRow, UserUpdate } from "../db/schema.js";

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
    findSessionWithUser(db: Executor, tokenHash: string) {
      return db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .select([
          "sessions.id as session_id",
          "sessions.csrf_token",
          "sessions.created_at",
          "sessions.last_seen_at",
          "sessions.expires_at",
          "users.id as user_id",
          "users.username",
          "users.display_name",
          "users.email",
          "users.roles",
          "users.locale",
          "users.department",
          "users.disabled_at",
          // The rest of the user, so a request needs one query to know who is asking.
          "users.locked_until",
          "users.created_at as user_created_at",
          "users.updated_at as user_updated_at",
        ])
        .where("sessions.token_hash", "=", tokenHash)
        .executeTakeFirst();
    },
    async touchSession(db: Executor, sessionId: string, at: Date): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", sessionId).execute();
    },
    async deleteSession(db: Executor, sessionId: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("id", "=", sessionId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpiredSessions(db: Executor, idleBefore: Date, now: Date): Promise<number> {
      const r = await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
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
