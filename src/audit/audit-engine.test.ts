import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditContent,
  canonicalJson,
  chainHash,
  createChainVerifier,
  GENESIS_HASH,
  toStorableJson,
} from "./audit-engine.js";

function content(id: number, action = "party.created"): AuditContent {
  return {
    id,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
    actorId: null,
    actorLabel: "test",
    action,
    entityType: "party",
    entityId: `p${id}`,
    before: null,
    after: { name: `株式会社テスト${id}`, n: id },
    context: null,
  };
}

function chain(n: number) {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = content(i);
    const hash = chainHash(prev, c);
    rows.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("canonicalJson", () => {
  it("is independent of key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it("survives the JSON round trip that jsonb storage performs", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const stored = toStorableJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(stored)))).toBe(canonicalJson(stored));
      }),
    );
  });

  it("replaces NUL characters, which jsonb cannot hold", () => {
    expect(toStorableJson({ a: "x\u0000y" })).toEqual({ a: "x\uFFFDy" });
  });
});

describe("chain verifier", () => {
  it("accepts an intact chain", () => {
    const rows = chain(5);
    const v = createChainVerifier();
    for (const r of rows) expect(v.check(r)).toBeUndefined();
    expect(v.finish({ lastId: 5, lastHash: rows[4]!.hash })).toEqual({ checked: 5, broken: undefined });
  });

  it("names an edited row", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { name: "改ざん", n: 3 } };
    const v = createChainVerifier();
    const breaks = rows.map((r) => v.check(r)).filter(Boolean);
    expect(breaks[0]).toMatchObject({ id: 3, reason: "content_changed" });
  });

  it("names the row after a deleted one", () => {
    const rows = chain(5).filter((r) => r.id !== 2);
    const v = createChainVerifier();
    const first = rows.map((r) => v.check(r)).find(Boolean);
    expect(first).toMatchObject({ id: 3, reason: "missing_rows" });
  });

  it("detects rows cut from the end through the head", () => {
    const rows = chain(5);
    const v = createChainVerifier();
    for (const r of rows.slice(0, 4)) v.check(r);
    expect(v.finish({ lastId: 5, lastHash: rows[4]!.hash }).broken).toMatchObject({
      id: 5,
      reason: "head_mismatch",
    });
  });

  it("detects a re-hashed row because the next row's link no longer matches", () => {
    const rows = chain(4);
    const forged = { ...rows[1]!, after: { forged: true } };
    forged.hash = chainHash(forged.prevHash, forged);
    rows[1] = forged;
    const v = createChainVerifier();
    const first = rows.map((r) => v.check(r)).find(Boolean);
    expect(first).toMatchObject({ id: 3, reason: "prev_hash_mismatch" });
  });
});
