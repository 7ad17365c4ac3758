import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { analyzeName } from "./analyze.js";
import { abbreviatedWords, foldHan } from "./cjk.js";
import { characterMeanings, lookupCharacter, lookupWord } from "./dictionary.js";
import { DEFAULT_THRESHOLD, scoreQueryAgainstEntity } from "./index.js";

function org(name: string): ListEntity {
  return {
    source: "test",
    sourceId: name,
    schema: "Organization",
    names: [{ name, kind: "primary" }],
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}
const score = (q: string, n: string) => scoreQueryAgainstEntity({ name: q }, org(n))?.score ?? 0;
const hit = (q: string, n: string) => scoreQueryAgainstEntity({ name: q }, org(n));

describe("one-word meanings of single characters (CC-CEDICT)", () => {
  it.each([
    [["iron (metal)", "arms", "weapons", "hard"], false, [], ["iron", "arms", "weapons", "hard"]],
    [["mineral deposit", "ore deposit", "ore", "a mine"], false, [], ["ore"]],
    [["abbr. for China"], true, ["china"], []],
    [["(bound form) China", "Chinese", "surname Zhong"], true, ["china", "chinese"], []],
    [["surname Hang", "abbr. for Hangzhou 杭州[Hang2 zhou1]"], true, ["hangzhou"], []],
    [["surname Yun", "short name for Yunnan 雲南|云南[Yun2 nan2]"], true, ["yunnan"], []],
    // explanations, classifiers, radicals and multi-word senses say nothing a name uses
    [
      ["CL:朵[duo3]", "Kangxi radical 86", "to touch briefly", "classifier for military units (old)"],
      false,
      [],
      [],
    ],
    [["surname Huo"], true, [], []],
  ])("%j (proper %s) → places %j, common %j", (glosses, proper, places, common) => {
    expect(characterMeanings(glosses, proper)).toEqual({ places, common });
  });

  it("reads the bundled dictionary: country senses first, then the plain senses", () => {
    expect(lookupCharacter("铁")?.[0]).toBe("iron");
    expect(lookupCharacter("华")?.[0]).toBe("china");
    expect(lookupCharacter("云")).toContain("yunnan");
    expect(lookupCharacter("核")).toContain("nuclear");
    // a proper noun without a short gloss is still a dictionary word (read in pinyin)
    expect(lookupWord("黑龙江")?.proper).toBe(true);
  });

  it("only ever gives plain lower-case words", () => {
    const gloss = fc.constantFrom(
      "iron (metal)",
      "abbr. for China",
      "abbr. for 清華大學|清华大学[Qing1 hua2 Da4 xue2]",
      "surname Li",
      "(bound form) Japan (abbr. for 日本[Ri4 ben3])",
      "to touch briefly; to tap",
      "CL:個|个[ge4]",
      "USA",
      "north",
      "Mount Hua 華山|华山[Hua4 Shan1] in Shaanxi",
    );
    fc.assert(
      fc.property(fc.array(gloss, { maxLength: 6 }), fc.boolean(), (gs, proper) => {
        const { places, common } = characterMeanings(gs, proper);
        for (const w of [...places, ...common]) expect(w).toMatch(/^[a-z]{2,}$/);
        if (!proper) expect(places.every((p) => gs.some((g) => g.toLowerCase().includes(p)))).toBe(true);
      }),
    );
  });
});

describe("abbreviations read as the vocabulary words their characters begin", () => {
  it("expands a character that begins few organisation words, not one that begins many", () => {
    expect(abbreviatedWords("船").map((w) => w.word)).toContain(foldHan("船舶"));
    expect(abbreviatedWords("南").map((w) => w.word)).toContain(foldHan("南京"));
    expect(abbreviatedWords("中")).toEqual([]);
    for (const c of ["船", "南", "科", "航", "空"])
      for (const w of abbreviatedWords(c)) expect([...w.word][0]).toBe(c);
  });
});

describe("organisation names through character meanings and abbreviations", () => {
  it.each([
    ["红猫控股公司", "Red Cat Holdings, Inc."],
    ["文本矿公司", "TextOre"],
    ["黑龙江大学", "Heilongjiang University"],
    ["东华理工大学", "East China University of Technology"],
    ["南师大", "Nanjing Normal University"],
    ["云师大", "Yunnan Normal University"],
    ["中国人民武装警察部队工程大学", "Engineering University of the CAPF"],
  ])("%s reaches %s at or above the threshold", (q, n) => {
    expect(score(q, n)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it.each([
    [
      "中船重工",
      "China Shipbuilding Industry Corporation",
      "China Aerospace Science and Industry Corporation",
    ],
    ["航天科工", "China Aerospace Science and Industry Corporation", "Space Engineering University"],
    ["南师大", "Nanjing Normal University", "University of South China"],
    ["铁山解决方案公司", "IronMountain Solutions", "Brian Schumpf"],
  ])("%s is closer to %s than to %s", (q, right, wrong) => {
    expect(score(q, right)).toBeGreaterThan(score(q, wrong));
  });

  it("explains each step in both languages", () => {
    const red = hit("红猫控股公司", "Red Cat Holdings, Inc.")!;
    expect(red.explanation.summary.en).toContain("meaning of each character (CC-CEDICT)");
    expect(red.explanation.summary.ja).toContain("一字ずつの意味（CC-CEDICT）");
    const nanjing = hit("南师大", "Nanjing Normal University")!;
    expect(nanjing.explanation.crossScript?.some((s) => s.from.startsWith("南 = 南京"))).toBe(true);
    expect(nanjing.explanation.summary.en).toContain(
      "abbreviation: character read as the vocabulary word it begins",
    );
  });

  it("never reads a person's name character by character", () => {
    for (const name of ["王伟", "李红", "张铁山", "刘德华", "山田太郎"]) {
      const hows = analyzeName(name).forms.flatMap((f) => f.tokens.map((t) => t.from?.how));
      expect(hows).not.toContain("character");
      expect(hows).not.toContain("abbreviatedWord");
    }
  });

  it("every character step stands for one character of the name with its dictionary meanings", () => {
    const piece = fc.constantFrom(
      "铁山",
      "红猫",
      "文本",
      "矿",
      "南",
      "师大",
      "中船",
      "重工",
      "控股",
      "集团",
      "华",
      "东",
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (ps) => {
        const name = `${ps.join("")}公司`;
        for (const f of analyzeName(name).forms)
          for (const t of f.tokens) {
            if (t.from?.how === "character") {
              expect([...t.from.text]).toHaveLength(1);
              expect(name).toContain(t.from.text);
              const meanings = lookupCharacter(foldHan(t.from.text)) ?? [];
              expect(t.alts.some((a) => meanings.includes(a))).toBe(true);
            }
            if (t.from?.how === "abbreviatedWord") {
              const [c, words] = t.from.text.split(" = ");
              expect(name).toContain(c);
              for (const w of words!.split("/")) expect([...w][0]).toBe(foldHan(c!));
            }
          }
      }),
      { numRuns: 60 },
    );
  });
});
