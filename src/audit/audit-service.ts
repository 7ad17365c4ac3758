import type { Db, Executor } from "../db/database.js";
import type { AuditRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import type { Bilingual } from "../shared/errors.js";
import { csvTimeHeader, formatCsvDateTime } from "../shared/time-format.js";
import type { AuditAnchor } from "./audit-anchor.js";
import {
  type AnchorSummary,
  type CheckpointRecord,
  createAnchorVerifier,
  rowMac,
} from "./audit-anchor-engine.js";
import { chainHash, createChainVerifier, toStorableJson } from "./audit-engine.js";
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

/** One thing wrong with the log: a broken link of the chain, a MAC, a checkpoint, cut-off rows. */
export type VerifyProblem = {
  id: number;
  lastId: number;
  reason: string;
  detail: string;
  messages: Bilingual;
};

export type VerifyResult = {
  ok: boolean;
  checked: number;
  total: number;
  headId: number;
  headHash: string;
  /** The first problem (kept for callers that show one). */
  broken?: { id: number; reason: string; detail: string; messages: Bilingual };
  /** Every problem found: the chain's first break, then MAC, checkpoint and truncation findings. */
  problems: VerifyProblem[];
  /** What the result rests on (rows written before the key existed, restores, the last checkpoint). */
  notes: Bilingual[];
  anchor: Omit<AnchorSummary, "findings" | "notes"> & { checkpointFile: string | null };
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
  anchor,
}: {
  db: Db;
  repo: AuditRepo;
  clock?: () => Date;
  /** The key and checkpoint file outside the database; without it rows are hash-chained only. */
  anchor?: AuditAnchor | undefined;
}) {
  /**
   * The chain head each open transaction has locked and moved (issue 11 §6: a request writing
   * several audit rows locks and reads the head once). Only a hint: every write is a
   * compare-and-set on the head, so after a rollback to a savepoint (or any other change) the write
   * finds the head moved, locks it and reads it again.
   */
  const heads = new WeakMap<object, { lastId: number; lastHash: string }>();

  async function write(tx: Executor, actor: Actor, entry: AuditEntry): Promise<number> {
    const content = {
      id: 0,
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
    const cached = tx.isTransaction ? heads.get(tx) : undefined;
    for (let attempt = 0; ; attempt++) {
      const hinted = attempt === 0 && cached !== undefined;
      const head = hinted ? cached : await repo.lockHead(tx);
      content.id = head.lastId + 1;
      const hash = chainHash(head.lastHash, content);
      const mac = anchor?.key ? rowMac(anchor.key, content.id, hash) : null;
      if (await repo.insert(tx, { ...content, prevHash: head.lastHash, hash, mac })) {
        if (tx.isTransaction) heads.set(tx, { lastId: content.id, lastHash: hash });
        return content.id;
      }
      // Only a stale hint can miss (the locked head cannot move under us): lock and read it.
      if (!hinted) throw new Error("audit_head moved while locked");
    }
  }

  /**
   * Writes a signed checkpoint of the committed head to the checkpoint file, unless the file's last
   * line already records it. Called periodically by the server, after CLI commands and backups.
   */
  async function checkpoint(
    kind: "checkpoint" | "restore" = "checkpoint",
    note?: string,
  ): Promise<CheckpointRecord | null> {
    if (!anchor?.key) return null;
    const head = await repo.readHead(db);
    const last = anchor.last();
    if (kind === "checkpoint" && last && last.id === head.lastId && last.hash === head.lastHash) return null;
    return anchor.append({ kind, id: head.lastId, hash: head.lastHash, ...(note ? { note } : {}) });
  }

  async function verify(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
    const total = await repo.countAll(db);
    const verifier = createChainVerifier();
    const checkpoints = anchor ? anchor.read() : { found: false, lines: [], problems: [] };
    const anchored = createAnchorVerifier({
      key: anchor?.key ?? null,
      checkpoints: checkpoints.lines,
      checkpointProblems: checkpoints.problems,
      checkpointFileFound: checkpoints.found,
    });
    let afterId = 0;
    let lastRowId = 0;
    // The whole log is read even after the chain's first break, so MACs and checkpoints still tell
    // which rows were rewritten and whether rows are missing from the end.
    for (;;) {
      const rows = await repo.batchAfter(db, afterId, 2000);
      if (rows.length === 0) break;
      for (const row of rows) {
        const record = { ...toRecord(row), prevHash: row.prev_hash, hash: row.hash };
        verifier.check(record);
        anchored.check({ id: record.id, hash: row.hash, mac: row.mac ?? null });
        lastRowId = record.id;
      }
      afterId = Number(rows[rows.length - 1]!.id);
      onProgress?.(afterId, total);
    }
    const head = await repo.readHead(db);
    const result = verifier.finish(head);
    const summary = anchored.finish(lastRowId);
    const problems: VerifyProblem[] = [
      ...(result.broken ? [{ ...result.broken, lastId: result.broken.id }] : []),
      ...summary.findings,
    ];
    const { findings: _f, notes, ...anchorSummary } = summary;
    const first = problems[0];
    return {
      ok: problems.length === 0,
      checked: result.checked,
      total,
      headId: head.lastId,
      headHash: head.lastHash,
      ...(first
        ? { broken: { id: first.id, reason: first.reason, detail: first.detail, messages: first.messages } }
        : {}),
      problems,
      notes,
      anchor: { ...anchorSummary, checkpointFile: anchor?.checkpointFile ?? null },
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
    checkpoint,
    anchor,
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
