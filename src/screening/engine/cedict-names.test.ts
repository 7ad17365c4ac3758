import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { cedictRewrites } from "./cedict-names.js";
import { foldHan } from "./cjk.js";
import { abbreviationTarget, lookupName, properNameGlosses } from "./dictionary.js";
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
const hit = (q: string, n: string) => scoreQueryAgainstEntity({ name: q }, org(n));

describe("CC-CEDICT proper-name glosses", () => {
  it.each([
    [
      ["Tsinghua University, Beijing", "National Tsing Hua University, Hsinchu, Taiwan"],
      ["Tsinghua University", "National Tsing Hua University"],
    ],
    [["China State Shipbuilding Corporation (CSSC)"], ["China State Shipbuilding Corporation", "CSSC"]],
    [
      ["Chinese People's Armed Police Force (PAP, aka CAPF)"],
      ["Chinese People's Armed Police Force", "PAP", "CAPF"],
    ],
    [["DJI, Chinese technology company"], ["DJI"]],
    [["Rio Tinto (UK-Australian mining corporation)"], ["Rio Tinto"]],
    [["Huawei (brand)"], ["Huawei"]],
    [["(name) Ross; Rose; Roth"], ["Ross", "Rose", "Roth"]],
    [["Smith (name)"], ["Smith"]],
    // places, peoples and common senses are not names of bodies
    [["China"], []],
    [["Uyghur ethnic group"], []],
    [["Beijing municipality, capital of the People's Republic of China (short name 京[Jing1])"], []],
    [["see 哈爾濱市|哈尔滨市[Ha1 er3 bin1 Shi4]"], []],
    [["cube (math.)"], []],
    [["Mitsubishi (Japanese conglomerate)"], []],
  ])("%j → %j", (glosses, names) => {
    expect(properNameGlosses(glosses)).toEqual(names);
  });

  it.each([
    [["abbr. for 清華大學|清华大学[Qing1 hua2 Da4 xue2]"], "清华大学"],
    [
      ["People's Bank of China (abbr. for 中國人民銀行|中国人民银行[Zhong1 guo2 Ren2 min2 Yin2 hang2])"],
      "中国人民银行",
    ],
    [["Tsinghua University, Beijing"], null],
  ])("abbreviation target of %j is %s", (glosses, full) => {
    expect(abbreviationTarget(glosses)).toBe(full);
  });

  it("only ever returns names as lists write them, and nothing without an annotation or organisation word", () => {
    const word = fc.constantFrom(
      "river",
      "capital",
      "city",
      "the",
      "of",
      "old",
      "Beijing",
      "Smith",
      "University",
      "university",
      "Group",
      "(company)",
      "(name)",
      "(CSSC)",
      ",",
      ";",
      "Kievan",
      "Rus'",
    );
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { maxLength: 3 }), (gs) => {
        const glosses = gs.map((g) => g.join(" "));
        const names = properNameGlosses(glosses);
        for (const n of names) {
          expect(n).toMatch(/^[A-Z0-9]/);
          expect(n.split(" ").length).toBeLessThanOrEqual(10);
          expect(n).not.toMatch(/[()[\]/;,]/);
        }
        const flagged = glosses.some((g) => /\((company|name)\)|University|Group|university/.test(g));
        if (!flagged) expect(names).toEqual([]);
      }),
    );
  });
});

describe("rewriting a Han name with CC-CEDICT's names and abbreviations", () => {
  it.each([
    ["清华大学", "Tsinghua University", "dictionaryName"],
    ["清华", "Tsinghua University", "abbreviation"],
    ["中国商飞", "COMAC", "dictionaryName"],
    ["北京理工大学", "Beijing Institute of Technology", "dictionaryName"],
    ["中国商用飞机有限责任公司", "COMAC 有限责任公司", "dictionaryName"],
    ["中國船舶工業集團有限公司", "China State Shipbuilding Corporation 有限公司", "dictionaryName"],
  ])("%s → %s (%s)", (name, text, how) => {
    const [first] = cedictRewrites(name);
    expect(first?.text).toBe(text);
    expect(first?.steps.map((s) => s.how)).toContain(how);
  });

  it.each([
    ["中国航发"], // 国航 (Air China) straddles the words 中国 | 航发
    ["立方公司"], // 立方 is "cube", an abbreviation of a common word, not a proper noun
    ["维吾尔独立法庭"], // "Uyghur ethnic group" is not a body's name
    ["王伟"],
    ["山田太郎"],
    ["Tsinghua University"],
  ])("leaves %s alone", (name) => {
    expect(cedictRewrites(name)).toEqual([]);
  });

  it("every step names a CC-CEDICT name entry and stands for characters of the name, in order", () => {
    const pieces = fc.constantFrom(
      "清华",
      "大学",
      "中国",
      "商飞",
      "北京",
      "理工",
      "有限公司",
      "船舶",
      "工业",
      "集团",
      "王",
      "伟",
      "火箭军",
      "研究院",
      "史密斯",
      "国航",
      "航发",
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 6 }), (ps) => {
        const name = ps.join("");
        for (const r of cedictRewrites(name)) {
          expect(r.steps.length).toBeGreaterThan(0);
          let at = 0;
          for (const s of r.steps) {
            const headword = s.entry.split(" ")[0]!;
            const entry = lookupName(headword);
            expect(entry).toBeDefined();
            if (s.english) {
              expect(entry!.names.length > 0 ? entry!.names : []).toContain(s.english);
              expect(r.text).toContain(s.english);
            }
            if (s.how === "abbreviation") expect(lookupName(foldHan(s.from))?.full).toBe(s.full);
            const pos = name.indexOf(s.from, at);
            expect(pos).toBeGreaterThanOrEqual(at);
            at = pos + s.from.length;
          }
        }
      }),
    );
  });
});

describe("scores and explanations", () => {
  it("reaches the English name through a CC-CEDICT proper-name entry, explained, a little below a direct match", () => {
    const h = hit("清华大学", "Tsinghua University");
    expect(h?.score ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(h!.score).toBeLessThan(hit("Tsinghua University", "Tsinghua University")!.score);
    expect(h!.explanation.summary.en).toContain("CC-CEDICT proper-name entry");
    expect(h!.explanation.summary.ja).toContain("CC-CEDICT の固有名詞項目");
    expect(h!.explanation.crossScript?.[0]?.from).toContain("清华大学 [Qing1 hua2 Da4 xue2]");
  });

  it("expands an abbreviation to its full form and names the entry", () => {
    const h = hit("清華", "Tsinghua University");
    expect(h?.score ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(h!.score).toBeLessThanOrEqual(hit("清华大学", "Tsinghua University")!.score);
    expect(h!.explanation.summary.en).toContain("abbreviation expanded by CC-CEDICT");
    expect(h!.explanation.crossScript?.[0]?.from).toContain("清华大学");
  });

  it("prefers the dictionary's name of a body over the translation of its words", () => {
    const bit = hit("北京理工大学", "Beijing Institute of Technology")!.score;
    const ustb = hit("北京理工大学", "University of Science and Technology Beijing")!.score;
    expect(bit).toBeGreaterThan(ustb);
  });
});
