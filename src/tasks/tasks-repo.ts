import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { Role, TaskStatus } from "../db/schema.js";

export type TaskInsert = {
  id: string;
  kind: string;
  title: { ja: string; en: string };
  detail: { ja: string; en: string } | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  assigneeUserId: string | null;
  assigneeRole: Role | null;
  dedupeKey: string | null;
  dueAt: Date | null;
};

/** The `tasks` row of a task to insert (JSON text for the bilingual title and detail). */
function taskRow(t: TaskInsert) {
  return {
    id: t.id,
    kind: t.kind,
    title: JSON.stringify(t.title),
    detail: t.detail ? JSON.stringify(t.detail) : null,
    link: t.link,
    entity_type: t.entityType,
    entity_id: t.entityId,
    assignee_user_id: t.assigneeUserId,
    assignee_role: t.assigneeRole,
    dedupe_key: t.dedupeKey,
    due_at: t.dueAt,
  };
}

/** SQL for the task inbox and the e-mail outbox. */
export function createTasksRepo() {
  return {
    findOpenByDedupeKey(db: Executor, key: string) {
      return db
        .selectFrom("tasks")
        .selectAll()
        .where("dedupe_key", "=", key)
        .where("status", "=", "open")
        .executeTakeFirst();
    },
    async insert(db: Executor, t: TaskInsert): Promise<void> {
      await db.insertInto("tasks").values(taskRow(t)).execute();
    },
    /**
     * Opens a task, or (same open `dedupeKey`) refreshes the open one's title, detail, link and due
     * date, in one statement; returns the row and whether it is new.
     */
    async openOrRefresh(db: Executor, t: TaskInsert) {
      const row = await db
        .insertInto("tasks")
        .values(taskRow(t))
        .onConflict((oc) =>
          oc
            .column("dedupe_key")
            .where("status", "=", "open")
            .where("dedupe_key", "is not", null)
            .doUpdateSet((eb) => ({
              title: eb.ref("excluded.title"),
              detail: eb.ref("excluded.detail"),
              link: eb.ref("excluded.link"),
              due_at: eb.ref("excluded.due_at"),
            })),
        )
        .returningAll()
        .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
        .executeTakeFirstOrThrow();
      const { inserted, ...task } = row;
      return { row: task, inserted };
    },
    async refresh(
      db: Executor,
      id: string,
      t: Pick<TaskInsert, "title" | "detail" | "link" | "dueAt">,
    ): Promise<void> {
      await db
        .updateTable("tasks")
        .set({
          title: JSON.stringify(t.title),
          detail: t.detail ? JSON.stringify(t.detail) : null,
          link: t.link,
          due_at: t.dueAt,
        })
        .where("id", "=", id)
        .execute();
    },
    find(db: Executor, id: string) {
      return db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
    },
    openFor(db: Executor, filter: { entityType: string; entityId: string; kind?: string | undefined }) {
      let q = db
        .selectFrom("tasks")
        .selectAll()
        .where("entity_type", "=", filter.entityType)
        .where("entity_id", "=", filter.entityId)
        .where("status", "=", "open");
      if (filter.kind) q = q.where("kind", "=", filter.kind);
      return q.execute();
    },
    async setStatus(
      db: Executor,
      ids: string[],
      status: TaskStatus,
      by: string | null,
      at: Date,
    ): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable("tasks")
        .set({ status, completed_at: at, completed_by: by })
        .where("id", "in", ids)
        .execute();
    },
    /** Tasks assigned to the user directly or to any of their roles. */
    listFor(db: Executor, userId: string, roles: readonly Role[], status: TaskStatus, limit: number) {
      return db
        .selectFrom("tasks")
        .selectAll()
        .where("status", "=", status)
        .where((eb) =>
          eb.or([
            eb("assignee_user_id", "=", userId),
            ...(roles.length > 0 ? [eb("assignee_role", "in", [...roles])] : []),
          ]),
        )
        .orderBy(sql`due_at IS NULL`)
        .orderBy("due_at")
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
    },
    async countOpenFor(db: Executor, userId: string, roles: readonly Role[]): Promise<number> {
      const row = await db
        .selectFrom("tasks")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("status", "=", "open")
        .where((eb) =>
          eb.or([
            eb("assignee_user_id", "=", userId),
            ...(roles.length > 0 ? [eb("assignee_role", "in", [...roles])] : []),
          ]),
        )
        .executeTakeFirstOrThrow();
      return row.n;
    },

    // — e-mail outbox —
    async recipients(db: Executor, filter: { userIds?: string[]; roles?: readonly Role[] }) {
      const userIds = filter.userIds ?? [];
      const roles = filter.roles ?? [];
      if (userIds.length === 0 && roles.length === 0) return [];
      return db
        .selectFrom("users")
        .select(["id", "email", "locale", "display_name"])
        .where("disabled_at", "is", null)
        .where((eb) =>
          eb.or([
            ...(userIds.length > 0 ? [eb("id", "in", userIds)] : []),
            ...(roles.length > 0 ? [sql<boolean>`roles && ${sql.val([...roles])}::text[]`] : []),
          ]),
        )
        .execute();
    },
    /** Queues several e-mails in one statement. */
    async enqueueEmails(
      db: Executor,
      mails: {
        id: string;
        toUserId: string | null;
        toAddress: string;
        subject: string;
        body: string;
        kind: string;
      }[],
    ): Promise<void> {
      if (mails.length === 0) return;
      await db
        .insertInto("email_outbox")
        .values(
          mails.map((mail) => ({
            id: mail.id,
            to_user_id: mail.toUserId,
            to_address: mail.toAddress,
            subject: mail.subject,
            body: mail.body,
            kind: mail.kind,
          })),
        )
        .execute();
    },
    async enqueueEmail(
      db: Executor,
      mail: {
        id: string;
        toUserId: string | null;
        toAddress: string;
        subject: string;
        body: string;
        kind: string;
      },
    ): Promise<void> {
      await db
        .insertInto("email_outbox")
        .values({
          id: mail.id,
          to_user_id: mail.toUserId,
          to_address: mail.toAddress,
          subject: mail.subject,
          body: mail.body,
          kind: mail.kind,
        })
        .execute();
    },
    pendingEmails(db: Executor, now: Date, limit: number) {
      return db
        .selectFrom("email_outbox")
        .selectAll()
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .where("attempts", "<", 10)
        .orderBy("created_at")
        .limit(limit)
        .execute();
    },
    async markSent(db: Executor, id: string, at: Date): Promise<void> {
      await db
        .updateTable("email_outbox")
        .set((eb) => ({ sent_at: at, attempts: eb("attempts", "+", 1), last_error: null }))
        .where("id", "=", id)
        .execute();
    },
    async markFailed(db: Executor, id: string, error: string, retryAt: Date): Promise<void> {
      await db
        .updateTable("email_outbox")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          last_error: error.slice(0, 1000),
          next_attempt_at: retryAt,
        }))
        .where("id", "=", id)
        .execute();
    },
    listEmails(db: Executor, limit: number) {
      return db.selectFrom("email_outbox").selectAll().orderBy("created_at", "desc").limit(limit).execute();
    },
  };
}

export type TasksRepo = ReturnType<typeof createTasksRepo>;
