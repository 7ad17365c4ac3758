import type { Db, Executor } from "../db/database.js";
import type { AuditRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { csvTimeHeader, formatCsvDateTime } from "../shared/time-format.js";
import { type ChainBreak, chainHash, createChainVerifier, toStorableJson } from "./audit-engine.js";
import { auditActionLabel, auditEntityLabel, type Label, systemActorLabel } from "./audit-labels.js";
import type { AuditFilter, AuditRepo } from "./audit-repo.js";

/** What a service records about one state change. */
export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  context?: Record<string, unknown>;
};

/** The one way every module records a state change: call inside the transaction that makes it. */
export type AuditWriter = {
  write(tx: Executor, actor: Actor, entry: AuditEntry): Promise<number>;
};

export type AuditRecord = {
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
  hash: string;
};

/** An audit record with what a person reads: who (display name), what (label) and on what (name). */
export type LabelledAuditRecord = AuditRecord & {
  actorName: Label;
  actionLabel: Label;
  entityLabel: Label;
  /** The entity's readable name (review reference and title, party name…), when it can be found. */
  entityName: Label | null;
};

export type VerifyResult = {
  ok: boolean;
  checked: number;
  total: number;
  headId: number;
  headHash: string;
  broken?: ChainBreak;
};

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    context: (row.context as Record<string, unknown> | null) ?? null,
    hash: row.hash,
  };
}

/**
 * Appends hash-chained audit rows and verifies the chain. Writing locks the chain head, so rows are
 * numbered without gaps and any deletion or edit by SQL is found by `verify`.
 */
export function createAuditService({
  db,
  repo,
  clock = () => new Date(),
}: {
  db: Db;
  repo: AuditRepo;
  clock?: () => Date;
}) {
  async function write(tx: Executor, actor: Actor, entry: AuditEntry): Promise<number> {
    const head = await repo.lockHead(tx);
    const content = {
      id: head.lastId + 1,
      at: clock().toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toStorableJson(entry.before),
      after: toStorableJson(entry.after),
      context: (toStorableJson({ ...(actor.ip ? { ip: actor.ip } : {}), ...entry.context }) ??
        null) as Record<string, unknown> | null,
    };
    if (content.context && Object.keys(content.context).length === 0) content.context = null;
    const hash = chainHash(head.lastHash, content);
    await repo.insert(tx, { ...content, prevHash: head.lastHash, hash });
    return content.id;
  }

  async function verify(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
    const total = await repo.countAll(db);
    const verifier = createChainVerifier();
    let afterId = 0;
    let broken: ChainBreak | undefined;
    for (;;) {
      const rows = await repo.batchAfter(db, afterId, 2000);
      if (rows.length === 0) break;
      for (const row of rows) {
        broken = verifier.check({
          ...toRecord(row),
          prevHash: row.prev_hash,
          hash: row.hash,
        });
        if (broken) break;
      }
      if (broken) break;
      afterId = Number(rows[rows.length - 1]!.id);
      onProgress?.(afterId, total);
    }
    const head = await repo.readHead(db);
    const result = verifier.finish(head);
    return {
      ok: result.broken === undefined,
      checked: result.checked,
      total,
      headId: head.lastId,
      headHash: head.lastHash,
      ...(result.broken ? { broken: result.broken } : {}),
    };
  }

  /** Adds the labels and names people read; the codes and ids stay beside them. */
  async function labelled(records: AuditRecord[]): Promise<LabelledAuditRecord[]> {
    const { entities, actors } = await repo.describe(
      db,
      records.filter((r) => r.entityId).map((r) => ({ type: r.entityType, id: r.entityId! })),
      records.map((r) => r.actorId).filter((id): id is string => !!id),
    );
    return records.map((r) => {
      const userName = r.actorId ? actors.get(r.actorId) : undefined;
      return {
        ...r,
        actorName: userName
          ? { ja: userName, en: userName }
          : (systemActorLabel(r.actorLabel) ?? { ja: r.actorLabel, en: r.actorLabel }),
        actionLabel: auditActionLabel(r.action),
        entityLabel: auditEntityLabel(r.entityType),
        entityName: r.entityId ? (entities.get(`${r.entityType}:${r.entityId}`) ?? null) : null,
      };
    });
  }

  async function list(filter: AuditFilter, limit: number, beforeId?: number) {
    const [rows, total] = await Promise.all([repo.page(db, filter, limit, beforeId), repo.count(db, filter)]);
    return { items: await labelled(rows.map(toRecord)), total };
  }

  /** Like `iterate`, with labels and names (for the CSV people open in Excel). */
  async function* iterateLabelled(
    filter: AuditFilter,
    batchSize = 2000,
  ): AsyncGenerator<LabelledAuditRecord> {
    let afterId = 0;
    for (;;) {
      const rows = await repo.batchAfter(db, afterId, batchSize, filter);
      if (rows.length === 0) return;
      yield* await labelled(rows.map(toRecord));
      afterId = Number(rows[rows.length - 1]!.id);
    }
  }

  /** Streams matching rows oldest first, for CSV export without holding the log in memory. */
  async function* iterate(filter: AuditFilter, batchSize = 2000): AsyncGenerator<AuditRecord> {
    let afterId = 0;
    for (;;) {
      const rows = await repo.batchAfter(db, afterId, batchSize, filter);
      if (rows.length === 0) return;
      for (const row of rows) yield toRecord(row);
      afterId = Number(rows[rows.length - 1]!.id);
    }
  }

  return {
    write,
    verify,
    list,
    iterate,
    iterateLabelled,
    actions: () => repo.distinctActions(db),
    forEntity: (entityType: string, entityId: string) => list({ entityType, entityId }, 200),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

const CSV_COLUMNS: { ja: string; en: string }[] = [
  { ja: "番号", en: "No." },
  { ja: "日時", en: "Time" },
  { ja: "操作者", en: "Actor" },
  { ja: "操作者ID", en: "Actor ID" },
  { ja: "操作", en: "Action" },
  { ja: "操作コード", en: "Action code" },
  { ja: "対象の種類", en: "Entity type" },
  { ja: "対象", en: "Entity" },
  { ja: "対象ID", en: "Entity ID" },
  { ja: "変更前", en: "Before" },
  { ja: "変更後", en: "After" },
  { ja: "補足", en: "Context" },
  { ja: "ハッシュ", en: "Hash" },
];

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV lines (header first) for audit records, safe to open in Excel: headers and labels in the
 * reader's language, times in the organisation's zone (named in the header), and the codes and ids
 * in their own columns for whoever filters or joins on them.
 */
export async function* auditCsvLines(
  records: AsyncIterable<LabelledAuditRecord>,
  { lang, timeZone }: { lang: "ja" | "en"; timeZone: string },
): AsyncGenerator<string> {
  const header = CSV_COLUMNS.map((c, i) => (i === 1 ? csvTimeHeader(c, timeZone, lang) : c[lang]));
  yield `${header.map(csvCell).join(",")}\r\n`;
  for await (const r of records) {
    yield `${[
      r.id,
      formatCsvDateTime(r.at, timeZone),
      r.actorName[lang],
      r.actorId,
      r.actionLabel[lang],
      r.action,
      r.entityLabel[lang],
      r.entityName?.[lang] ?? "",
      r.entityId,
      r.before,
      r.after,
      r.context,
      r.hash,
    ]
      .map(csvCell)
      .join(",")}\r\n`;
  }
}
