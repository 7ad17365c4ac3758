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

type LabelValue = { ja: string; en: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

    /**
     * Appends a row and moves the chain head to it in one statement, only if the head is still
     * `prev` (a compare-and-set: the caller computed the row's hash from it). True when written;
     * false when the head has moved (the caller locks and reads it again).
     */
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
    ): Promise<boolean> {
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
      const r = await sql<{ id: string }>`
        WITH h AS (
          UPDATE audit_head SET last_id = ${row.id}, last_hash = ${row.hash}
          WHERE id = 1 AND last_id = ${row.id - 1} AND last_hash = ${row.prevHash}
          RETURNING 1
        )
        INSERT INTO audit_log (id, at, actor_id, actor_label, action, entity_type, entity_id, before, after,
          context, prev_hash, hash, mac)
        SELECT ${row.id}, ${row.at}::timestamptz, ${row.actorId}::uuid, ${row.actorLabel}, ${row.action},
          ${row.entityType}, ${row.entityId}, ${json(row.before)}::jsonb, ${json(row.after)}::jsonb,
          ${json(row.context)}::jsonb, ${row.prevHash}, ${row.hash}, ${row.mac ?? null}
        WHERE EXISTS (SELECT 1 FROM h)
        RETURNING id`.execute(tx);
      return r.rows.length > 0;
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

    /**
     * Readable names for the entities and user actors on a page of the log (review "RV-2026-0003
     * 山田太郎氏への…", user "佐藤 美咲", …), looked up in their tables. Keys are `type:id`; an entity
     * that is gone or of a type without a name is simply absent (the page shows its type and id).
     */
    async describe(
      db: Executor,
      refs: { type: string; id: string }[],
      actorIds: string[],
    ): Promise<{ entities: Map<string, LabelValue>; actors: Map<string, string> }> {
      const entities = new Map<string, LabelValue>();
      const byType = new Map<string, string[]>();
      for (const r of refs) {
        if (!UUID.test(r.id)) continue;
        byType.set(r.type, [...new Set([...(byType.get(r.type) ?? []), r.id])]);
      }
      const put = (type: string, id: string, ja: string, en = ja) =>
        entities.set(`${type}:${id}`, { ja, en });
      const ids = (type: string) => byType.get(type) ?? [];
      const userIds = [...new Set([...ids("user"), ...actorIds.filter((a) => UUID.test(a))])];
      const actors = new Map<string, string>();
      if (userIds.length) {
        const rows = await db
          .selectFrom("users")
          .select(["id", "display_name"])
          .where("id", "in", userIds)
          .execute();
        for (const r of rows) {
          actors.set(r.id, r.display_name);
          if (ids("user").includes(r.id)) put("user", r.id, r.display_name);
        }
      }
      if (ids("party").length) {
        const rows = await db
          .selectFrom("parties")
          .select(["id", "primary_name"])
          .where("id", "in", ids("party"))
          .execute();
        for (const r of rows) put("party", r.id, r.primary_name);
      }
      if (ids("person").length) {
        const rows = await db
          .selectFrom("people")
          .innerJoin("parties", "parties.id", "people.party_id")
          .select(["people.id as id", "parties.primary_name as name"])
          .where("people.id", "in", ids("person"))
          .execute();
        for (const r of rows) put("person", r.id, r.name);
      }
      if (ids("review").length) {
        const rows = await db
          .selectFrom("reviews")
          .select(["id", "ref_no", "title"])
          .where("id", "in", ids("review"))
          .execute();
        for (const r of rows) put("review", r.id, `${r.ref_no} ${r.title}`);
      }
      if (ids("approach_report").length) {
        const rows = await db
          .selectFrom("approach_reports")
          .select(["id", "number"])
          .where("id", "in", ids("approach_report"))
          .execute();
        for (const r of rows) put("approach_report", r.id, `AR-${String(r.number).padStart(5, "0")}`);
      }
      if (ids("task").length) {
        const rows = await db
          .selectFrom("tasks")
          .select(["id", "title"])
          .where("id", "in", ids("task"))
          .execute();
        for (const r of rows) {
          const t = r.title as { ja: string; en: string };
          put("task", r.id, t.ja, t.en);
        }
      }
      for (const [type, table] of [
        ["case", "cases"],
        ["training_module", "training_modules"],
      ] as const) {
        if (!ids(type).length) continue;
        const rows = await db
          .selectFrom(table)
          .select(["id", "slug", sql<{ ja: string; en: string } | null>`content->'title'`.as("title")])
          .where("id", "in", ids(type))
          .execute();
        for (const r of rows) put(type, r.id, r.title?.ja ?? r.slug, r.title?.en ?? r.slug);
      }
      if (ids("training_assignment").length) {
        const rows = await db
          .selectFrom("training_assignments")
          .innerJoin("users", "users.id", "training_assignments.user_id")
          .innerJoin("training_modules", "training_modules.id", "training_assignments.module_id")
          .select([
            "training_assignments.id as id",
            "users.display_name as name",
            sql<{ ja: string; en: string } | null>`training_modules.content->'title'`.as("title"),
          ])
          .where("training_assignments.id", "in", ids("training_assignment"))
          .execute();
        for (const r of rows)
          put(
            "training_assignment",
            r.id,
            `${r.name} · ${r.title?.ja ?? ""}`,
            `${r.name} · ${r.title?.en ?? ""}`,
          );
      }
      if (ids("list_snapshot").length) {
        const rows = await db
          .selectFrom("list_snapshots")
          .leftJoin("list_sources", "list_sources.id", "list_snapshots.source")
          .select([
            "list_snapshots.id as id",
            "list_snapshots.source as source",
            "list_snapshots.version as version",
            "list_sources.label_ja as labelJa",
            "list_sources.label_en as labelEn",
          ])
          .where("list_snapshots.id", "in", ids("list_snapshot"))
          .execute();
        for (const r of rows)
          put(
            "list_snapshot",
            r.id,
            `${r.labelJa ?? r.source} 第${r.version}版`,
            `${r.labelEn ?? r.source}, version ${r.version}`,
          );
      }
      if (ids("screening_batch").length) {
        const rows = await db
          .selectFrom("screening_batches")
          .select(["id", "file_name"])
          .where("id", "in", ids("screening_batch"))
          .execute();
        for (const r of rows) put("screening_batch", r.id, r.file_name);
      }
      if (ids("insider_subject").length) {
        const rows = await db
          .selectFrom("insider_subjects")
          .select(["id", "pseudonym"])
          .where("id", "in", ids("insider_subject"))
          .execute();
        for (const r of rows) put("insider_subject", r.id, r.pseudonym);
      }
      return { entities, actors };
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
