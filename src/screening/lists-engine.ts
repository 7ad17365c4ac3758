import { createHash } from "node:crypto";
import type { ListEntity } from "./screening-contract.js";

/** List ids: lower-case words, or `custom:<name>` for an organisation's own lists. */
export const SOURCE_ID_PATTERN = /^[a-z0-9_]+(:[A-Za-z0-9_.-]+)?$/;

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/**
 * A fingerprint of everything a list says about an entry. Two snapshots' entries with the same
 * source id and hash are the same listing, so re-screening and hit review can tell what changed.
 */
export function entityContentHash(entity: ListEntity): string {
  return createHash("sha256").update(canonical(entity)).digest("hex");
}

/**
 * Keeps source ids unique within one snapshot: a list that repeats an identifier (it happens in
 * name-keyed lists) gets "#2", "#3" … on the repeats instead of failing the whole import.
 */
export function createSourceIdDeduper() {
  const seen = new Map<string, number>();
  return (sourceId: string): string => {
    const count = (seen.get(sourceId) ?? 0) + 1;
    seen.set(sourceId, count);
    if (count === 1) return sourceId;
    let candidate = `${sourceId}#${count}`;
    while (seen.has(candidate)) candidate = `${candidate}'`;
    seen.set(candidate, 1);
    return candidate;
  };
}

/** Counts an import keeps as it goes: entities, names and entities per schema. */
export type SnapshotCounts = { entities: number; names: number; bySchema: Record<string, number> };

/** Adds one entity to the running counts. */
export function countEntity(counts: SnapshotCounts, entity: ListEntity): void {
  counts.entities++;
  counts.names += entity.names.length;
  counts.bySchema[entity.schema] = (counts.bySchema[entity.schema] ?? 0) + 1;
}
