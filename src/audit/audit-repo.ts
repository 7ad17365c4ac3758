import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { AuditRow } from "../db/schema.js";

export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
};

/** SQL for the audit log; rows are only ever inserted. */
export function createAuditRepo() {
  return {
    /** Locks the chain head for the rest of the transaction, so rows get consecutive ids. */
    async lockHead(tx: Executor): Promise<{ lastId: number; lastHash: string }> {
      const row = await tx
        .selectFrom("audit_head")
        .select(["last_id", "last_hash"])
        .where("id", "=", 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return { lastId: Number(row.last_id), lastHash: row.last_hash };
    },

    async readHead(db: Executor): Promise<{ lastId: number; lastHash: string }> {
      const row = await db
        .selectFrom("audit_head")
        .select(["last_id", "last_hash"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      return { lastId: Number(row.last_id), lastHash: row.last_hash };
    },

    async insert(
      tx: Executor,
      row: {
        id: number;
        at: string;
        actorId: string | null;
        actorLabel: string;
        action: string;
        entityType: string;
        entityId: string | null;
        before: unknown;
        after: unknown;
        context: Record<string, unknown> | null;
        prevHash: string;
        hash: string;
        /** HMAC of the row under the audit key (null where no key is configured). */
        mac?: string | null;
      },
    ): Promise<void> {
      await tx
        .insertInto("audit_log")
        .values({
          id: row.id,
          at: row.at,
          actor_id: row.actorId,
          actor_label: row.actorLabel,
          action: row.action,
          entity_type: row.entityType,
          entity_id: row.entityId,
          before: row.before === null ? null : JSON.stringify(row.before),
          after: row.after === null ? null : JSON.stringify(row.after),
          context: row.context === null ? null : JSON.stringify(row.context),
          prev_hash: row.prevHash,
          hash: row.hash,
          mac: row.mac ?? null,
        })
        .execute();
      await tx
        .updateTable("audit_head")
        .set({ last_id: row.id, last_hash: row.hash })
        .where("id", "=", 1)
        .execute();
    },

    /** Rows after `afterId` in id order, `limit` at a time (for verification and export). */
    async batchAfter(
      db: Executor,
      afterId: number,
      limit: number,
      filter: AuditFilter = {},
    ): Promise<AuditRow[]> {
      return applyFilter(db.selectFrom("audit_log").selectAll(), filter)
        .where("id", ">", afterId)
        .orderBy("id", "asc")
        .limit(limit)
        .execute();
    },

    /** Newest first, for browsing. */
    async page(db: Executor, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
      let q = applyFilter(db.selectFrom("audit_log").selectAll(), filter);
      if (beforeId !== undefined) q = q.where("id", "<", beforeId);
      return q.orderBy("id", "desc").limit(limit).execute();
    },

    async count(db: Executor, filter: AuditFilter): Promise<number> {
      const row = await applyFilter(
        db.selectFrom("audit_log").select(sql<number>`count(*)::int`.as("n")),
        filter,
      ).executeTakeFirstOrThrow();
      return row.n;
    },

    /** True when any row carries a MAC: the log was written with an audit key. */
    async anySigned(db: Executor): Promise<boolean> {
      const row = await db
        .selectFrom("audit_log")
        .select("id")
        .where("mac", "is not", null)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async countAll(db: Executor): Promise<number> {
      const row = await db
        .selectFrom("audit_log")
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async distinctActions(db: Executor): Promise<string[]> {
      const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
      return rows.map((r) => r.action);
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;

// biome-ignore lint/suspicious/noExplicitAny: Kysely's select builder generics are too deep to spell out here.
function applyFilter<Q extends { where: (...args: any[]) => any }>(query: Q, filter: AuditFilter): Q {
  let q = query;
  if (filter.actorId) q = q.where("actor_id", "=", filter.actorId);
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.entityType) q = q.where("entity_type", "=", filter.entityType);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  if (filter.from) q = q.where("at", ">=", filter.from);
  if (filter.to) q = q.where("at", "<", filter.to);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(actor_label ILIKE ${pattern} OR action ILIKE ${pattern} OR entity_id ILIKE ${pattern}
        OR before::text ILIKE ${pattern} OR after::text ILIKE ${pattern})`,
    );
  }
  return q;
}
