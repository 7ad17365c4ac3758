/**
 * The index build memoises pure steps of name analysis and keys a token shared by several forms
 * once (issue 10, "Speed stays"). These properties show that nothing observable changed: a
 * memoised analysis equals a fresh one whatever was analysed before (so the index does not depend
 * on the order entities are added in), the ASCII shortcut of foldText equals the full folding,
 * a joined key's hash equals the hash of the joined string, and the deduplicated index keys equal
 * the keys of the same forms with no token shared.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeName } from "./analyze.js";
import { clearAnalysisCaches, japaneseReadings, segmentCjk } from "./cjk.js";
import { indexKeysOf } from "./matching-index.js";
import { BoundedCache } from "./memo.js";
import { foldText, foldTextFull, hash32 } from "./normalize.js";

/** Pieces of names in the scripts the synthetic benchmark and the real lists use. */
const PIECES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱欧阳司马伟芳娜秀英敏静丽强磊军洋勇国华建明东",
  "科技",
  "电子",
  "工业",
  "贸易",
  "集团",
  "研究所",
  "大学",
  "航空",
  "北京",
  "上海",
  "哈尔滨",
  "有限公司",
  "股份有限公司",
  "株式会社",
  "清华",
  "中国商飞",
  "日東電工",
  "朝鮮",
  "鉱業",
  "開発",
  "布朗巴克",
  "弗拉基米尔·普京",
  "山田",
  "太郎",
  "キム",
  "ヨンチョル",
  "アイウ",
  "トヨタ",
  "김",
  "정은",
  "조선",
  "광업",
  "무역회사",
  "Vladimir",
  "PUTIN",
  "Trading",
  "Co., Ltd.",
  "LLC",
  "Mohammed",
  "al-",
  "Путин",
  "Владимир",
  "محمد",
  "عبد",
  "Ξένος",
  "Kovač",
];

const nameArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 })
  .chain((ps) =>
    fc
      .array(fc.constantFrom("", " ", "・", ", "), { minLength: ps.length, maxLength: ps.length })
      .map((seps) => ps.map((p, i) => (i === 0 ? p : seps[i] + p)).join("")),
  );

describe("memoised name analysis", () => {
  it("equals a fresh analysis, whatever was analysed before and in whatever order", () => {
    fc.assert(
      fc.property(fc.array(nameArb, { minLength: 1, maxLength: 25 }), (names) => {
        clearAnalysisCaches();
        const fresh = names.map((n) => {
          clearAnalysisCaches();
          return JSON.stringify(analyzeName(n));
        });
        clearAnalysisCaches();
        // warm: every name analysed with the caches full of the others, twice, in reverse order
        const warm = [...names].reverse().map((n) => JSON.stringify(analyzeName(n)));
        warm.reverse();
        const again = names.map((n) => JSON.stringify(analyzeName(n)));
        expect(warm).toEqual(fresh);
        expect(again).toEqual(fresh);
      }),
      { numRuns: 60 },
    );
  });

  it("gives repeated calls results that a caller's copy cannot alter", () => {
    clearAnalysisCaches();
    const first = japaneseReadings(["山", "田"], 16, "person");
    const copy = [...first];
    analyzeName("山田太郎");
    expect(japaneseReadings(["山", "田"], 16, "person")).toEqual(copy);
    const segs = segmentCjk("北京伟芳科技有限公司");
    expect(segmentCjk("北京伟芳科技有限公司")).toBe(segs);
  });
});

describe("foldText ASCII shortcut", () => {
  it("equals the full folding on printable ASCII", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          expect(foldText(s)).toBe(foldTextFull(s));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("still folds everything else in full", () => {
    for (const s of ["Kovač", "ＡＢＣ", "(株)トヨタ", "Straße", "Ⅻ", "tab\there"])
      expect(foldText(s)).toBe(foldTextFull(s));
  });
});

describe("hash32", () => {
  it("continues over a second string: the hash of a joined key without joining", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 0xffffffff }), (a, b, seed) => {
        expect(hash32(b, hash32(a, seed))).toBe(hash32(a + b, seed));
      }),
      { numRuns: 500 },
    );
  });
});

describe("index keys of a name whose forms share tokens", () => {
  it("equal the keys of the same forms with every token a separate object", () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const a = analyzeName(name);
        // a JSON round trip gives every form its own token objects (no sharing to deduplicate)
        const unshared = JSON.parse(JSON.stringify(a));
        expect(indexKeysOf(a)).toEqual(indexKeysOf(unshared));
      }),
      { numRuns: 300 },
    );
  });

  it("covers names whose forms do share tokens", () => {
    const a = analyzeName("北京伟芳科技电子有限公司");
    const tokens = a.forms.flatMap((f) => f.tokens);
    expect(new Set(tokens).size).toBeLessThan(tokens.length);
    expect(indexKeysOf(a)).toEqual(indexKeysOf(JSON.parse(JSON.stringify(a))));
  });
});

describe("BoundedCache", () => {
  it("holds at most twice its capacity and returns what was stored", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 2000 }),
        fc.integer({ min: 1, max: 50 }),
        (keys, cap) => {
          const c = new BoundedCache<number, string>(cap);
          for (const k of keys) {
            const v = c.get(k);
            if (v !== undefined) expect(v).toBe(`v${k}`);
            else c.set(k, `v${k}`);
            expect(c.size).toBeLessThanOrEqual(2 * cap);
          }
        },
      ),
    );
  });

  it("keeps a recently used entry across a generation change", () => {
    const c = new BoundedCache<string, number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.set("c", 3); // a and b move to the old generation
    expect(c.get("a")).toBe(1); // … and a comes back to the new one
    c.set("d", 4); // c and a become old, b is dropped
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
  });
});
