import { sql } from "kysely";
import { sessionsChanged } from "../auth/session-cache.js";
import type { Executor } from "../db/database.js";
import type { DirectoryRecord, KnownEntry } from "./directory-engine.js";

type EntryRow = {
  person_id: string;
  source: string;
  record: unknown;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  user_id: string | null;
};

function toKnown(row: EntryRow): KnownEntry & { createdAt: Date; updatedAt: Date; userId: string | null } {
  return {
    ...(row.record as DirectoryRecord),
    active: row.active,
    personId: row.person_id,
    source: row.source,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    userId: row.user_id,
  };
}

export type StoredEntry = ReturnType<typeof toKnown>;

/** SQL for the people directory (entries, syncs, SCIM tokens and groups); the only Kysely code of src/directory. */
export function createDirectoryRepo() {
  const entries = (exec: Executor) =>
    exec
      .selectFrom("directory_entries as d")
      .innerJoin("people as p", "p.id", "d.person_id")
      .select([
        "d.person_id",
        "d.source",
        "d.record",
        "d.active",
        "d.created_at",
        "d.updated_at",
        "p.user_id",
      ]);

  return {
    /** Every directory entry (the state a snapshot is compared with). */
    async all(exec: Executor): Promise<StoredEntry[]> {
      return (await entries(exec).orderBy("d.user_name").execute()).map((r) => toKnown(r as EntryRow));
    },
    async byPerson(exec: Executor, personId: string): Promise<StoredEntry | null> {
      const row = await entries(exec).where("d.person_id", "=", personId).executeTakeFirst();
      return row ? toKnown(row as EntryRow) : null;
    },
    async byUserName(exec: Executor, userName: string): Promise<StoredEntry | null> {
      const row = await entries(exec).where("d.user_name", "=", userName.toLowerCase()).executeTakeFirst();
      return row ? toKnown(row as EntryRow) : null;
    },
    /** Entries matching a SCIM filter attribute, paged. */
    async find(
      exec: Executor,
      filter: {
        column: "user_name" | "external_id" | "email" | "employee_number" | "display_name";
        value: string;
      } | null,
      offset: number,
      limit: number,
    ): Promise<{ total: number; items: StoredEntry[] }> {
      let q = entries(exec);
      let c = exec.selectFrom("directory_entries as d").innerJoin("people as p", "p.id", "d.person_id");
      if (filter) {
        const where =
          filter.column === "email"
            ? sql<boolean>`lower(p.email) = ${filter.value.toLowerCase()}`
            : filter.column === "user_name"
              ? sql<boolean>`d.user_name = ${filter.value.toLowerCase()}`
              : sql<boolean>`${sql.ref(`d.${filter.column}`)} = ${filter.value}`;
        q = q.where(where);
        c = c.where(where);
      }
      const total = Number(
        (await c.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n,
      );
      const items = (await q.orderBy("d.user_name").offset(offset).limit(limit).execute()).map((r) =>
        toKnown(r as EntryRow),
      );
      return { total, items };
    },
    async insertEntry(
      tx: Executor,
      personId: string,
      source: string,
      r: DirectoryRecord,
      syncId: string | null,
    ) {
      await tx
        .insertInto("directory_entries")
        .values({ person_id: personId, source: source as "scim", ...columns(r), last_sync_id: syncId })
        .execute();
    },
    async updateEntry(tx: Executor, personId: string, r: DirectoryRecord, syncId: string | null) {
      await tx
        .updateTable("directory_entries")
        .set({ ...columns(r), last_sync_id: syncId, updated_at: new Date() })
        .where("person_id", "=", personId)
        .execute();
    },
    /** Deactivates (never deletes) an entry, keeping the record as last known. */
    async deactivate(tx: Executor, personId: string, at: Date) {
      await tx
        .updateTable("directory_entries")
        .set({ active: false, deactivated_at: at, updated_at: at })
        .where("person_id", "=", personId)
        .execute();
    },
    async insertPerson(
      tx: Executor,
      p: {
        id: string;
        partyId: string;
        userId: string | null;
        category: string;
        department: string | null;
        email: string | null;
        disclosureDueOn: string;
      },
    ) {
      await tx
        .insertInto("people")
        .values({
          id: p.id,
          party_id: p.partyId,
          user_id: p.userId,
          category: p.category as "staff",
          department: p.department,
          email: p.email,
          disclosure_due_on: p.disclosureDueOn,
        })
        .execute();
    },
    /** Writes the directory-owned fields of a person record (department, e-mail, category, account link). */
    async updatePerson(
      tx: Executor,
      id: string,
      p: { userId: string | null; category: string; department: string | null; email: string | null },
    ) {
      await tx
        .updateTable("people")
        .set((eb) => ({
          user_id: p.userId,
          category: p.category as "staff",
          department: p.department,
          email: p.email,
          version: eb("version", "+", 1),
          updated_at: new Date(),
        }))
        .where("id", "=", id)
        .execute();
    },
    /** The local account a directory record belongs to: same user name, else same e-mail (case-insensitive). */
    async accountFor(exec: Executor, userName: string, email: string | null) {
      const byName = await exec
        .selectFrom("users")
        .select(["id", "roles", "disabled_at"])
        .where((eb) => eb(eb.fn("lower", ["username"]), "=", userName.toLowerCase()))
        .executeTakeFirst();
      if (byName || !email) return byName ?? null;
      const byMail = await exec
        .selectFrom("users")
        .select(["id", "roles", "disabled_at"])
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
        .execute();
      return byMail.length === 1 ? byMail[0]! : null;
    },
    async personLinkedToUser(exec: Executor, userId: string) {
      return exec.selectFrom("people").select(["id"]).where("user_id", "=", userId).executeTakeFirst();
    },
    async accountOf(exec: Executor, userId: string) {
      return exec
        .selectFrom("users")
        .select(["id", "roles", "disabled_at"])
        .where("id", "=", userId)
        .executeTakeFirst();
    },
    /** Disables a local account and ends its sessions (a leaver may no longer sign in). */
    async disableAccount(tx: Executor, userId: string, at: Date) {
      sessionsChanged(); // cached sessions of this user must be refused (auth/session-cache.ts)
      await tx
        .updateTable("users")
        .set({ disabled_at: at, updated_at: at })
        .where("id", "=", userId)
        .execute();
      await tx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    },
    async insertSync(
      tx: Executor,
      s: {
        id: string;
        source: string;
        origin: string;
        mode: "preview" | "apply";
        status: "ok" | "refused";
        actorLabel: string;
        counts: unknown;
        events: unknown;
        problems: unknown;
      },
    ) {
      await tx
        .insertInto("directory_syncs")
        .values({
          id: s.id,
          source: s.source as "scim",
          origin: s.origin,
          mode: s.mode,
          status: s.status,
          actor_label: s.actorLabel,
          counts: JSON.stringify(s.counts),
          events: JSON.stringify(s.events),
          problems: JSON.stringify(s.problems),
          finished_at: new Date(),
        })
        .execute();
    },
    listSyncs(exec: Executor, limit: number) {
      return exec
        .selectFrom("directory_syncs")
        .selectAll()
        .orderBy("started_at", "desc")
        .limit(limit)
        .execute();
    },
    insertToken(tx: Executor, t: { id: string; label: string; hash: string; by: string }) {
      return tx
        .insertInto("scim_tokens")
        .values({ id: t.id, label: t.label, token_hash: t.hash, created_by_label: t.by })
        .execute();
    },
    activeTokenByHash(exec: Executor, hash: string) {
      return exec
        .selectFrom("scim_tokens")
        .select(["id", "label"])
        .where("token_hash", "=", hash)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
    },
    touchToken(exec: Executor, id: string, at: Date) {
      return exec.updateTable("scim_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
    },
    revokeTokens(tx: Executor, label: string | null, at: Date) {
      let q = tx.updateTable("scim_tokens").set({ revoked_at: at }).where("revoked_at", "is", null);
      if (label !== null) q = q.where("label", "=", label);
      return q.returning(["id", "label"]).execute();
    },
    listTokens(exec: Executor) {
      return exec
        .selectFrom("scim_tokens")
        .select(["id", "label", "created_by_label", "created_at", "last_used_at", "revoked_at"])
        .orderBy("created_at", "desc")
        .execute();
    },
    groups(exec: Executor, displayName: string | null) {
      let q = exec.selectFrom("scim_groups").selectAll().where("archived_at", "is", null);
      if (displayName !== null) q = q.where("display_name", "=", displayName);
      return q.orderBy("display_name").execute();
    },
    group(exec: Executor, id: string) {
      return exec
        .selectFrom("scim_groups")
        .selectAll()
        .where("id", "=", id)
        .where("archived_at", "is", null)
        .executeTakeFirst();
    },
    insertGroup(
      tx: Executor,
      g: { id: string; displayName: string; externalId: string | null; members: string[] },
    ) {
      return tx
        .insertInto("scim_groups")
        .values({ id: g.id, display_name: g.displayName, external_id: g.externalId, members: g.members })
        .execute();
    },
    updateGroup(
      tx: Executor,
      id: string,
      g: { displayName: string; externalId: string | null; members: string[] },
    ) {
      return tx
        .updateTable("scim_groups")
        .set({
          display_name: g.displayName,
          external_id: g.externalId,
          members: g.members,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
    },
    archiveGroup(tx: Executor, id: string, at: Date) {
      return tx
        .updateTable("scim_groups")
        .set({ archived_at: at, updated_at: at })
        .where("id", "=", id)
        .execute();
    },
  };
}

function columns(r: DirectoryRecord) {
  return {
    user_name: r.userName,
    employee_number: r.employeeNumber,
    external_id: r.externalId,
    display_name: r.displayName,
    name_kanji: r.nameKanji,
    name_kana: r.nameKana,
    name_roman: r.nameRoman,
    post: r.post,
    supervisor_key: r.supervisorKey,
    start_date: r.startDate,
    end_date: r.endDate,
    notice_date: r.noticeDate,
    abroad_from: r.abroadFrom,
    abroad_until: r.abroadUntil,
    active: r.active,
    ...(r.active ? { deactivated_at: null } : {}),
    record: JSON.stringify(r),
  };
}

export type DirectoryRepo = ReturnType<typeof createDirectoryRepo>;
