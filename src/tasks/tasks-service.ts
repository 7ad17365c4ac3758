import { randomUUID } from "node:crypto";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { Role, TaskStatus } from "../db/schema.js";
import { type Actor, hasAnyRole } from "../shared/actor.js";
import { type Bilingual, forbidden, notFound } from "../shared/errors.js";
import type { TasksRepo } from "./tasks-repo.js";

export type Task = {
  id: string;
  kind: string;
  title: Bilingual;
  detail: Bilingual | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  assigneeUserId: string | null;
  assigneeRole: Role | null;
  status: TaskStatus;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
};

/** What a module asks for when work is waiting on someone. */
export type TaskRequest = {
  kind: string;
  title: Bilingual;
  detail?: Bilingual | undefined;
  /** Path in the web app, e.g. `/reviews/…`. */
  link?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** A specific person, or everyone holding a role. */
  assignee: { userId: string } | { role: Role };
  /** At most one open task per key: asking again refreshes it instead of duplicating. */
  dedupeKey?: string | undefined;
  dueAt?: Date | undefined;
  /** Also send an e-mail to the assignee(s). */
  email?: boolean | undefined;
};

type TaskRow = Awaited<ReturnType<TasksRepo["find"]>> & object;

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title as Bilingual,
    detail: (row.detail as Bilingual | null) ?? null,
    link: row.link,
    entityType: row.entity_type,
    entityId: row.entity_id,
    assigneeUserId: row.assignee_user_id,
    assigneeRole: row.assignee_role,
    status: row.status,
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
  };
}

/**
 * The task inbox and e-mail notifications. Modules open and close tasks inside the transaction of
 * the change that causes them; e-mails go to an outbox in that same transaction and are sent
 * afterwards, so a rolled-back change never mails anyone.
 */
export function createTasksService({
  db,
  repo,
  audit,
  publicUrl,
  clock = () => new Date(),
}: {
  db: Db;
  repo: TasksRepo;
  audit: AuditWriter;
  publicUrl: string;
  clock?: () => Date;
}) {
  /** Queues an e-mail in each recipient's language; recipients without an address are skipped. */
  async function notify(
    tx: Executor,
    to: { userIds?: string[]; roles?: readonly Role[] },
    message: { kind: string; subject: Bilingual; body: Bilingual; link?: string | undefined },
  ): Promise<number> {
    const recipients = await repo.recipients(tx, to);
    const mails = [];
    for (const r of recipients) {
      if (!r.email) continue;
      const lang = r.locale;
      const link = message.link ? `\n\n${publicUrl}${message.link}` : "";
      const footer =
        lang === "ja"
          ? "\n\n— 関守 Sekimori（このメールは自動送信されています）"
          : "\n\n— Sekimori (this message was sent automatically)";
      mails.push({
        id: randomUUID(),
        toUserId: r.id,
        toAddress: r.email,
        subject: `[Sekimori] ${message.subject[lang]}`,
        body: `${r.display_name} ${lang === "ja" ? "様" : ""}\n\n${message.body[lang]}${link}${footer}`,
        kind: message.kind,
      });
    }
    // One statement for all recipients (a role can have many members).
    await repo.enqueueEmails(tx, mails);
    return mails.length;
  }

  async function open(tx: Executor, actor: Actor, request: TaskRequest): Promise<Task> {
    const assigneeUserId = "userId" in request.assignee ? request.assignee.userId : null;
    const assigneeRole = "role" in request.assignee ? request.assignee.role : null;
    // One statement opens the task or, with an open task of the same dedupe key, refreshes it.
    const { row, inserted } = await repo.openOrRefresh(tx, {
      id: randomUUID(),
      kind: request.kind,
      title: request.title,
      detail: request.detail ?? null,
      link: request.link ?? null,
      entityType: request.entityType ?? null,
      entityId: request.entityId ?? null,
      assigneeUserId,
      assigneeRole,
      dedupeKey: request.dedupeKey ?? null,
      dueAt: request.dueAt ?? null,
    });
    const task = toTask(row);
    if (!inserted) return task;
    await audit.write(tx, actor, {
      action: "task.opened",
      entityType: "task",
      entityId: task.id,
      after: task,
    });
    if (request.email) {
      await notify(tx, assigneeUserId ? { userIds: [assigneeUserId] } : { roles: [assigneeRole!] }, {
        kind: request.kind,
        subject: request.title,
        body: request.detail ?? request.title,
        link: request.link,
      });
    }
    return task;
  }

  /** Closes the open tasks about an entity (optionally of one kind), e.g. when a review moves on. */
  async function closeFor(
    tx: Executor,
    actor: Actor,
    filter: { entityType: string; entityId: string; kind?: string | undefined },
    status: "done" | "cancelled" = "done",
  ): Promise<number> {
    const rows = await repo.openFor(tx, filter);
    if (rows.length === 0) return 0;
    await repo.setStatus(
      tx,
      rows.map((r) => r.id),
      status,
      actor.id,
      clock(),
    );
    for (const r of rows) {
      await audit.write(tx, actor, {
        action: status === "done" ? "task.done" : "task.cancelled",
        entityType: "task",
        entityId: r.id,
        context: { kind: r.kind, about: `${filter.entityType}:${filter.entityId}` },
      });
    }
    return rows.length;
  }

  /** Lets the assignee tick off a task by hand (for tasks that are reminders rather than workflow steps). */
  async function complete(actor: Actor, id: string): Promise<Task> {
    return db.transaction().execute(async (tx) => {
      const row = await repo.find(tx, id);
      if (!row) throw notFound({ ja: "タスク", en: "Task" });
      const mine =
        row.assignee_user_id === actor.id ||
        (row.assignee_role !== null && hasAnyRole(actor, [row.assignee_role]));
      if (!mine) throw forbidden();
      if (row.status === "open") {
        await repo.setStatus(tx, [id], "done", actor.id, clock());
        await audit.write(tx, actor, {
          action: "task.done",
          entityType: "task",
          entityId: id,
          context: { kind: row.kind },
        });
      }
      return toTask((await repo.find(tx, id))!);
    });
  }

  return {
    open,
    closeFor,
    complete,
    notify,
    async listMine(actor: Actor, status: TaskStatus = "open", limit = 200): Promise<Task[]> {
      if (!actor.id) return [];
      return (await repo.listFor(db, actor.id, actor.roles, status, limit)).map(toTask);
    },
    countMine: (actor: Actor) =>
      actor.id ? repo.countOpenFor(db, actor.id, actor.roles) : Promise.resolve(0),
    openTasksFor: async (entityType: string, entityId: string) =>
      (await repo.openFor(db, { entityType, entityId })).map(toTask),
    outbox: (limit = 100) => repo.listEmails(db, limit),
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
