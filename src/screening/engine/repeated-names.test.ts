import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { createMatchingIndex } from "./index.js";

// Hand-made names (not from any list): ideographs, Hangul and kana that repeat across entities, a
// name that gives nothing to index, and Latin names that are never remembered.
const POOL = [
  "王伟",
  "李秀英",
  "郑艳丽",
  "北京理工大学",
  "中国商飞",
  "南京玲海能源开发有限公司",
  "김정은",
  "박영철",
  "キム・ヨンチョル",
  "山田太郎",
  "トヨタ自動車株式会社",
  "・",
  "ZHENG Yanli",
  "KIM Jong Un",
  "MUNITIONS INDUSTRY DEPARTMENT",
];
const KINDS: ListEntity["names"][number]["kind"][] = [
  "primary",
  "alias",
  "weakAlias",
  "former",
  "originalScript",
];

function entity(i: number, names: [number, number][]): ListEntity {
  return {
    source: i % 3 === 0 ? "a" : "b",
    sourceId: `E-${i}`,
    schema: i % 2 === 0 ? "Person" : "Organization",
    names: names.map(([n, k]) => ({ name: POOL[n]!, kind: KINDS[k]! })),
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}

function results(list: ListEntity[], repeatedNames: number, repeatedKeysPool?: number) {
  const index = createMatchingIndex({ repeatedNames, ...(repeatedKeysPool ? { repeatedKeysPool } : {}) });
  for (const [i, e] of list.entries()) index.add(e, `id-${i}`);
  index.build();
  const queries = [...POOL, "郑艳", "Zheng Yan Li", "김정", "yamada taro", "Beijing Institute of Technology"];
  return {
    stats: index.stats(),
    hits: queries.map((q) => index.match({ name: q }, { limit: 10, minScore: 0 })),
  };
}

describe("repeated names are copied, not analysed again", () => {
  it("gives the same index and the same hits (explanations included) as analysing every name", () => {
    const names = fc.array(fc.tuple(fc.nat(POOL.length - 1), fc.nat(KINDS.length - 1)), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 12 }), (lists) => {
        const list = lists.map((n, i) => entity(i, n));
        const fresh = results(list, 0);
        // the default memo, and a memo of one name per generation (entries dropped all the time)
        expect(results(list, 65_536)).toEqual(fresh);
        expect(results(list, 1)).toEqual(fresh);
        // … and a key pool compacted at (nearly) every remembered name
        expect(results(list, 65_536, 1)).toEqual(fresh);
        expect(results(list, 2, 1)).toEqual(fresh);
      }),
      { numRuns: 25 },
    );
  });

  it("keeps each occurrence's own kind of name", () => {
    const list = [entity(0, [[0, 0]]), entity(1, [[0, 2]])];
    const index = createMatchingIndex();
    for (const [i, e] of list.entries()) index.add(e, `id-${i}`);
    index.build();
    const hits = index.match({ name: "王伟" }, { limit: 10, minScore: 0 });
    expect(hits.map((h) => h.entityId).sort()).toEqual(["id-0", "id-1"]);
    const weak = hits.find((h) => h.entityId === "id-1")!;
    const primary = hits.find((h) => h.entityId === "id-0")!;
    expect(JSON.stringify(weak)).not.toEqual(JSON.stringify({ ...primary, entityId: "id-1" }));
  });
});
