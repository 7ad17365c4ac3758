import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { analyzeName } from "./analyze.js";
import { japaneseCharReadings, japaneseReadings } from "./cjk.js";
import { scoreQueryAgainstEntity } from "./index.js";
import { kanjidicReadings, sokuon } from "./japanese-readings.js";
import { pinyinToWadeGiles, wadeGilesOf } from "./wade-giles.js";

function entity(name: string, schema: ListEntity["schema"] = "Unknown"): ListEntity {
  return {
    source: "test",
    sourceId: name,
    schema,
    names: [{ name, kind: "primary" }],
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}
const score = (q: string, n: string) => scoreQueryAgainstEntity({ name: q }, entity(n))?.score ?? 0;

describe("Japanese readings from KANJIDIC2 (kanji package)", () => {
  it.each([
    ["電", "den"],
    ["細", "hoso"], // kun'yomi stem (ほそ.い)
    ["倉", "kura"],
    ["測", "soku"],
  ])("reads %s as %s", (char, reading) => {
    const r = kanjidicReadings(char);
    expect(r).not.toBeNull();
    expect([...r!.on, ...r!.kunStems]).toContain(reading);
  });

  it.each([
    // simplified characters are read through their Japanese forms
    ["东", "to"], // 東
    ["电", "den"], // 電
    ["仓", "kura"], // 倉
    ["冲", "oki"], // 沖
    ["钢", "ko"], // 鋼
  ])("reads the simplified %s as %s", (char, reading) => {
    expect(japaneseCharReadings(char, "org")).toContain(reading);
  });

  it("keeps the preferred (name) mode to the curated readings only", () => {
    // 王 has no preferred name reading: a Han name that need not be Japanese is not read as "o"
    expect(japaneseCharReadings("王", "preferred")).toEqual([]);
    expect(japaneseCharReadings("王", "org").length).toBeGreaterThan(0);
  });

  it.each([
    ["nichi", "to", "nitto"],
    ["toku", "ki", "tokki"],
    ["soku", "ki", "sokki"],
    ["nichi", "hon", "nippon"],
    ["nichi", "ko", "nikko"],
  ])("applies sokuon: %s + %s → %s", (a, b, out) => {
    expect(sokuon(a, b)).toBe(out);
  });

  it.each([
    ["den", "ko"],
    ["sei", "mitsu"],
    ["ichi", "ro"],
  ])("leaves %s + %s without sokuon", (a, b) => {
    expect(sokuon(a, b)).toBeNull();
  });

  it.each([
    [["日", "东"], "nitto"],
    [["电", "工"], "denko"],
    [["八", "洲"], "yashima"],
    [["测", "器"], "sokki"],
  ])("reads the word %j as %s", (chars, reading) => {
    expect(japaneseReadings(chars, 16, "org")).toContain(reading);
  });

  it.each([
    ["日东电工株式会社", "Nitto Denko Corporation"],
    ["青木精密工业株式会社", "Aoki Seimitsu Kogyo Co., Ltd."],
    ["冲电气工业株式会社", "OKI Electric Industry Co., Ltd."],
    ["日东電工株式会社", "Nitto Denko Corporation"],
  ])("a Japanese company name in Han (%s) reaches its romanised English name", (q, n) => {
    expect(score(q, n)).toBeGreaterThanOrEqual(0.7);
  });

  it("explains the Japanese reading", () => {
    const hit = scoreQueryAgainstEntity({ name: "日东电工株式会社" }, entity("Nitto Denko Corporation"));
    expect(JSON.stringify(hit?.explanation)).toMatch(/japanese|日本語/i);
  });

  it("reads a Han name in Japanese broadly only with a Japanese marker (kana, 株式会社)", () => {
    const ja = (s: string) => analyzeName(s).forms.filter((f) => f.lang === "ja").length;
    // without a marker, 文 王 (a Chinese given name and surname) is not read as Japanese "fumi o"
    const plain = analyzeName("文 王").forms.flatMap((f) => f.tokens.flatMap((t) => t.alts));
    expect(plain).not.toContain("o");
    expect(ja("日东电工株式会社")).toBeGreaterThan(0);
  });

  it("property: every reading is lower-case ASCII and the cap holds", () => {
    const chars = [..."日東电工八洲細谷藤仓冲钢特机青木精密工业光和兴业山田太郎岩崎茂古屋圭司"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 24 }),
        (cs, cap) => {
          const r = japaneseReadings(cs, cap, "org");
          expect(r.length).toBeLessThanOrEqual(cap);
          for (const x of r) expect(x).toMatch(/^[a-z]+$/);
        },
      ),
    );
  });
});

describe("Wade–Giles (Library of Congress Pinyin/Wade–Giles correspondence)", () => {
  it.each([
    ["cai", "tsai"],
    ["qi", "chi"],
    ["ji", "chi"],
    ["chang", "chang"],
    ["zhang", "chang"],
    ["xiao", "hsiao"],
    ["xiong", "hsiung"],
    ["cao", "tsao"],
    ["zhi", "chih"],
    ["shi", "shih"],
    ["si", "ssu"],
    ["zi", "tzu"],
    ["ri", "jih"],
    ["rong", "jung"],
    ["guo", "kuo"],
    ["luo", "lo"],
    ["ge", "ko"],
    ["de", "te"],
    ["gui", "kuei"],
    ["lian", "lien"],
    ["jie", "chieh"],
    ["xue", "hsueh"],
    ["yue", "yueh"],
    ["you", "yu"],
    ["yan", "yen"],
    ["bei", "pei"],
    ["deng", "teng"],
    ["er", "erh"],
  ])("spells %s as %s", (py, wg) => {
    expect(pinyinToWadeGiles(py)).toBe(wg);
  });

  it("joins a given name and returns null when nothing changes", () => {
    expect(wadeGilesOf(["qi", "chang"])).toBe("chichang");
    expect(wadeGilesOf(["li", "ming"])).toBeNull();
  });

  it("a Taiwanese name in Han reaches its Wade–Giles list spelling", () => {
    expect(score("蔡其昌", "Tsai Chi-chang")).toBeGreaterThanOrEqual(0.7);
    const hit = scoreQueryAgainstEntity({ name: "蔡其昌" }, entity("Tsai Chi-chang"));
    expect(JSON.stringify(hit?.explanation)).toMatch(/Wade/);
  });

  it("property: the output is lower-case ASCII letters (no apostrophes, no umlauts)", () => {
    const initials = [
      "",
      "b",
      "p",
      "m",
      "f",
      "d",
      "t",
      "n",
      "l",
      "g",
      "k",
      "h",
      "j",
      "q",
      "x",
      "zh",
      "ch",
      "sh",
      "r",
      "z",
      "c",
      "s",
      "y",
      "w",
    ];
    const finals = [
      "a",
      "o",
      "e",
      "i",
      "u",
      "ai",
      "ei",
      "ao",
      "ou",
      "an",
      "en",
      "ang",
      "eng",
      "ong",
      "ia",
      "ie",
      "iao",
      "iu",
      "ian",
      "in",
      "iang",
      "ing",
      "iong",
      "ua",
      "uo",
      "uai",
      "ui",
      "uan",
      "un",
      "uang",
      "ue",
      "er",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...initials), fc.constantFrom(...finals), (i, f) => {
        const wg = pinyinToWadeGiles(i + f);
        expect(wg).not.toBeNull();
        expect(wg).toMatch(/^[a-z]+$/);
      }),
    );
  });
});
