import { createHmac, timingSafeEqual } from "node:crypto";
import type { Bilingual } from "../shared/errors.js";
import { canonicalJson } from "./audit-engine.js";

/**
 * The audit chain's anchor outside the database: a secret key that MACs every row and signs the
 * checkpoints of the chain head written to a file. Someone who can only change the database can
 * re-hash the chain (the hash function is public) or cut rows from its end and move the head back,
 * but cannot compute the MACs, and cannot make the checkpoints forget how far the chain reached.
 * Pure functions: reading the key file and the checkpoint file happens in audit-anchor.ts.
 */

/** The audit key: the secret never leaves this object's holder; `id` names it in checkpoints. */
export type AuditKeyMaterial = { id: string; secret: Buffer };

/** Smallest accepted key (HMAC-SHA256 gains nothing from more than 32 bytes). */
export const AUDIT_KEY_BYTES = 32;

function hmac(secret: Buffer, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

/** A public name for a key (a MAC of a constant), so checkpoints say which key signed them. */
export function auditKeyId(secret: Buffer): string {
  return hmac(secret, "sekimori-audit-key-id").slice(0, 16);
}

/** Wraps raw key bytes with their id. */
export function auditKeyMaterial(secret: Buffer): AuditKeyMaterial {
  return { id: auditKeyId(secret), secret };
}

/** The MAC stored with an audit row: it covers the row's chain hash (and so the whole prefix). */
export function rowMac(key: AuditKeyMaterial, id: number, hash: string): string {
  return hmac(key.secret, `sekimori-audit-row-v1\n${id}\n${hash}`);
}

function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** What a checkpoint line records. `key-created` marks where row MACs begin; `restore` a restore from backup. */
export type CheckpointKind = "checkpoint" | "key-created" | "restore";

export type CheckpointBody = {
  v: 1;
  kind: CheckpointKind;
  /** The chain head: the last row id (0 for an empty log) and its hash. */
  id: number;
  hash: string;
  at: string;
  /** Id of the key that signed this line. */
  key: string;
  /** Which process wrote it (e.g. "server pid 123", "cli pid 456"). */
  by: string;
  note?: string;
};

export type CheckpointRecord = CheckpointBody & { mac: string };

/** Signs one checkpoint line. */
export function signCheckpoint(
  key: AuditKeyMaterial,
  body: Omit<CheckpointBody, "v" | "key">,
): CheckpointRecord {
  const full: CheckpointBody = { v: 1, ...body, key: key.id };
  return { ...full, mac: hmac(key.secret, `sekimori-audit-checkpoint-v1\n${canonicalJson(full)}`) };
}

/** One line of the checkpoint file, parsed, with its 1-based line number. */
export type CheckpointLine = { line: number; record: CheckpointRecord };

/** A line that could not be trusted: unreadable, or its MAC does not match the loaded key. */
export type CheckpointProblem = {
  line: number;
  reason: "unreadable" | "mac_mismatch" | "other_key";
  keyId?: string;
};

/**
 * Parses the checkpoint file (JSON lines) and checks each line's MAC. Without a key, the lines are
 * returned unchecked (the caller reports that the key is missing). An unfinished last line (a crash
 * in the middle of an append) is ignored rather than reported.
 */
export function parseCheckpoints(
  text: string,
  key: AuditKeyMaterial | null,
): { lines: CheckpointLine[]; problems: CheckpointProblem[] } {
  const lines: CheckpointLine[] = [];
  const problems: CheckpointProblem[] = [];
  const raw = text.split("\n");
  raw.forEach((textLine, index) => {
    if (textLine.trim() === "") return;
    const line = index + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(textLine);
    } catch {
      // A crash in the middle of an append leaves an unfinished last line: not a finding.
      const unfinishedLast = index === raw.length - 1 && !text.endsWith("\n");
      if (!unfinishedLast) problems.push({ line, reason: "unreadable" });
      return;
    }
    const r = parsed as Partial<CheckpointRecord>;
    if (
      r === null ||
      typeof r !== "object" ||
      r.v !== 1 ||
      !["checkpoint", "key-created", "restore"].includes(r.kind as string) ||
      !Number.isInteger(r.id) ||
      (r.id as number) < 0 ||
      typeof r.hash !== "string" ||
      typeof r.at !== "string" ||
      typeof r.key !== "string" ||
      typeof r.mac !== "string"
    ) {
      problems.push({ line, reason: "unreadable" });
      return;
    }
    const record = r as CheckpointRecord;
    if (key) {
      if (record.key !== key.id) {
        problems.push({ line, reason: "other_key", keyId: record.key });
        return;
      }
      const { mac, ...body } = record;
      const expected = hmac(key.secret, `sekimori-audit-checkpoint-v1\n${canonicalJson(body)}`);
      if (!sameHex(expected, mac)) {
        problems.push({ line, reason: "mac_mismatch" });
        return;
      }
    }
    lines.push({ line, record });
  });
  return { lines, problems };
}

/** A row as the anchored verifier sees it. */
export type AnchoredRow = { id: number; hash: string; mac: string | null };

export type AnchorFindingReason =
  | "mac_mismatch"
  | "mac_missing"
  | "checkpoint_mismatch"
  | "truncated"
  | "key_missing"
  | "checkpoint_invalid";

/** Something wrong with the log, found against the key and the checkpoints. */
export type AnchorFinding = {
  reason: AnchorFindingReason;
  /** The first row concerned (0 for problems of the checkpoint file itself). */
  id: number;
  /** The last row of a run of rows with the same problem. */
  lastId: number;
  detail: string;
  messages: Bilingual;
};

export type AnchorSummary = {
  /** "ok": MACs checked with the key; "missing": signed rows but no key; "none": nothing signed, no key. */
  key: "ok" | "missing" | "none";
  keyId: string | null;
  /** Rows that carry a MAC, and the first of them. */
  signedRows: number;
  firstSignedId: number | null;
  /** Rows written before the key existed (no MAC, and none required). */
  unsignedRows: number;
  checkpoints: number;
  lastCheckpoint: { id: number; at: string } | null;
  findings: AnchorFinding[];
  notes: Bilingual[];
};

function rowRange(f: { id: number; lastId: number }): { en: string; ja: string } {
  return f.lastId > f.id
    ? { en: `rows ${f.id}–${f.lastId}`, ja: `${f.id}〜${f.lastId}行目` }
    : { en: `row ${f.id}`, ja: `${f.id}行目` };
}

/**
 * Checks audit rows against the key and the checkpoints. Feed rows in id order through `check`,
 * then call `finish` with the id of the last row in the database. It keeps going after a problem,
 * so rewriting (MACs or checkpoint hashes that do not match) and truncation (checkpoints beyond the
 * end of the log) are both named, with the rows concerned.
 */
export function createAnchorVerifier(options: {
  key: AuditKeyMaterial | null;
  checkpoints: CheckpointLine[];
  checkpointProblems: CheckpointProblem[];
  /** False when no checkpoint file exists (yet). */
  checkpointFileFound: boolean;
}) {
  const { key } = options;
  // Replay the checkpoint file in order: a restore forgets the checkpoints beyond the restored head,
  // because the rows after it were written again (differently) after the restore.
  const expected = new Map<number, CheckpointRecord>();
  // The current key's creation (the last such line: a replaced key writes a new one). Rows up to it
  // were written before this key — unsigned, or signed with a key that was replaced — and are fixed
  // by this checkpoint instead of row MACs.
  let keyCreated: CheckpointRecord | null = null;
  let keyCreatedLine = 0;
  const restores: CheckpointRecord[] = [];
  let lastCheckpoint: CheckpointRecord | null = null;
  for (const { record, line } of options.checkpoints) {
    if (record.kind === "restore") {
      for (const id of [...expected.keys()]) if (id > record.id) expected.delete(id);
      restores.push(record);
    }
    if (record.kind === "key-created") {
      keyCreated = record;
      keyCreatedLine = line;
    }
    expected.set(record.id, record);
    lastCheckpoint = record;
  }
  const signRequiredAfter = keyCreated ? keyCreated.id : null;
  // Lines an earlier (replaced) key signed, before the current key's creation: not checkable, not forged.
  const earlierKeyLines = options.checkpointProblems.filter(
    (p) => p.reason === "other_key" && keyCreated !== null && p.line < keyCreatedLine,
  );
  const checkpointProblems = options.checkpointProblems.filter((p) => !earlierKeyLines.includes(p));
  let earlierKeyRows = 0;

  const findings: AnchorFinding[] = [];
  let signedRows = 0;
  let unsignedRows = 0;
  let firstSignedId: number | null = null;
  let lastUnsignedId: number | null = null;

  function add(reason: AnchorFindingReason, id: number, detail: string, messages: Bilingual): void {
    const last = findings[findings.length - 1];
    if (last && last.reason === reason && reason !== "checkpoint_mismatch" && last.lastId === id - 1) {
      last.lastId = id;
      return;
    }
    findings.push({ reason, id, lastId: id, detail, messages });
  }

  function check(row: AnchoredRow): void {
    if (row.mac !== null && signRequiredAfter !== null && row.id <= signRequiredAfter) {
      earlierKeyRows += 1; // signed with a replaced key: fixed by the current key's first checkpoint
      checkCheckpoint(row);
      return;
    }
    const required =
      (signRequiredAfter !== null && row.id > signRequiredAfter) ||
      (firstSignedId !== null && row.id > firstSignedId);
    if (row.mac === null) {
      if (required) {
        add(
          "mac_missing",
          row.id,
          `row ${row.id} has no MAC although rows are signed since row ${(signRequiredAfter ?? firstSignedId ?? 0) + 1}: its MAC was removed`,
          {
            en: `row ${row.id} has no MAC although rows are signed from row ${(signRequiredAfter ?? firstSignedId ?? 0) + 1} on: its MAC was removed`,
            ja: `${row.id}行目にMACがありません（${(signRequiredAfter ?? firstSignedId ?? 0) + 1}行目以降は署名済みのはず）: MACが削除されています`,
          },
        );
      } else {
        unsignedRows += 1;
        lastUnsignedId = row.id;
      }
    } else {
      signedRows += 1;
      if (firstSignedId === null) firstSignedId = row.id;
      if (key && !sameHex(rowMac(key, row.id, row.hash), row.mac)) {
        add("mac_mismatch", row.id, `row ${row.id}'s MAC does not match: the row was rewritten`, {
          en: `row ${row.id}'s MAC does not match: the row was rewritten (or re-hashed)`,
          ja: `${row.id}行目のMACが一致しません: 行が書き換えられています（ハッシュの再計算を含む）`,
        });
      }
    }
    checkCheckpoint(row);
  }

  function checkCheckpoint(row: AnchoredRow): void {
    const cp = expected.get(row.id);
    if (cp && cp.hash !== row.hash) {
      add(
        "checkpoint_mismatch",
        row.id,
        `row ${row.id} differs from the checkpoint written at ${cp.at}: the log was rewritten at or before row ${row.id}`,
        {
          en: `row ${row.id} differs from the checkpoint written at ${cp.at}: the log was rewritten at or before row ${row.id}`,
          ja: `${row.id}行目が ${cp.at} のチェックポイントと一致しません: ${row.id}行目以前が書き換えられています`,
        },
      );
    }
  }

  function finish(lastRowId: number): AnchorSummary {
    const notes: Bilingual[] = [];
    for (const p of checkpointProblems) {
      const why =
        p.reason === "unreadable"
          ? { en: "cannot be read", ja: "読み取れません" }
          : p.reason === "other_key"
            ? {
                en: `was signed with another key (${p.keyId}; loaded key ${key?.id})`,
                ja: `別の鍵（${p.keyId}、読み込んだ鍵は ${key?.id}）で署名されています`,
              }
            : {
                en: "has a MAC that does not match (the file was edited)",
                ja: "のMACが一致しません（ファイルが編集されています）",
              };
      findings.push({
        reason: "checkpoint_invalid",
        id: 0,
        lastId: 0,
        detail: `checkpoint file line ${p.line} ${why.en}`,
        messages: {
          en: `checkpoint file line ${p.line} ${why.en}`,
          ja: `チェックポイントファイル ${p.line}行目${why.ja}`,
        },
      });
    }
    if (!key && signedRows > 0) {
      findings.push({
        reason: "key_missing",
        id: firstSignedId ?? 0,
        lastId: firstSignedId ?? 0,
        detail:
          "the log is signed, but the audit key is not available: MACs and checkpoints cannot be checked",
        messages: {
          en: "the log is signed, but the audit key is not available: MACs and checkpoints cannot be checked",
          ja: "監査ログは署名されていますが監査鍵がありません: MACとチェックポイントを検証できません",
        },
      });
    }
    let maxCheckpoint: CheckpointRecord | null = null;
    for (const r of expected.values()) if (!maxCheckpoint || r.id > maxCheckpoint.id) maxCheckpoint = r;
    if (maxCheckpoint && maxCheckpoint.id > lastRowId) {
      const text = {
        en: `rows after ${lastRowId} removed; checkpoint at ${maxCheckpoint.id} (${maxCheckpoint.at}) recorded row ${maxCheckpoint.id}`,
        ja: `${lastRowId}行目より後の行が削除されています。${maxCheckpoint.at} のチェックポイントは ${maxCheckpoint.id}行目まで記録しています`,
      };
      findings.push({
        reason: "truncated",
        id: lastRowId + 1,
        lastId: maxCheckpoint.id,
        detail: text.en,
        messages: text,
      });
    }
    if (unsignedRows > 0) {
      const through = lastUnsignedId ?? 0;
      notes.push({
        en: `${unsignedRows} rows (up to row ${through}) were written before the audit key existed: they carry no MAC; ${keyCreated ? `the key's first checkpoint (${keyCreated.at}) fixes the chain up to row ${keyCreated.id}, so later changes to them are found` : "no checkpoint fixes them, so their integrity rests on the hash chain alone"}`,
        ja: `${through}行目までの ${unsignedRows} 行は監査鍵の作成前に書かれたためMACがありません。${keyCreated ? `鍵作成時のチェックポイント（${keyCreated.at}）が ${keyCreated.id}行目までのチェーンを固定しているため、その後の改ざんは検出されます` : "チェックポイントがないため、完全性はハッシュチェーンのみに依拠します"}`,
      });
    }
    if (keyCreated && (earlierKeyRows > 0 || earlierKeyLines.length > 0)) {
      notes.push({
        en: `the audit key was replaced on ${keyCreated.at} (${keyCreated.note ?? "no reason recorded"}): ${earlierKeyRows} rows and ${earlierKeyLines.length} checkpoint lines signed with the earlier key are not checked by MAC; the new key's checkpoint fixes the chain up to row ${keyCreated.id}`,
        ja: `監査鍵は ${keyCreated.at} に交換されました（${keyCreated.note ?? "理由の記録なし"}）。以前の鍵で署名された ${earlierKeyRows} 行と ${earlierKeyLines.length} 件のチェックポイントはMACで検証できません。新しい鍵のチェックポイントが ${keyCreated.id}行目までのチェーンを固定しています`,
      });
    }
    for (const r of restores) {
      notes.push({
        en: `restored from a backup on ${r.at} at row ${r.id}${r.note ? ` (${r.note})` : ""}: rows written after that backup was taken and before the restore are not in this database`,
        ja: `${r.at} にバックアップから ${r.id}行目の時点へ復元されました${r.note ? `（${r.note}）` : ""}: バックアップ取得後から復元までに書かれた行はこのデータベースにありません`,
      });
    }
    if (key && !options.checkpointFileFound) {
      notes.push({
        en: "no checkpoint file: rows cut from the end of the log could not be detected",
        ja: "チェックポイントファイルがありません: 末尾の行の削除は検出できません",
      });
    } else if (lastCheckpoint && lastRowId > lastCheckpoint.id) {
      notes.push({
        en: `the last checkpoint (${lastCheckpoint.at}) is at row ${lastCheckpoint.id}; rows ${lastCheckpoint.id + 1}–${lastRowId} are newer (a removal of those from the end would show only from the next checkpoint on)`,
        ja: `最後のチェックポイント（${lastCheckpoint.at}）は ${lastCheckpoint.id}行目です。${lastCheckpoint.id + 1}〜${lastRowId}行目はそれより新しく、末尾からの削除は次のチェックポイント以降に検出されます`,
      });
    }
    for (const f of findings) {
      if (f.lastId > f.id && (f.reason === "mac_mismatch" || f.reason === "mac_missing")) {
        const range = rowRange(f);
        const more = f.lastId - f.id;
        f.detail = `${f.detail} (and ${more} following row${more === 1 ? "" : "s"}: ${range.en})`;
        f.messages = {
          en: `${f.messages.en} (and ${more} following row${more === 1 ? "" : "s"}: ${range.en})`,
          ja: `${f.messages.ja}（以降 ${more} 行も同様: ${range.ja}）`,
        };
      }
    }
    return {
      key: key ? "ok" : signedRows > 0 ? "missing" : "none",
      keyId: key?.id ?? null,
      signedRows,
      firstSignedId,
      unsignedRows,
      checkpoints: options.checkpoints.length,
      lastCheckpoint: lastCheckpoint ? { id: lastCheckpoint.id, at: lastCheckpoint.at } : null,
      findings,
      notes,
    };
  }

  return { check, finish };
}
