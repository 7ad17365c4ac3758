import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity } from "../screening-contract.js";
import { dashJoinedTranscription } from "./analyze.js";
import { analyzeName, createMatchingIndex, scoreQueryAgainstEntity } from "./index.js";
import { TokenOrigin } from "./similarity.js";
import { testEntity } from "./test-entities.js";
import {
  classDistance,
  EXACT_SOUND,
  englishClasses,
  englishSoundKeys,
  transcriptionClasses,
  transcriptionSimilarity,
  transcriptionSoundKeys,
  transcriptionSplitKeys,
} from "./transcription.js";

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

describe("Chinese transcriptions of foreign names, compared by consonant sounds", () => {
  it.each([
    // English spelling → the consonant classes of its pronunciation
    // (n closing a syllable is "n", opening one "N")
    ["brownback", "BLnBK"],
    ["smith", "SMS"],
    ["hawley", "HL"],
    ["cotton", "KTn"],
    ["altana", "ALTN"],
    // gh before a vowel may be sounded (Gallagher 加拉格尔) or not (Hughes 休斯)
    ["gallagher", "GLGL"],
    ["hughes", "HS"],
  ])("pronounces %s as %s", (word, classes) => {
    expect(englishClasses(word)).toContain(classes);
  });

  it("reads pinyin syllables into the same classes (布朗巴克 bu lang ba ke)", () => {
    expect(transcriptionClasses(["bu", "lang", "ba", "ke"])).toContain("BLnBK");
  });

  it.each([
    ["bu'lang'ba'ke", "brownback"],
    ["shi'mi'si", "smith"],
    ["ke'dun", "cotton"],
    ["bo'er'dun", "bolton"],
  ])("%s sounds like %s", (zh, en) => {
    expect(transcriptionSimilarity(zh, en)).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ["bu'lang'ba'ke", "smith"],
    ["shi'mi'si", "cotton"],
    ["ke'dun", "hawley"],
  ])("%s does not sound like %s", (zh, en) => {
    expect(transcriptionSimilarity(zh, en)).toBe(0);
  });

  it("the transcription and the English word share a blocking key", () => {
    const zh = transcriptionSoundKeys("bu'lang'ba'ke");
    expect(englishSoundKeys("brownback").some((k) => zh.includes(k))).toBe(true);
  });

  it("class distance is a symmetric measure that is zero only for equal sequences", () => {
    const cls = fc.stringMatching(/^[ABFGHJKLMNPSTW]{0,8}$/);
    fc.assert(
      fc.property(cls, cls, (a, b) => {
        const d = classDistance(a, b);
        expect(d).toBeCloseTo(classDistance(b, a), 9);
        expect(d === 0).toBe(a === b);
      }),
    );
  });

  it("similarity stays within [0, 0.97] for any syllables and word", () => {
    const syl = fc.constantFrom(
      "bu",
      "lang",
      "ba",
      "ke",
      "shi",
      "mi",
      "si",
      "er",
      "dun",
      "wa",
      "te",
      "yue",
      "han",
    );
    fc.assert(
      fc.property(
        fc.array(syl, { minLength: 1, maxLength: 5 }),
        fc.stringMatching(/^[a-z]{1,12}$/),
        (s, w) => {
          const x = transcriptionSimilarity(s.join("'"), w);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(0.97);
        },
      ),
    );
  });

  it("a surname transcribed into Chinese scores the person above an unrelated one", () => {
    const hit = scoreQueryAgainstEntity({ name: "布朗巴克" }, entity("Sam Brownback", "Person"));
    expect(hit?.score ?? 0).toBeGreaterThan(0.5);
    const other = scoreQueryAgainstEntity({ name: "布朗巴克" }, entity("Chris Smith", "Person"));
    expect(other?.score ?? 0).toBeLessThan(hit?.score ?? 0);
  });
});

describe("a Western person named in Chinese by the surname alone", () => {
  it("科顿 (Cotton) puts Tom Cotton above a one-word name that merely sounds alike, and says why", () => {
    const person = scoreQueryAgainstEntity({ name: "科顿" }, entity("Tom Cotton", "Person"));
    const other = scoreQueryAgainstEntity({ name: "科顿" }, entity("Echodyne", "Organization"));
    expect(person?.score ?? 0).toBeGreaterThan(other?.score ?? 1);
    const detail = person?.explanation.features[0]?.detail;
    expect(detail?.en).toContain("surname alone");
    expect(detail?.ja).toContain("姓のみ");
  });

  it("博尔顿 (CC-CEDICT: Bolton) reaches John R. Bolton at the threshold", () => {
    const hit = scoreQueryAgainstEntity({ name: "博尔顿" }, entity("John R. Bolton", "Person"));
    expect(hit?.score ?? 0).toBeGreaterThanOrEqual(0.7);
  });

  it("initials the surname's sound also spells do not count as given names (克拉夫特 → Kelly D. K. Craft)", () => {
    const hit = scoreQueryAgainstEntity({ name: "克拉夫特" }, entity("Kelly D. K. Craft", "Person"));
    expect(hit?.score ?? 0).toBeGreaterThanOrEqual(0.85);
    expect(JSON.stringify(hit?.explanation ?? {})).toContain("surname alone");
  });

  it("only the last word is a surname: 卡尔 (Carr) does not lift Carl Gershman over James W. Carr", () => {
    const surname = scoreQueryAgainstEntity({ name: "卡尔" }, entity("James W. Carr", "Person"));
    const given = scoreQueryAgainstEntity({ name: "卡尔" }, entity("Carl Gershman", "Person"));
    expect(surname?.score ?? 0).toBeGreaterThan(given?.score ?? 1);
    expect(JSON.stringify(given?.explanation ?? {})).not.toContain("surname alone");
  });

  it("a company is not a surname: 埃科达因公司 (Echodyne) does not lift Tom Cotton", () => {
    const person = scoreQueryAgainstEntity({ name: "埃科达因公司" }, entity("Tom Cotton", "Person"));
    const bare = scoreQueryAgainstEntity({ name: "埃科达因" }, entity("Tom Cotton", "Person"));
    expect(JSON.stringify(person?.explanation ?? {})).not.toContain("surname alone");
    expect(person?.score ?? 0).toBeLessThan(bare?.score ?? 0);
  });

  it("a name written in letters is not treated so (Cotton alone keeps the given name unmatched)", () => {
    const latin = scoreQueryAgainstEntity({ name: "Cotton" }, entity("Tom Cotton", "Person"));
    expect(JSON.stringify(latin?.explanation ?? {})).not.toContain("surname alone");
    expect(latin?.score ?? 1).toBeLessThan(0.9);
  });
});

describe("transcription conventions found missing on the counter-sanctions list", () => {
  it("a word-final t/d may be left unwritten (戴维 David, 爱德华 Edward), at half a consonant's cost", () => {
    expect(transcriptionSimilarity("dai'wei", "david")).toBeGreaterThanOrEqual(0.6);
    expect(transcriptionSimilarity("ai'de'hua", "edward")).toBeGreaterThanOrEqual(0.6);
    // still less than a transcription that writes it (大卫德 would be da'wei'de)
    expect(transcriptionSimilarity("dai'wei", "david")).toBeLessThan(
      transcriptionSimilarity("da'wei'de", "david"),
    );
  });

  it.each([
    ["班农", "Stephen K. Bannon"],
    ["曼钦", "Gayle Manchin"],
    ["格什曼", "Carl Gershman"],
    ["特温宁", "Daniel Twining"],
  ])("%s is read as a transcription and reaches %s", (query, name) => {
    const hit = scoreQueryAgainstEntity({ name: query }, entity(name, "Person"));
    expect(hit?.score ?? 0).toBeGreaterThanOrEqual(0.7);
    expect(hit?.explanation.summary.en).toContain("transcription");
  });

  it("a nasal final is not an n opening a syllable: 奥尔顿 (ao'er'dun) is Alton before Altana", () => {
    expect(transcriptionSimilarity("ao'er'dun", "alton")).toBeGreaterThan(
      transcriptionSimilarity("ao'er'dun", "altana"),
    );
    const person = scoreQueryAgainstEntity({ name: "奥尔顿" }, entity("David Alton", "Person"));
    const company = scoreQueryAgainstEntity({ name: "奥尔顿" }, entity("Altana", "Organization"));
    expect(person?.score ?? 0).toBeGreaterThanOrEqual(company?.score ?? 1);
  });

  it("a Japanese legal form keeps the Japanese reading of a name that also looks transcribed (东金 Tokin)", () => {
    const ja = scoreQueryAgainstEntity({ name: "东金株式会社" }, entity("Tokin Corporation", "Organization"));
    const zh = scoreQueryAgainstEntity({ name: "东金株式会社" }, entity("Youngdoung Tenzin", "Person"));
    expect(ja?.score ?? 0).toBeGreaterThan(zh?.score ?? 1);
    expect(ja?.explanation.summary.en).toContain("Japanese");
  });
});

describe("acronyms spelled by the initials of translated words", () => {
  it("三菱重工 (Mitsubishi Heavy Industries) meets MHI, and the pair is explained", () => {
    const withAcronym = scoreQueryAgainstEntity(
      { name: "三菱重工相模高科技株式会社" },
      entity("MHI Sagami High-tech, Ltd."),
    );
    const unrelated = scoreQueryAgainstEntity(
      { name: "三菱重工相模高科技株式会社" },
      entity("XYZ Sagami High-tech, Ltd."),
    );
    expect(withAcronym?.score ?? 0).toBeGreaterThan((unrelated?.score ?? 0) + 0.2);
    expect(JSON.stringify(withAcronym?.explanation)).toContain("acronym");
  });

  it("a person's name never spells an acronym (Ali is not Ahmad Latif Ibrahim)", () => {
    const hit = scoreQueryAgainstEntity({ name: "ALI" }, entity("Ahmad Latif Ibrahim", "Person"));
    expect(JSON.stringify(hit?.explanation ?? {})).not.toContain("acronym");
  });
});

describe("finding the English name a transcription stands for among many that sound alike", () => {
  // (names made up for the test) eleven surnames that share 加尼 jia'ni's coarse sound key KN
  // (k/g + n) but not its exact consonant classes, listed before the one that has them
  const alike = ["Kane", "Keen", "Kim", "Conn", "Kahn", "Gunn", "Coyne", "Cain", "Keim", "Kuhn", "Kern"];

  it("an exact sound key ranks Ghani (g-n, as 加尼 jia'ni) first among them", () => {
    const index = createMatchingIndex();
    for (const [i, s] of alike.entries()) index.add(testEntity(`p${i}`, "Person", [`Mary ${s}`]), "test");
    index.add(testEntity("ghani", "Person", ["Omar Ghani"]), "test");
    index.build();
    const hits = index.match({ name: "加尼" }, { limit: 5, minScore: 0 });
    expect(hits[0]?.sourceId).toBe("ghani");
    expect(hits[0]?.explanation.summary.en).toContain("transcription");
  });

  it("English words and transcriptions give exact keys beside the coarse ones", () => {
    expect(englishSoundKeys("ghani")).toEqual(expect.arrayContaining(["KN", `${EXACT_SOUND}GN`]));
    expect(transcriptionSoundKeys("jia'ni")).toContain(`${EXACT_SOUND}GN`);
    expect(englishSoundKeys("kane")).not.toContain(`${EXACT_SOUND}GN`);
  });

  it("a transcription split in two meets the two English words it spans (三泰克托 Sun Tectro)", () => {
    const splits = transcriptionSplitKeys("san'tai'ke'tuo");
    const meets = splits.some(
      ([head, tail]) =>
        head.some((k) => englishSoundKeys("sun").includes(k)) &&
        tail.some((k) => englishSoundKeys("tectro").includes(k)),
    );
    expect(meets).toBe(true);
    // two syllables are one word: no split
    expect(transcriptionSplitKeys("jia'ni")).toEqual([]);
  });

  it("… so that the company is found among others that share its readings", () => {
    // (made-up names) each shares a pinyin, Korean or Japanese reading with 三泰克托 and scores
    // 0.71; without the split keys Sun Tectro (0.92 when compared) was never a candidate
    const index = createMatchingIndex();
    const others = [
      "Santai",
      "Mitai",
      "Sam Tae",
      "Kokutaku",
      "Sandai",
      "Kataku",
      "Sam Dae",
      "Tak Geuk",
      "San Tai",
    ];
    for (const n of [
      ...others,
      "Mitsutai",
      "Sanke",
      "Taike",
      "Keke Tuo",
      "Taito",
      "Kotaku",
      "Samtak",
      "Santak",
    ])
      index.add(testEntity(n, "Organization", [`${n} Co., Ltd.`]), "test");
    index.add(testEntity("target", "Organization", ["Sun Tectro Co., Ltd."]), "test");
    index.build();
    const hits = index.match({ name: "三泰克托株式会社" }, { limit: 5, minScore: 0 });
    expect(hits[0]?.sourceId).toBe("target");
  });
});

describe("a double-barrelled foreign name joined by a dash", () => {
  it("邓肯—史密斯 (Duncan-Smith) is read as a transcription, like 邓肯·史密斯", () => {
    expect(dashJoinedTranscription("邓肯—史密斯")).toBe(true);
    const hit = scoreQueryAgainstEntity({ name: "邓肯—史密斯" }, entity("Iain Duncan Smith", "Person"));
    expect(hit?.score ?? 0).toBeGreaterThanOrEqual(0.8);
    expect(hit?.explanation.summary.en).toContain("transcription");
  });

  it("a dash between ordinary words of an organisation name is not (中国—东盟, 华为—中兴)", () => {
    expect(dashJoinedTranscription("中国—东盟")).toBe(false);
    expect(dashJoinedTranscription("华为—中兴")).toBe(false);
    expect(dashJoinedTranscription("北京—上海高铁")).toBe(false);
  });
});

describe("逊 (-son) in the transcription table", () => {
  it("哈德逊研究所 reads 哈德逊 as a transcription and reaches Hudson Institute", () => {
    const hit = scoreQueryAgainstEntity({ name: "哈德逊研究所" }, entity("Hudson Institute", "Organization"));
    expect(hit?.explanation.summary.en).toContain("transcription");
    const other = scoreQueryAgainstEntity(
      { name: "哈德逊研究所" },
      entity("Naval Systems Research Center", "Organization"),
    );
    expect(hit?.score ?? 0).toBeGreaterThan(other?.score ?? 1);
  });
});

describe("a transcription longer in pinyin than the word it transcribes (cn3)", () => {
  it.each([
    ["埃克索维拉公司", "Exovera"],
    ["艾维奥克斯公司", "Aveox, Inc."],
  ])("%s is compared by sound with %s, however long its pinyin spelling", (query, name) => {
    // ai'ke'suo'wei'la has 16 characters against Exovera's 7: a letter-length bound would drop it
    const hit = scoreQueryAgainstEntity({ name: query }, entity(name, "Organization"));
    expect(hit?.score ?? 0).toBeGreaterThanOrEqual(0.7);
    expect(hit?.explanation.summary.en).toContain("transcription");
  });
});

describe("a g silent before an n that starts or ends an English word (cn3)", () => {
  it.each([
    ["align", "ALn"],
    ["design", "TSn"],
    ["gnome", "NM"],
    // a sounded g is kept (Signal, Wagner: the n is not word-final)
    ["signal", "SGNL"],
    ["wagner", "WGNL"],
  ])("%s → %s", (word, classes) => {
    expect(englishClasses(word)).toContain(classes);
  });

  it("可利尔阿莱恩公司 (ke'li'er'a'lai'en) reaches Clear Align before Carolyn Bartholomew", () => {
    const q = { name: "可利尔阿莱恩公司" };
    const company = scoreQueryAgainstEntity(q, entity("Clear Align LLC", "Organization"));
    const person = scoreQueryAgainstEntity(q, entity("Carolyn Bartholomew", "Person"));
    expect(company?.score ?? 0).toBeGreaterThan(person?.score ?? 1);
  });
});

/** The transcription tokens' spellings of a name's analysis. */
function testTokens(name: string): string[] {
  return analyzeName(name).forms.flatMap((f) =>
    f.tokens.filter((t) => t.origin === TokenOrigin.Transcription).flatMap((t) => t.alts),
  );
}

describe("什 and a word-final ch (cn3)", () => {
  it("什 is shi in a transcription (布什 bu'shi), and a final ch may be ch (Rich, Teich)", () => {
    expect(testTokens("布什")).toContain("bu'shi");
    expect(englishClasses("teich")).toEqual(expect.arrayContaining(["TJ", "TK"]));
    expect(englishClasses("rich")).toContain("LJ");
    // before a consonant ch stays k (Christopher)
    expect(englishClasses("christopher")).toEqual(["KLSTFL", "KLSTF"]);
  });

  it("萨拉·泰什 reaches Sarah Teich before a name that merely shares Sarah's sounds", () => {
    const q = { name: "萨拉·泰什" };
    const teich = scoreQueryAgainstEntity(q, entity("Sarah Teich", "Person"));
    const other = scoreQueryAgainstEntity(q, entity("Jonas Haraldsson", "Person"));
    expect(teich?.score ?? 0).toBeGreaterThanOrEqual(0.7);
    expect(teich?.score ?? 0).toBeGreaterThan(other?.score ?? 0);
  });
});

describe("translated words written as one English brand word (cn3)", () => {
  // (made-up names) each shares the query's translated words "satellite" / "technology", or
  // "systems" / "operations", so that without the joined keys the target is never a candidate
  const filler = ["Alpha", "Beta", "Gamma", "Delta", "Omega", "Sigma", "Kappa", "Zeta", "Theta", "Iota"];

  it("天眼卫星科技 (sky eye satellite technology) finds SkyEyes among companies sharing its words", () => {
    const index = createMatchingIndex({ candidates: 3 });
    for (const f of filler) index.add(testEntity(f, "Organization", [`${f} Satellite Technology`]), "test");
    index.add(testEntity("target", "Organization", ["SkyEyes GPS Technology"]), "test");
    index.build();
    const hits = index.match({ name: "天眼卫星科技" }, { limit: 1, minScore: 0 });
    expect(hits.map((h) => h.sourceId)).toContain("target");
  });

  it("联合技术系统运营公司 (… technology systems operation) finds Alliant Techsystems Operations", () => {
    const index = createMatchingIndex({ candidates: 3 });
    for (const f of filler) index.add(testEntity(f, "Organization", [`${f} Technology Systems`]), "test");
    index.add(testEntity("target", "Organization", ["Alliant Techsystems Operations"]), "test");
    index.build();
    const hits = index.match({ name: "联合技术系统运营公司" }, { limit: 1, minScore: 0 });
    expect(hits.map((h) => h.sourceId)).toContain("target");
  });
});

describe("Limited Partnership as a legal form (cn3)", () => {
  it.each(["TCOM, Limited Partnership", "Acme Limited Partnership"])(
    "%s: only the name word is left",
    (name) => {
      const a = analyzeName(name);
      expect(a.legal).toEqual(["partnership"]);
      expect(a.forms[0]?.tokens.map((t) => t.alts[0])).toHaveLength(1);
    },
  );

  it("特科姆公司 (te'ke'mu) reaches TCOM, Limited Partnership before Tokin Corporation", () => {
    const q = { name: "特科姆公司" };
    const tcom = scoreQueryAgainstEntity(q, entity("TCOM, Limited Partnership", "Organization"));
    const tokin = scoreQueryAgainstEntity(q, entity("Tokin Corporation", "Organization"));
    expect(tcom?.score ?? 0).toBeGreaterThan(tokin?.score ?? 0);
  });
});
