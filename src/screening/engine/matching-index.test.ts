import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { createMatchingIndex, scoreQueryAgainstEntity } from "./index.js";
import { radixSortPairs } from "./matching-index.js";
import { testEntity } from "./test-entities.js";

// Small hand-written fixtures (not copied from any list file).
const entity = testEntity;

const LIST: ListEntity[] = [
  entity("T-001", "Organization", ["MUNITIONS INDUSTRY DEPARTMENT"], { countries: ["kp"] }),
  entity("T-002", "Person", ["KIM, Jong Un"], { countries: ["kp"], birthDates: ["1984-01-08"] }),
  entity("T-003", "Person", ["PUTIN, Vladimir Vladimirovich"], {
    countries: ["ru"],
    birthDates: ["1952-10-07"],
  }),
  entity("T-004", "Organization", ["TOSHIBA CORPORATION"], { countries: ["jp"] }),
  entity("T-005", "Organization", ["HARBIN INSTITUTE OF TECHNOLOGY", "HIT"], { countries: ["cn"] }),
  entity("T-006", "Person", ["MADURO MOROS, Nicolas"], { countries: ["ve"], birthDates: ["1962-11-23"] }),
  entity("T-007", "Organization", ["KOREA MINING DEVELOPMENT TRADING CORPORATION", "KOMID"], {
    countries: ["kp"],
  }),
  entity("T-008", "Organization", ["CHINA MERCHANTS BANK CO., LTD."], { countries: ["cn"] }),
  entity("T-009", "Person", ["AL-HASHIMI, Mohammed Ali"], { birthDates: ["1970"] }),
  entity("T-010", "Organization", ["ANGLO-CARIBBEAN CO., LTD."]),
  entity("T-011", "Person", ["PUTINA, Maria"]),
  entity("T-012", "Organization", ["AEROSPACE SCIENCE AND INDUSTRY GROUP"], { countries: ["cn"] }),
];

function buildIndex() {
  const index = createMatchingIndex();
  for (const [i, e] of LIST.entries()) index.add(e, `id-${i}`);
  index.build();
  return index;
}
const index = buildIndex();

function top(name: string, facts: Record<string, unknown> = {}) {
  return index.match({ name, ...facts }, { limit: 3, minScore: 0 })[0];
}

describe("cross-script matching", () => {
  it.each([
    ["軍需工業部", "T-001"],
    ["军需工业部", "T-001"],
    ["김정은", "T-002"],
    ["金正恩", "T-002"],
    ["ウラジーミル・プーチン", "T-003"],
    ["Владимир Путин", "T-003"],
    ["Βλαντίμιρ Πούτιν", "T-003"],
    ["株式会社東芝", "T-004"],
    ["ハルビン工業大学", "T-005"],
    ["哈尔滨工业大学", "T-005"],
    ["哈爾濱工業大學", "T-005"],
    ["朝鮮鉱業開発貿易会社", "T-007"],
    ["محمد علي الهاشمي", "T-009"],
  ])("%s finds %s above the threshold", (query, expected) => {
    const hit = top(query);
    expect(hit?.sourceId).toBe(expected);
    expect(hit?.match).toBe(true);
    expect(hit?.score).toBeLessThan(1);
  });
});

describe("Latin normalisation", () => {
  it("handles SURNAME, Given order, case and diacritics", () => {
    const hit = top("Nicolás Maduro Moros");
    expect(hit?.sourceId).toBe("T-006");
    expect(hit?.score).toBeGreaterThan(0.9);
  });
  it("gives 1.0 only to the identical name", () => {
    expect(top("MADURO MOROS, Nicolas")?.score).toBe(1);
    expect(top("maduro moros, nicolás")?.score).toBe(1);
    expect(top("Nicolas Maduro Moros")?.score).toBeLessThan(1);
  });
  it("handles full-width Latin letters typed in Japanese input", () => {
    expect(top("ＴＯＳＨＩＢＡ　ＣＯＲＰＯＲＡＴＩＯＮ")?.score).toBe(1);
  });
  it("down-weights legal forms, also when they differ in spelling", () => {
    const a = top("Anglo Caribbean Company Limited");
    expect(a?.sourceId).toBe("T-010");
    expect(a?.score).toBeGreaterThan(0.9);
  });
  it("ignores honorifics", () => {
    expect(top("President Vladimir Putin")?.sourceId).toBe("T-003");
    expect(top("プーチン大統領")?.sourceId).toBe("T-003");
  });
});

describe("negatives", () => {
  it.each(["John Smith", "山田花子", "Toyota Motor", "Maria Schmidt", "Banco Santander", "이순신", "佐藤健"])(
    "%s does not match anything",
    (query) => {
      const hits = index.match({ name: query }, { minScore: 0 });
      expect(hits.filter((h) => h.match)).toEqual([]);
    },
  );
  it("a different member of the same family is ranked below the person", () => {
    const hits = index.match({ name: "Vladimir Putin" }, { minScore: 0 });
    expect(hits[0]?.sourceId).toBe("T-003");
    const putina = hits.find((h) => h.sourceId === "T-011");
    expect(putina === undefined || putina.score < hits[0]!.score).toBe(true);
  });
});

describe("identity features", () => {
  it("a conflicting date of birth lowers the score, an agreeing one raises it", () => {
    const plain = top("Vladimir Putin")!.score;
    const same = top("Vladimir Putin", { birthDate: "1952-10-07" })!.score;
    const other = top("Vladimir Putin", { birthDate: "1990-01-01" })!.score;
    expect(same).toBeGreaterThan(plain);
    expect(other).toBeLessThan(plain - 0.1);
  });
  it("a conflicting country lowers the score and says so in both languages", () => {
    const hit = top("Vladimir Putin", { countries: ["br"] })!;
    const f = hit.explanation.features.find((x) => x.id === "country");
    expect(f?.contribution).toBeLessThan(0);
    expect(f?.label.ja).toContain("国");
    expect(f?.label.en).toContain("Country");
  });
  it("a matching identifier raises the score", () => {
    const e = entity("T-100", "Person", ["IVANOV, Ivan"], {
      identifiers: [{ scheme: "passport", value: "AB 123456" }],
    });
    const without = scoreQueryAgainstEntity({ name: "I. Iwanow" }, e)!;
    const withId = scoreQueryAgainstEntity(
      { name: "I. Iwanow", identifiers: [{ scheme: "passport", value: "AB123456" }] },
      e,
    )!;
    expect(withId.score).toBeGreaterThan(without.score + 0.1);
    expect(withId.explanation.features.map((f) => f.id)).toContain("identifier");
  });
});

describe("explanations", () => {
  it("names the query name, the matched list name and each feature", () => {
    const hit = top("軍需工業部", { countries: ["kp"] })!;
    expect(hit.explanation.queryName).toBe("軍需工業部");
    expect(hit.explanation.matchedName).toBe("MUNITIONS INDUSTRY DEPARTMENT");
    const ids = hit.explanation.features.map((f) => f.id);
    expect(ids).toContain("name");
    expect(ids).toContain("country");
    expect(hit.explanation.summary.ja).toContain("軍需工業部");
    expect(hit.explanation.summary.en).toContain("MUNITIONS INDUSTRY DEPARTMENT");
    const sum = hit.explanation.features.reduce((s, f) => s + f.contribution, 0);
    expect(Math.abs(Math.min(0.99, sum) - hit.score)).toBeLessThan(0.01);
  });
});

describe("index behaviour", () => {
  it("refuses to match before build and to add after build", () => {
    const fresh = createMatchingIndex();
    expect(() => fresh.match({ name: "x" })).toThrow(/build/);
    fresh.build();
    expect(() => fresh.add(LIST[0]!, "x")).toThrow(/frozen/);
  });
  it("respects limit and threshold options", () => {
    const hits = index.match({ name: "Putin" }, { limit: 1, minScore: 0, threshold: 0.99 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.match).toBe(false);
  });
  it("returns nothing for an empty name", () => {
    expect(index.match({ name: "  " })).toEqual([]);
  });
});

describe("names written in ideographs on both sides", () => {
  const cjkIndex = createMatchingIndex();
  const cjkList = [
    entity("C-1", "Organization", ["哈尔滨工业大学"]),
    entity("C-2", "Organization", ["トヨタ自動車株式会社"]),
    entity("C-3", "Organization", ["南京理工大学"]),
  ];
  for (const [i, e] of cjkList.entries()) cjkIndex.add(e, `c-${i}`);
  cjkIndex.build();

  it.each([
    ["哈爾濱工業大學", "C-1"],
    ["ハルビン工業大学", "C-1"],
    ["トヨタ自動車", "C-2"],
    ["南京理工大學", "C-3"],
  ])("%s finds %s (variants folded, readings of the same language compared)", (query, expected) => {
    const hit = cjkIndex.match({ name: query }, { limit: 1, minScore: 0 })[0];
    expect(hit?.sourceId).toBe(expected);
    expect(hit?.match).toBe(true);
  });
});

describe("candidate selection in a larger index", () => {
  // 3,000 entities sharing common words, and one rare name that a misspelt query must still reach
  const big = createMatchingIndex();
  for (let i = 0; i < 3000; i++) {
    big.add(
      entity(`F-${i}`, "Organization", [
        `GENERAL TRADING COMPANY ${i % 50} ${["NORTH", "SOUTH", "EAST"][i % 3]}`,
      ]),
      `f-${i}`,
    );
  }
  big.add(entity("R-1", "Person", ["ZYGMUNTOWSKI, Bartholomew"]), "r-1");
  big.add(entity("R-2", "Organization", ["GENERAL TRADING COMPANY ZYGMUNT"]), "r-2");
  big.build();

  it("a misspelt rare name is found although it shares no word exactly", () => {
    const hit = big.match({ name: "Bartolomew Zygmuntovski" }, { limit: 1, minScore: 0 })[0];
    expect(hit?.sourceId).toBe("R-1");
  });

  it("a Latin name sharing only a common word scores no weak fill; another script still does", () => {
    // every entity shares less than a quarter of the query's key weight (only "trading")
    const latin = big.match({ name: "Wombat Quixotic Trading" }, { limit: 10, minScore: 0 });
    expect(latin).toEqual([]);
    // a Cyrillic name's readings meet list spellings by sound, not by keys: the best few are scored
    const cyrillic = big.match({ name: "ВОМБАТ КВИКСОТИК ТРЕЙДИНГ" }, { limit: 10, minScore: 0 });
    expect(cyrillic.length).toBe(5);
  });

  it("the rare word decides among thousands of entities sharing the common words", () => {
    const hits = big.match({ name: "General Trading Company Zygmunt" }, { limit: 3, minScore: 0 });
    expect(hits[0]?.sourceId).toBe("R-2");
    expect(hits[0]?.match).toBe(true);
  });
});

describe("a Chinese transcription of a foreign name among pinyin look-alikes", () => {
  // Hand-written: Taiwanese names whose pinyin syllables are the query characters' readings
  // (ting, bo, jie), several hundred unrelated people, and the one the transcription writes.
  const ix = createMatchingIndex();
  const lookAlikes = ["Wang Ting-yu", "Lin Chun-ting", "Chen Po-yuan", "Huang Chieh", "Bo Jie", "Ting Bo"];
  lookAlikes.push("Jie Ting", "Liu Bo-ting", "Zhang Jie", "Ting Jie-ming", "Bo Ting-wei", "Chen Jie");
  for (const [i, n] of lookAlikes.entries()) ix.add(entity(`L-${i}`, "Person", [n]), `l-${i}`);
  const first = ["Alan", "Brenda", "Colin", "Dora", "Ewan", "Fiona", "Gavin", "Hilda", "Ivor", "Joan"];
  const last = ["Abbott", "Barrow", "Cavell", "Dunmore", "Ellery", "Fairbank", "Gunning", "Halloran"];
  for (let i = 0; i < 400; i++)
    ix.add(entity(`F-${i}`, "Person", [`${first[i % 10]} ${last[(i * 7) % 8]}sky${i}`]), `f-${i}`);
  ix.add(entity("P-1", "Person", ["Matthew Pottinger"]), "p-1");
  ix.build();

  it("波廷杰 (bo'ting'jie) reaches Pottinger through its sound key, not only the pinyin look-alikes", () => {
    const hits = ix.match({ name: "波廷杰" }, { limit: 5, minScore: 0 });
    expect(hits[0]?.sourceId).toBe("P-1");
    expect(hits[0]?.score).toBeGreaterThanOrEqual(0.85);
    expect(hits[0]?.explanation.summary.en).toContain("transcription");
    expect(hits[0]?.explanation.summary.ja).toContain("音訳");
  });
});

describe("radixSortPairs (three 11/11/10-bit passes)", () => {
  it("sorts pairs by key, keeping the insertion order of equal keys, like a stable sort", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            // narrow and full-width keys: equal keys and every digit of every pass
            fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 0xffffffff })),
            fc.integer({ min: 0, max: 0xffffffff }),
          ),
          { maxLength: 3000 },
        ),
        (pairs) => {
          const keys = Uint32Array.from(pairs.map((p) => p[0]));
          const vals = Uint32Array.from(pairs.map((p) => p[1]));
          radixSortPairs(keys, vals);
          const expected = pairs.map((p, i) => ({ p, i })).sort((a, b) => a.p[0] - b.p[0] || a.i - b.i);
          expect(Array.from(keys)).toEqual(expected.map((x) => x.p[0]));
          expect(Array.from(vals)).toEqual(expected.map((x) => x.p[1]));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("a list name with a word that is also an Object property name", () => {
  it("is indexed and found (CONSTRUCTOR used to read Object's constructor as an org word and throw)", () => {
    const index = createMatchingIndex();
    index.add(entity("T-C1", "Organization", ["ACME CONSTRUCTOR LLC"]), "c1");
    index.build();
    const hits = index.match({ name: "Acme Constructor" });
    expect(hits[0]?.entityId).toBe("c1");
    expect(hits[0]?.match).toBe(true);
  });
});

describe("an exact tie between lists", () => {
  it("puts the listing with the strongest legal effect first (UN before OFAC), whatever the ids or insertion order", () => {
    // one body, listed by OFAC as KOREA… and by the UN as KOREAN…: 朝鮮 reads as either
    const ofac = entity("A-1", "Organization", ["KOREA TANGUN TRADING CORPORATION"], { source: "ofac_sdn" });
    const un = entity("Z-9", "Organization", ["KOREAN TANGUN TRADING CORPORATION"], { source: "un" });
    for (const order of [
      [ofac, un],
      [un, ofac],
    ]) {
      const index = createMatchingIndex();
      order.forEach((e, i) => {
        index.add(e, String(i));
      });
      index.build();
      const hits = index.match({ name: "朝鮮檀君貿易会社" }, { limit: 2, minScore: 0 });
      expect(hits.map((h) => h.source)).toEqual(["un", "ofac_sdn"]);
      expect(hits[0]!.score).toBe(hits[1]!.score);
    }
  });
});
