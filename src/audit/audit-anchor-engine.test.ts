import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditKeyMaterial,
  auditKeyMaterial,
  type CheckpointLine,
  createAnchorVerifier,
  parseCheckpoints,
  rowMac,
  signCheckpoint,
} from "./audit-anchor-engine.js";
import { type AuditContent, chainHash, GENESIS_HASH } from "./audit-engine.js";

const key = auditKeyMaterial(Buffer.alloc(32, 7));
const otherKey = auditKeyMaterial(Buffer.alloc(32, 9));

type Row = AuditContent & { prevHash: string; hash: string; mac: string | null };

function content(id: number, after: unknown = { n: id }): AuditContent {
  return {
    id,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
    actorId: null,
    actorLabel: "test",
    action: "party.created",
    entityType: "party",
    entityId: `p${id}`,
    before: null,
    after,
    context: null,
  };
}

/** A chain of n rows; rows after `signedAfter` carry MACs under `k`. */
function chain(n: number, k: AuditKeyMaterial = key, signedAfter = 0): Row[] {
  const rows: Row[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = content(i);
    const hash = chainHash(prev, c);
    rows.push({ ...c, prevHash: prev, hash, mac: i > signedAfter ? rowMac(k, i, hash) : null });
    prev = hash;
  }
  return rows;
}

function checkpoint(rows: Row[], id: number, kind: "checkpoint" | "key-created" | "restore" = "checkpoint") {
  return signCheckpoint(key, {
    kind,
    id,
    hash: id === 0 ? GENESIS_HASH : rows[id - 1]!.hash,
    at: `2026-01-01T00:00:${String(id).padStart(2, "0")}Z`,
    by: "test",
  });
}

function lines(...records: ReturnType<typeof checkpoint>[]): CheckpointLine[] {
  return records.map((record, i) => ({ line: i + 1, record }));
}

function verify(rows: Row[], cps: CheckpointLine[], k: AuditKeyMaterial | null = key) {
  const v = createAnchorVerifier({
    key: k,
    checkpoints: cps,
    checkpointProblems: [],
    checkpointFileFound: true,
  });
  for (const r of rows) v.check({ id: r.id, hash: r.hash, mac: r.mac });
  return v.finish(rows.length === 0 ? 0 : rows[rows.length - 1]!.id);
}

/** What an attacker with database rights can do: edit a row and re-hash the chain from it on. */
function rehashFrom(rows: Row[], id: number, after: unknown): Row[] {
  const out = rows.map((r) => ({ ...r }));
  let prev = id === 1 ? GENESIS_HASH : out[id - 2]!.hash;
  for (let i = id - 1; i < out.length; i++) {
    const r = out[i]!;
    if (i === id - 1) r.after = after;
    r.prevHash = prev;
    r.hash = chainHash(prev, r);
    prev = r.hash;
  }
  return out;
}

describe("anchored verification", () => {
  it("accepts an intact, signed chain with its checkpoints", () => {
    const rows = chain(6);
    const s = verify(
      rows,
      lines(checkpoint(rows, 0, "key-created"), checkpoint(rows, 3), checkpoint(rows, 6)),
    );
    expect(s.findings).toEqual([]);
    expect(s).toMatchObject({ key: "ok", signedRows: 6, unsignedRows: 0, checkpoints: 3 });
    expect(s.lastCheckpoint).toEqual({ id: 6, at: "2026-01-01T00:00:06Z" });
  });

  it("names rewriting with the product's own hash function: row N's MAC does not match", () => {
    const rows = rehashFrom(chain(8), 4, { n: "forged" });
    const s = verify(rows, lines(checkpoint(chain(8), 0, "key-created")));
    expect(s.findings).toHaveLength(1);
    expect(s.findings[0]).toMatchObject({ reason: "mac_mismatch", id: 4, lastId: 8 });
    expect(s.findings[0]!.detail).toMatch(/^row 4's MAC does not match/);
    expect(s.findings[0]!.messages.ja).toContain("4行目のMACが一致しません");
  });

  it("names truncation: rows after N removed; checkpoint at N+k", () => {
    const full = chain(9);
    const cps = lines(checkpoint(full, 0, "key-created"), checkpoint(full, 5), checkpoint(full, 9));
    const s = verify(full.slice(0, 6), cps);
    expect(s.findings).toEqual([
      expect.objectContaining({
        reason: "truncated",
        id: 7,
        lastId: 9,
        detail: "rows after 6 removed; checkpoint at 9 (2026-01-01T00:00:09Z) recorded row 9",
      }),
    ]);
  });

  it("finds a MAC removed to pass a row off as written before the key existed", () => {
    const rows = chain(5);
    rows[3] = { ...rows[3]!, mac: null };
    const s = verify(rows, lines(checkpoint(rows, 0, "key-created")));
    expect(s.findings[0]).toMatchObject({ reason: "mac_missing", id: 4 });
  });

  it("also finds stripped MACs from the first signed row on without the key-created line", () => {
    const rows = chain(5, key, 2);
    rows[4] = { ...rows[4]!, mac: null };
    const s = verify(rows, []);
    expect(s.findings[0]).toMatchObject({ reason: "mac_missing", id: 5 });
  });

  it("says which rows were written before the key existed, and fixes them by the key's checkpoint", () => {
    const rows = chain(7, key, 4);
    const s = verify(rows, lines(checkpoint(rows, 4, "key-created")));
    expect(s.findings).toEqual([]);
    expect(s.unsignedRows).toBe(4);
    expect(s.notes[0]!.en).toMatch(/4 rows \(up to row 4\) were written before the audit key existed/);
    // An unsigned row rewritten and re-hashed: the checkpoint of the key's creation no longer matches.
    const forged = rehashFrom(rows, 2, { n: "forged" }).map((r) =>
      r.id > 4 ? { ...r, mac: rowMac(key, r.id, r.hash) } : r,
    );
    const f = verify(forged, lines(checkpoint(rows, 4, "key-created")));
    expect(f.findings).toEqual([expect.objectContaining({ reason: "checkpoint_mismatch", id: 4 })]);
  });

  it("forgets checkpoints beyond a restore, and says what the restore lost", () => {
    const before = chain(8);
    const restored = chain(5);
    // After the restore, rows 6–7 are written again with different content.
    const later = rehashFrom([...restored, ...chain(7).slice(5)], 6, { n: "after restore" }).map((r) => ({
      ...r,
      mac: rowMac(key, r.id, r.hash),
    }));
    const cps = lines(
      checkpoint(before, 0, "key-created"),
      checkpoint(before, 8),
      signCheckpoint(key, {
        kind: "restore",
        id: 5,
        hash: before[4]!.hash,
        at: "2026-02-01T00:00:00Z",
        by: "t",
      }),
    );
    const s = verify(later, cps);
    expect(s.findings).toEqual([]);
    expect(
      s.notes.some((n) => n.en.startsWith("restored from a backup on 2026-02-01T00:00:00Z at row 5")),
    ).toBe(true);
  });

  it("after a key replacement, accepts rows and lines signed with the earlier key, and says so", () => {
    const old = chain(4, otherKey);
    const rows = [...old, ...chain(6).slice(4)].map((r) => ({ ...r }));
    // Re-link rows 5–6 after the old rows and sign them with the new key.
    let prev = rows[3]!.hash;
    for (const r of rows.slice(4)) {
      r.prevHash = prev;
      r.hash = chainHash(prev, r);
      r.mac = rowMac(key, r.id, r.hash);
      prev = r.hash;
    }
    const oldLine = signCheckpoint(otherKey, {
      kind: "checkpoint",
      id: 4,
      hash: rows[3]!.hash,
      at: "t0",
      by: "t",
    });
    const text = [
      oldLine,
      signCheckpoint(key, {
        kind: "key-created",
        id: 4,
        hash: rows[3]!.hash,
        at: "t1",
        by: "t",
        note: "lost",
      }),
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const parsed = parseCheckpoints(`${text}\n`, key);
    const v = createAnchorVerifier({
      key,
      checkpoints: parsed.lines,
      checkpointProblems: parsed.problems,
      checkpointFileFound: true,
    });
    for (const r of rows) v.check(r);
    const s = v.finish(6);
    expect(s.findings).toEqual([]);
    expect(s.notes[0]!.en).toMatch(
      /^the audit key was replaced on t1 \(lost\): 4 rows and 1 checkpoint lines/,
    );
    // A line of the old key after the replacement is not accepted.
    const late = parseCheckpoints(`${text}\n${JSON.stringify(oldLine)}\n`, key);
    const v2 = createAnchorVerifier({
      key,
      checkpoints: late.lines,
      checkpointProblems: late.problems,
      checkpointFileFound: true,
    });
    expect(v2.finish(6).findings[0]).toMatchObject({ reason: "checkpoint_invalid" });
  });

  it("reports a signed log checked without its key", () => {
    const s = verify(chain(3), [], null);
    expect(s.key).toBe("missing");
    expect(s.findings[0]).toMatchObject({ reason: "key_missing" });
  });

  it("reports every MAC failing under another key", () => {
    const rows = chain(3, otherKey);
    const s = verify(rows, []);
    expect(s.findings[0]).toMatchObject({ reason: "mac_mismatch", id: 1, lastId: 3 });
  });

  it("fast-check: any single row rewritten and the chain re-hashed is named by its id", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.string(), (n, pick, text) => {
        const rows = chain(n);
        const id = (pick % n) + 1;
        const s = verify(rehashFrom(rows, id, { forged: text }), lines(checkpoint(rows, 0, "key-created")));
        expect(s.findings[0]).toMatchObject({ reason: "mac_mismatch", id });
      }),
      { numRuns: 50 },
    );
  });

  it("fast-check: cutting any number of rows from the end is named when a checkpoint covers them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), (n, cut) => {
        const rows = chain(n);
        const keep = cut % n;
        const s = verify(rows.slice(0, keep), lines(checkpoint(rows, 0, "key-created"), checkpoint(rows, n)));
        expect(s.findings).toEqual([
          expect.objectContaining({ reason: "truncated", id: keep + 1, lastId: n }),
        ]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("checkpoint file", () => {
  const rows = chain(3);
  const good = [checkpoint(rows, 0, "key-created"), checkpoint(rows, 3)].map((r) => JSON.stringify(r));

  it("reads signed lines", () => {
    const parsed = parseCheckpoints(`${good.join("\n")}\n`, key);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines.map((l) => l.record.id)).toEqual([0, 3]);
  });

  it("names an edited line (a checkpoint moved back to hide truncation)", () => {
    const edited = JSON.stringify({ ...JSON.parse(good[1]!), id: 2, hash: rows[1]!.hash });
    const parsed = parseCheckpoints(`${good[0]}\n${edited}\n`, key);
    expect(parsed.problems).toEqual([{ line: 2, reason: "mac_mismatch" }]);
    const v = createAnchorVerifier({
      key,
      checkpoints: parsed.lines,
      checkpointProblems: parsed.problems,
      checkpointFileFound: true,
    });
    expect(v.finish(3).findings[0]).toMatchObject({
      reason: "checkpoint_invalid",
      detail: "checkpoint file line 2 has a MAC that does not match (the file was edited)",
    });
  });

  it("names lines signed with another key and unreadable lines, but not an unfinished last line", () => {
    const foreign = JSON.stringify(
      signCheckpoint(otherKey, { kind: "checkpoint", id: 1, hash: rows[0]!.hash, at: "x", by: "t" }),
    );
    const parsed = parseCheckpoints(`${good[0]}\n${foreign}\nnot json\n${good[1]!.slice(0, 20)}`, key);
    expect(parsed.problems).toEqual([
      { line: 2, reason: "other_key", keyId: otherKey.id },
      { line: 3, reason: "unreadable" },
    ]);
    expect(parsed.lines).toHaveLength(1);
  });

  it("gives different keys different ids, and the same key the same id", () => {
    const secret = randomBytes(32);
    expect(auditKeyMaterial(secret).id).toBe(auditKeyMaterial(Buffer.from(secret)).id);
    expect(key.id).not.toBe(otherKey.id);
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
