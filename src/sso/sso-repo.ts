import { type Selectable, sql } from "kysely";
import { sessionsChanged } from "../auth/session-cache.js";
import type { Executor } from "../db/database.js";
import type { Database, Role, UserRow } from "../db/schema.js";

type FlowRow = Database["sso_login_flows"];

/** SQL of single sign-on: external identities, started logins, used SAML assertions. */
export function createSsoRepo() {
  return {
    async insertFlow(
      db: Executor,
      flow: {
        id: string;
        token_hash: string;
        provider: string;
        protocol: "oidc" | "saml";
        state?: string | null;
        nonce?: string | null;
        code_verifier?: string | null;
        saml_request_id?: string | null;
        return_to: string | null;
        expires_at: Date;
      },
    ): Promise<void> {
      await db.insertInto("sso_login_flows").values(flow).execute();
    },

    /** Takes a started OIDC login (once): locks it and marks it consumed. */
    async consumeFlowByToken(db: Executor, tokenHash: string, now: Date) {
      const row = await db
        .selectFrom("sso_login_flows")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      await db.updateTable("sso_login_flows").set({ consumed_at: now }).where("id", "=", row.id).execute();
      return row as Selectable<FlowRow>;
    },

    async findFlowBySamlRequest(db: Executor, requestId: string) {
      return db
        .selectFrom("sso_login_flows")
        .select(["id", "provider", "created_at", "expires_at", "consumed_at", "return_to"])
        .where("saml_request_id", "=", requestId)
        .executeTakeFirst();
    },

    async findFlowByToken(db: Executor, tokenHash: string) {
      return db
        .selectFrom("sso_login_flows")
        .select(["id", "provider", "saml_request_id", "return_to", "expires_at"])
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    /** Marks the SAML request answered; false when it already was (a second response to it). */
    async consumeSamlRequest(db: Executor, requestId: string, now: Date): Promise<boolean> {
      const done = await db
        .updateTable("sso_login_flows")
        .set({ consumed_at: now })
        .where("saml_request_id", "=", requestId)
        .where("consumed_at", "is", null)
        .executeTakeFirst();
      return Number(done.numUpdatedRows) === 1;
    },

    /** Records a SAML assertion ID; false when it was already used (a replay). */
    async rememberAssertion(
      db: Executor,
      row: { provider: string; assertion_id: string; expires_at: Date },
    ): Promise<boolean> {
      const done = await db
        .insertInto("sso_saml_assertions")
        .values(row)
        .onConflict((oc) => oc.columns(["provider", "assertion_id"]).doNothing())
        .executeTakeFirst();
      return Number(done.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    async purge(db: Executor, now: Date): Promise<void> {
      await db
        .deleteFrom("sso_login_flows")
        .where("expires_at", "<", new Date(now.getTime() - 86_400_000))
        .execute();
      await db.deleteFrom("sso_saml_assertions").where("expires_at", "<", now).execute();
    },

    async findIdentity(db: Executor, provider: string, subject: string) {
      return db
        .selectFrom("sso_identities")
        .selectAll()
        .where("provider", "=", provider)
        .where("subject", "=", subject)
        .executeTakeFirst();
    },

    async insertIdentity(
      db: Executor,
      row: {
        id: string;
        provider: string;
        subject: string;
        user_id: string;
        email: string | null;
        last_login_at: Date;
      },
    ): Promise<void> {
      await db.insertInto("sso_identities").values(row).execute();
    },

    async touchIdentity(db: Executor, id: string, email: string | null, now: Date): Promise<void> {
      await db
        .updateTable("sso_identities")
        .set({ last_login_at: now, email })
        .where("id", "=", id)
        .execute();
    },

    async findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Users whose e-mail equals this one (case-insensitive). */
    async findUsersByEmail(db: Executor, email: string): Promise<UserRow[]> {
      return db
        .selectFrom("users")
        .selectAll()
        .where(sql<string>`lower(email)`, "=", email.toLowerCase())
        .limit(5)
        .execute();
    },

    async usernamesLike(db: Executor, prefix: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom("users")
        .select("username")
        .where(sql<string>`lower(username)`, "like", `${prefix.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`)
        .execute();
      return new Set(rows.map((r) => r.username.toLowerCase()));
    },

    async insertUser(
      db: Executor,
      row: {
        id: string;
        username: string;
        display_name: string;
        email: string | null;
        roles: Role[];
        department: string | null;
        locale: "ja" | "en";
        external_issuer: string;
        external_subject: string;
      },
    ): Promise<UserRow> {
      return db
        .insertInto("users")
        .values({ ...row, password_hash: null })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async updateUserFromIdp(
      db: Executor,
      id: string,
      patch: { roles?: Role[]; department?: string | null },
    ): Promise<UserRow> {
      sessionsChanged(); // roles may shrink: cached sessions must see it (auth/session-cache.ts)
      return db
        .updateTable("users")
        .set({ ...patch, updated_at: new Date() })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}

export type SsoRepo = ReturnType<typeof createSsoRepo>;
