import { createHash } from "node:crypto";
import type { Bilingual } from "../shared/errors.js";

/** The hash that precedes the first audit row. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit row that its hash covers. */
export type AuditContent = {
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
};

/**
 * Turns a value into what jsonb will give back (dates as ISO strings, no undefined, no NUL), so the
 * hash computed before storing equals the hash recomputed after reading.
 */
export function toStorableJson(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === "string" ? v.replaceAll(String.fromCharCode(0), "\uFFFD") : v,
  );
  return text === undefined ? null : JSON.parse(text);
}

/** JSON with object keys sorted at every level: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over the previous row's hash and this row's canonical content: the link of the chain. */
export function chainHash(prevHash: string, content: AuditContent): string {
  const covered: AuditContent = {
    id: content.id,
    at: content.at,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    context: content.context,
  };
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(covered)).digest("hex");
}

export type ChainRow = AuditContent & { prevHash: string; hash: string };

export type ChainBreak = {
  id: number;
  reason: "missing_rows" | "prev_hash_mismatch" | "content_changed" | "head_mismatch";
  detail: string;
  messages: Bilingual;
};

/**
 * Walks audit rows in id order and reports the first row where the chain breaks. Feed it rows
 * batch by batch through `check`, then call `finish` with the stored head.
 */
export function createChainVerifier() {
  let expectedId = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  let broken: ChainBreak | undefined;

  function check(row: ChainRow): ChainBreak | undefined {
    if (broken) return broken;
    if (row.id !== expectedId) {
      broken = {
        id: row.id,
        reason: "missing_rows",
        detail: `expected row ${expectedId} before row ${row.id}: rows were deleted`,
        messages: {
          en: `expected row ${expectedId} before row ${row.id}: rows were deleted`,
          ja: `${row.id}行目の前に${expectedId}行目があるはずです: 行が削除されています`,
        },
      };
      return broken;
    }
    if (row.prevHash !== previousHash) {
      broken = {
        id: row.id,
        reason: "prev_hash_mismatch",
        detail: "stored previous hash does not match row before",
        messages: {
          en: `row ${row.id}'s link to the previous row does not match: the row before it was rewritten`,
          ja: `${row.id}行目の前行ハッシュが一致しません: 直前の行が書き換えられています`,
        },
      };
      return broken;
    }
    const recomputed = chainHash(row.prevHash, row);
    if (recomputed !== row.hash) {
      broken = {
        id: row.id,
        reason: "content_changed",
        detail: "row content does not match its hash",
        messages: {
          en: `row ${row.id}'s content does not match its hash: the row was edited`,
          ja: `${row.id}行目の内容がハッシュと一致しません: 行が編集されています`,
        },
      };
      return broken;
    }
    previousHash = row.hash;
    expectedId += 1;
    checked += 1;
    return undefined;
  }

  function finish(head: { lastId: number; lastHash: string }): {
    checked: number;
    broken: ChainBreak | undefined;
  } {
    if (!broken && (head.lastId !== expectedId - 1 || head.lastHash !== previousHash)) {
      broken = {
        id: expectedId,
        reason: "head_mismatch",
        detail: `the head records row ${head.lastId} but the log ends at row ${expectedId - 1}: rows were removed from the end`,
        messages: {
          en: `the head records row ${head.lastId} but the log ends at row ${expectedId - 1}: rows were removed from the end`,
          ja: `先頭記録は${head.lastId}行目ですがログは${expectedId - 1}行目で終わっています: 末尾の行が削除されています`,
        },
      };
    }
    return { checked, broken };
  }

  return { check, finish };
}
