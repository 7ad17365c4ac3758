import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeName } from "./analyze.js";
import { foldHan } from "./cjk.js";
import { foldText, reorderCommaName } from "./normalize.js";
import { dominantScript, scriptOf } from "./scripts.js";
import { editRatio, levenshtein, skeleton } from "./similarity.js";
import { romanizeWord } from "./transliterate.js";

// Name-like strings from several scripts, including full-width and half-width forms.
const pieces = [
  "Vladimir",
  "PUTIN",
  "Nicolás",
  "MÜLLER",
  "o'brien",
  "Jean-Luc",
  "Ｊｏｈｎ",
  "ｶﾀｶﾅ",
  "㈱",
  "株式会社",
  "東芝",
  "軍需工業部",
  "김정은",
  "블라디미르",
  "Путин",
  "Βλαντίμιρ",
  "محمد",
  "משה",
  "สมชาย",
  "व्लादिमीर",
  ",",
  ".",
  " ",
  "-",
  "・",
  "Ltd.",
  "ÆØÅ",
  "ß",
];
const nameArb = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join(" "));
const anyText = fc.oneof(
  nameArb,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

describe("normalisation properties", () => {
  it("foldText is idempotent", () => {
    fc.assert(fc.property(anyText, (s) => foldText(foldText(s)) === foldText(s)));
  });
  it("foldText keeps the scripts of a name (script-stable)", () => {
    const scripts = (t: string) =>
      [
        ...new Set(
          [...t].map((c) => scriptOf(c.codePointAt(0)!)).filter((x) => x !== "none" && x !== "digit"),
        ),
      ].sort();
    fc.assert(
      fc.property(
        nameArb,
        (s) => JSON.stringify(scripts(s.normalize("NFKC"))) === JSON.stringify(scripts(foldText(s))),
      ),
    );
    fc.assert(
      fc.property(nameArb, (s) => dominantScript(foldText(s)) === dominantScript(foldText(foldText(s)))),
    );
  });
  it("analysis ignores letter case", () => {
    fc.assert(
      fc.property(nameArb, (s) => {
        const a = analyzeName(s.toUpperCase());
        const b = analyzeName(s.toLowerCase());
        return JSON.stringify(a.forms) === JSON.stringify(b.forms) && a.identity === b.identity;
      }),
    );
  });
  it("reads ㈱ and (株) as 株式会社 when deciding a name is Japanese (found by the property below)", () => {
    const forms = (s: string) => JSON.stringify(analyzeName(s).forms);
    expect(forms("㈱ 軍需工業部")).toBe(forms(foldText("㈱ 軍需工業部")));
    expect(forms("(株) 日东电工")).toBe(forms("株式会社 日东电工"));
  });
  it("analysis of a folded name equals analysis of the name", () => {
    fc.assert(
      fc.property(
        nameArb,
        (s) => JSON.stringify(analyzeName(foldText(s)).forms) === JSON.stringify(analyzeName(s).forms),
      ),
    );
  });
  it("foldHan is idempotent and length-preserving", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("軍需工業部", "哈爾濱工業大學", "鉱業開発", "国防科技大学", "集団", "学"),
        (s) => {
          const f = foldHan(s);
          return foldHan(f) === f && [...f].length === [...s].length;
        },
      ),
    );
  });
  it("edit ratio is symmetric and in [0,1]", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const r = editRatio(a, b);
        return r === editRatio(b, a) && r >= 0 && r <= 1 && levenshtein(a, b) === levenshtein(b, a);
      }),
    );
  });
});

describe("normalisation examples", () => {
  it("folds width, case, diacritics and enclosed legal forms", () => {
    expect(foldText("ＡＢＣ　Ｃｏｒｐ")).toBe("abc corp");
    expect(foldText("ﾌﾟｰﾁﾝ")).toBe("プーチン");
    expect(foldText("Nicolás MÜLLER")).toBe("nicolas muller");
    expect(foldText("㈱東芝").trim()).toBe("株式会社 東芝".replace(" ", " "));
  });
  it("reorders SURNAME, Given but not Company, Ltd", () => {
    const legal = (t: string) => /^(ltd|inc)$/.test(t);
    expect(reorderCommaName("maduro moros, nicolas", legal)).toBe("nicolas maduro moros");
    expect(reorderCommaName("acme trading, ltd", legal)).toBe("acme trading ltd");
  });
  it("folds Japanese, traditional and simplified Han to one form", () => {
    expect(foldHan("軍需工業部")).toBe(foldHan("军需工业部"));
    expect(foldHan("哈爾濱")).toBe("哈尔滨");
  });
  it("romanises Hangul in Revised and McCune–Reischauer styles", () => {
    expect(romanizeWord("김정은", "hangul")).toEqual(expect.arrayContaining(["gimjeongeun", "kimchongun"]));
  });
  it("romanises katakana loanwords back towards the Latin original", () => {
    expect(romanizeWord("プーチン", "kana")).toContain("putin");
    expect(romanizeWord("ウラジーミル", "kana")).toContain("vradimir");
  });
  it("transliterates Cyrillic, Greek and Arabic", () => {
    expect(romanizeWord("путин", "cyrillic")[0]).toBe("putin");
    expect(romanizeWord("πούτιν", "greek")[0]).toBe("putin");
    expect(skeleton(romanizeWord("محمد", "arabic")[0]!)).toBe(skeleton("mohammed"));
  });
  it("recognises legal forms glued to the name", () => {
    expect(analyzeName("株式会社東芝").legal).toContain("stock");
    expect(analyzeName("招商银行有限公司").legal).toContain("limited");
    expect(analyzeName("주식회사 삼성").legal).toContain("stock");
    expect(analyzeName("ООО Ромашка").legal).toContain("llc");
    expect(analyzeName("ACME CO., LTD.").legal).toContain("limited");
  });
  it("never reads a legal form out of a Han reading (斯 is Sino-Korean sa, not S.A.)", () => {
    for (const name of ["尼斯", "罗斯", "萨斯"]) {
      const a = analyzeName(name);
      expect(a.legal).toEqual([]);
      // the Korean reading keeps its last syllable
      expect(a.forms.some((f) => f.tokens.some((t) => t.alts.includes("sa")))).toBe(true);
    }
  });
  it("keeps an abbreviation that only looks like a legal form at the start of a name", () => {
    const a = analyzeName("AS SAHAB MEDIA");
    expect(a.forms[0]!.tokens.map((t) => t.alts[0])).toContain("as");
  });
});
