import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { analyzeName } from "./analyze.js";
import { scoreQueryAgainstEntity } from "./index.js";
import {
  balticVariants,
  decodeChineseTranscription,
  dutchVariants,
  hungarianVariant,
  VARIANT_FACTOR,
} from "./spelling.js";

// Hand-written fixtures (not copied from any list file).
function person(sourceId: string, names: string[]): ListEntity {
  return {
    source: "test",
    sourceId,
    schema: "Person",
    names: names.map((name, i) => ({ name, kind: i === 0 ? ("primary" as const) : ("alias" as const) })),
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}
const PUTIN = person("P-1", ["PUTIN, Vladimir Vladimirovich", "PUTIN, Vladimir"]);
const MEDVEDEV = person("P-2", ["MEDVEDEV, Dmitry"]);

function score(query: string, e: ListEntity) {
  const hit = scoreQueryAgainstEntity({ name: query }, e);
  if (!hit) throw new Error(`no hit for ${query}`);
  return hit;
}

describe("spelling conventions: variants", () => {
  it("Dutch: oe = u, tsj = ch, w = v, only for names with a Dutch marker", () => {
    expect(dutchVariants(["wladimir", "wladimirowitsj", "poetin"])).toEqual([
      "vladimir",
      "vladimirovich",
      "putin",
    ]);
    expect(dutchVariants(["joel", "wong"])).toEqual([null, null]);
    expect(dutchVariants(["boeing"])).toEqual([null]);
  });

  it("Hungarian: palatal ty/gy/ny before a vowel", () => {
    expect(hungarianVariant("putyin")).toBe("putin");
    expect(hungarianVariant("medvegyev")).toBe("medvedev");
    expect(hungarianVariant("tyler")).toBeNull();
    expect(hungarianVariant("smith")).toBeNull();
  });

  it("Baltic: nominative endings stripped only when every word carries one", () => {
    expect(balticVariants(["vladimiras", "putinas"])).toEqual(["vladimir", "putin"]);
    expect(balticVariants(["vladimirs", "putins"])).toEqual(["vladimir", "putin"]);
    expect(balticVariants(["thomas", "smith"])).toEqual([null, null]);
    expect(balticVariants(["putinas"])).toEqual([null]);
  });

  it("Chinese transcription of a foreign name: epenthetic vowels, 尔 = r, palatal j = d/t, -ng = -n", () => {
    expect(decodeChineseTranscription(["fu", "la", "ji", "mi", "er"])).toContain("vladimir");
    expect(decodeChineseTranscription(["pu", "jing"])).toContain("putin");
    // a syllable before a vowel-initial or non-l syllable keeps its vowel
    expect(decodeChineseTranscription(["pu", "jing"]).every((s) => s.startsWith("pu"))).toBe(true);
  });
});

describe("spelling conventions: scores and explanations", () => {
  it("a Dutch-spelt name matches its international spelling, below an exact match", () => {
    const hit = score("Wladimir Wladimirowitsj Poetin", PUTIN);
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.score).toBeLessThanOrEqual(VARIANT_FACTOR);
    expect(hit.explanation.features[0]!.detail!.en).toContain("Dutch spelling");
    expect(hit.explanation.features[0]!.detail!.ja).toContain("オランダ語式綴り");
  });

  it("a Hungarian-spelt surname with the title elnök matches", () => {
    const hit = score("Putyin elnök", PUTIN);
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.explanation.features[0]!.detail!.en).toContain("Hungarian spelling");
    expect(score("Medvegyev", MEDVEDEV).score).toBeGreaterThanOrEqual(0.7);
  });

  it("a Lithuanian declined name matches its stem", () => {
    const hit = score("Vladimiras Putinas", PUTIN);
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.explanation.features[0]!.detail!.en).toContain("Baltic case ending");
  });

  it("initials agree with whole given names and patronymics, in any script", () => {
    for (const q of ["В. В. Путин", "Путин В. В.", "V. V. Putin"]) {
      const hit = score(q, PUTIN);
      expect(hit.score, q).toBeGreaterThanOrEqual(0.7);
      expect(hit.explanation.features[0]!.detail!.en).toContain("initial agrees");
    }
    // a different initial is no evidence
    expect(score("A. B. Putin", PUTIN).score).toBeLessThan(score("V. V. Putin", PUTIN).score);
  });

  it("a Chinese transcription of a foreign name is decoded", () => {
    const hit = score("弗拉基米尔·普京", PUTIN);
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.explanation.features[0]!.detail!.en).toContain("Chinese transcription");
  });

  it("variants are attached to tokens only when their convention is marked", () => {
    expect(analyzeName("Joel Smith").forms[0]!.tokens.some((t) => t.variants)).toBe(false);
    expect(analyzeName("Poetin").forms[0]!.tokens[0]!.variants).toEqual([{ alt: "putin", rule: "dutch" }]);
  });
});

describe("abugidas outside the Indic block keep their vowel signs", () => {
  const primary = (name: string) => analyzeName(name).forms[0]!.tokens.map((t) => t.alts[0]);
  it("Burmese vowel signs belong to their consonant", () => {
    expect(primary("ဗလာဒီမီယာ")).toEqual(["bladimiya"]);
  });
  it("a Burmese consonant with the inherent vowel and a killed final reads as one rhyme", () => {
    expect(primary("ပူတင်")).toEqual(["putin"]);
    expect(primary("ထင်")).toEqual(["thin"]);
  });
  it("a Burmese-script name meets its Latin listing", () => {
    expect(score("ဗလာဒီမီယာ ပူတင်", PUTIN).score).toBeGreaterThanOrEqual(0.7);
  });
});
