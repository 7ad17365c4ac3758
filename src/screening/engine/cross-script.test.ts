import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { lookupWord } from "./dictionary.js";
import { scoreQueryAgainstEntity } from "./index.js";
import { hangulSyllableToKatakana, katakanaToHangul } from "./korean-kana.js";

function org(name: string, schema: ListEntity["schema"] = "Unknown"): ListEntity {
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
const score = (q: string, n: string) =>
  scoreQueryAgainstEntity({ name: q }, org(n)) ?? {
    score: 0,
    explanation: { crossScript: undefined, summary: { ja: "", en: "" } },
  };

describe("Korean in katakana", () => {
  it.each([
    ["김", "キム"],
    ["영", "ヨン"],
    ["철", "チョル"],
    ["박", "パク"],
    ["최", "チェ"],
    ["황", "ファン"],
    ["정", "ジョン"],
    ["은", "ウン"],
  ])("the conventional transcription of %s includes %s", (hangul, kana) => {
    expect(hangulSyllableToKatakana(hangul)).toContain(kana);
  });

  it("reads katakana back into the Sino-Korean syllables it transcribes, fewest syllables first", () => {
    const syl = katakanaToHangul("ヨンチョル")!;
    expect(syl.map((s) => s.kana)).toEqual(["ヨン", "チョル"]);
    expect(syl[0]!.hangul).toContain("영");
    expect(syl[1]!.hangul).toContain("철");
    expect(katakanaToHangul("ウラジーミル")).not.toBeNull(); // parses, but has no Korean surname…
    expect(score("ウラジーミル・プーチン", "KIM YONG CHOL").score).toBeLessThan(0.5); // …so no Korean reading
  });

  it("property: every Sino-Korean syllable's katakana reads back to it", () => {
    // Sino-Korean readings (the readings of Hanja): what a given-name syllable can be
    const syllables = ["영", "철", "정", "은", "광", "수", "명", "혁", "룡", "선", "일", "성", "금"];
    fc.assert(
      fc.property(fc.constantFrom(...syllables), (s) => {
        for (const k of hangulSyllableToKatakana(s)) {
          const back = katakanaToHangul(k);
          expect(back?.length).toBe(1);
          expect(back![0]!.hangul).toContain(s);
        }
      }),
    );
  });

  it.each([
    ["キム・ヨンチョル", "KIM YONG CHOL"],
    ["キムヨンチョル", "KIM YONG CHOL"],
    ["キム・ジョンウン", "KIM JONG UN"],
    ["チェ・リョンヘ", "CHOE RYONG HAE"],
    ["リ・スヨン", "RI SU YONG"],
  ])("%s reaches %s at Hangul level (≥ 0.85)", (q, n) => {
    expect(score(q, n).score).toBeGreaterThanOrEqual(0.85);
  });

  it("says how the katakana was read, in both languages", () => {
    const hit = score("キム・ヨンチョル", "KIM YONG CHOL");
    expect(hit.explanation.crossScript?.some((s) => s.how.en === "katakana → Hangul")).toBe(true);
    expect(hit.explanation.summary.ja).toContain("キム → 김 → kim（カタカナ→ハングル）");
  });

  it("given-name syllables keep their order, and a half-matched given name is weak", () => {
    expect(score("김광수", "KIM KWANG SU").score).toBeGreaterThanOrEqual(0.85);
    expect(score("김광수", "KIM SU KWANG").score).toBeLessThan(0.7);
    expect(score("김현숙", "KIM HYON U").score).toBeLessThan(0.7);
  });
});

describe("kanji and Chinese organisation names", () => {
  it("the general dictionary (CC-CEDICT) is bundled and gives English words", () => {
    expect(lookupWord("电子")?.glosses[0]).toEqual(["electronic"]);
    expect(lookupWord("集成电路")?.glosses[0]).toEqual(["integrated", "circuit"]);
  });

  it.each([
    ["鴨緑江開発銀行", "AMROGGANG DEVELOPMENT BANKING CORPORATION"],
    ["高麗航空", "AIR KORYO"],
    ["朝鮮中央銀行", "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"],
    ["浪潮電子信息産業", "Inspur Electronic Information Industry"],
    ["中芯国際集成電路製造", "Semiconductor Manufacturing International Corporation"],
    ["中国交通建設", "China Communications Construction Company Limited"],
    ["朝鮮連峰総会社", "KOREA RYONBONG GENERAL CORPORATION"],
    // CC-CEDICT says "carrier rocket"; the curated table adds the industry's "launch vehicle"
    ["中国運載火箭技術研究院", "CHINA ACADEMY OF LAUNCH VEHICLE TECHNOLOGY"],
    // 丹东 is a Chinese city (CC-CEDICT, pinyin only): 丹东富地 is not a foreign name written by sound
    ["丹东富地贸易有限公司", "DANDONG RICH EARTH TRADING CO., LTD."],
    // … while a transcribed foreign name stays whole (not 斯凯 + 迪奥 Dior)
    ["斯凯迪奥公司", "Skydio, Inc."],
    ["洛克希德·马丁公司", "Lockheed Martin Corporation"],
  ])("%s reaches %s above the threshold", (q, n) => {
    expect(score(q, n).score).toBeGreaterThanOrEqual(0.7);
  });

  it("explains each cross-script step in both languages", () => {
    const hit = score("浪潮電子信息産業", "Inspur Electronic Information Industry");
    const steps = hit.explanation.crossScript ?? [];
    expect(steps).toContainEqual(
      expect.objectContaining({ from: "浪潮", to: "inspur", how: { ja: "語彙表", en: "vocabulary" } }),
    );
    expect(hit.explanation.summary.en).toContain("浪潮 → inspur (vocabulary)");
    expect(hit.explanation.summary.ja).toContain("浪潮 → inspur（語彙表）");
    const amrok = score("鴨緑江開発銀行", "AMROGGANG DEVELOPMENT BANKING CORPORATION");
    expect(amrok.explanation.summary.en).toMatch(/鴨緑江 → am\w+ \(Sino-Korean reading\)/);
  });
});
