import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScreeningHit } from "./screening-contract.js";
import {
  decisionApplies,
  ftmProperties,
  ftmSchema,
  mergeHits,
  newOrChanged,
  partyQueries,
  yenteExampleQueries,
  yenteFeatures,
} from "./screening-engine.js";

function hit(entityId: string, score: number, queryName = "q"): ScreeningHit {
  return {
    entityId,
    source: "un",
    sourceId: entityId,
    schema: "Organization",
    name: `N-${entityId}`,
    score,
    match: score >= 0.7,
    explanation: {
      queryName,
      matchedName: `N-${entityId}`,
      features: [
        {
          id: "name",
          contribution: score,
          label: { ja: "名前の類似度", en: "Name similarity" },
          detail: { ja: "詳細", en: "detail" },
        },
        { id: "country", contribution: -0.1, label: { ja: "国が異なる", en: "Country differs" } },
      ],
      summary: { ja: "要約", en: "summary" },
    },
    programs: [],
    countries: [],
  };
}

describe("party queries", () => {
  it("makes one query per distinct name, with the party's evidence, and never passes e-mail addresses", () => {
    const { run, queries } = partyQueries({
      id: "p",
      kind: "person",
      names: [{ name: "山田 太郎" }, { name: " YAMADA Taro " }, { name: "山田 太郎" }, { name: "" }],
      country: "JP",
      birthDate: "1985-04-12",
      identifiers: [
        { scheme: "passport", value: "TK1234567" },
        { scheme: "email", value: "taro@example.jp" },
      ],
    });
    expect(queries.map((q) => q.name)).toEqual(["山田 太郎", "YAMADA Taro"]);
    expect(queries[0]).toEqual({
      name: "山田 太郎",
      schema: "Person",
      countries: ["JP"],
      birthDate: "1985-04-12",
      identifiers: [{ scheme: "passport", value: "TK1234567" }],
    });
    expect(run).toMatchObject({ schema: "Person", countries: ["JP"], birthDate: "1985-04-12" });
  });

  it("an organisation without country or identifiers adds no evidence", () => {
    const { queries } = partyQueries({
      id: "p",
      kind: "organization",
      names: [{ name: "軍需工業部" }],
      country: null,
      birthDate: null,
      identifiers: [],
    });
    expect(queries).toEqual([{ name: "軍需工業部", schema: "Organization", countries: [] }]);
  });
});

describe("merging the hits of several names", () => {
  it("keeps each list entry once, with its best-scoring name, best first", () => {
    const merged = mergeHits(
      [
        [hit("a", 0.8, "kanji"), hit("b", 0.6, "kanji")],
        [hit("a", 0.95, "katakana"), hit("c", 0.7, "katakana")],
      ],
      10,
    );
    expect(merged.map((h) => [h.entityId, h.score, h.explanation.queryName])).toEqual([
      ["a", 0.95, "katakana"],
      ["c", 0.7, "katakana"],
      ["b", 0.6, "kanji"],
    ]);
    expect(mergeHits([[hit("a", 0.6)], [hit("b", 0.65)]], 1).map((h) => h.entityId)).toEqual(["b"]);
  });

  it("orders an exact tie by the list's legal effect (UN before OFAC), not by name", () => {
    const ofac = { ...hit("o", 0.95), source: "ofac_sdn", name: "A FIRST BY NAME" };
    const un = { ...hit("u", 0.95), source: "un", name: "Z LAST BY NAME" };
    expect(mergeHits([[ofac, un]], 5).map((h) => h.source)).toEqual(["un", "ofac_sdn"]);
    expect(mergeHits([[un], [ofac]], 5).map((h) => h.source)).toEqual(["un", "ofac_sdn"]);
  });

  it("never drops a match to honour the limit; the limit bounds only the candidates below the threshold", () => {
    const merged = mergeHits([[hit("a", 0.9), hit("b", 0.8), hit("c", 0.75), hit("d", 0.6)]], 2);
    expect(merged.map((h) => h.entityId)).toEqual(["a", "b", "c"]);
    expect(mergeHits([[hit("a", 0.9), hit("d", 0.6), hit("e", 0.55)]], 2).map((h) => h.entityId)).toEqual([
      "a",
      "d",
    ]);
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
              s: fc.double({ min: 0, max: 1, noNaN: true }),
            }),
          ),
        ),
        fc.integer({ min: 1, max: 4 }),
        (lists, limit) => {
          const merged = mergeHits(
            lists.map((l) => l.map((x) => hit(x.id, x.s))),
            limit,
          );
          const matchedIds = new Set(
            lists
              .flat()
              .filter((x) => x.s >= 0.7)
              .map((x) => x.id),
          );
          for (const id of matchedIds) expect(merged.some((h) => h.entityId === id)).toBe(true);
          expect(merged.length).toBeLessThanOrEqual(Math.max(limit, matchedIds.size));
        },
      ),
    );
  });

  it("property: the result is sorted, has no duplicates and keeps every entry's maximum", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              id: fc.constantFrom("a", "b", "c", "d"),
              s: fc.double({ min: 0, max: 1, noNaN: true }),
            }),
          ),
        ),
        (lists) => {
          const merged = mergeHits(
            lists.map((l) => l.map((x) => hit(x.id, x.s))),
            100,
          );
          const ids = merged.map((h) => h.entityId);
          expect(new Set(ids).size).toBe(ids.length);
          for (let i = 1; i < merged.length; i++)
            expect(merged[i - 1]!.score).toBeGreaterThanOrEqual(merged[i]!.score);
          for (const h of merged) {
            const max = Math.max(
              ...lists
                .flat()
                .filter((x) => x.id === h.entityId)
                .map((x) => x.s),
            );
            expect(h.score).toBe(max);
          }
        },
      ),
    );
  });
});

describe("new or changed hits", () => {
  const v = (sourceId: string, contentHash: string, match = true) => ({
    source: "un",
    sourceId,
    contentHash,
    match,
  });

  it("a first run: every match is new; a non-match never is", () => {
    expect(newOrChanged([v("1", "h"), v("2", "h", false)], null)).toEqual([true, false]);
  });

  it("compares entry and content with the previous run's matches", () => {
    const previous = [v("1", "h1"), v("2", "h2"), v("3", "h3", false)];
    expect(newOrChanged([v("1", "h1"), v("2", "h2-changed"), v("3", "h3"), v("4", "h4")], previous)).toEqual([
      false, // unchanged
      true, // entry changed
      true, // was below the threshold before
      true, // new entry
    ]);
  });

  it("a decision applies only to the same content", () => {
    expect(decisionApplies({ contentHash: "a" }, { contentHash: "a" })).toBe(true);
    expect(decisionApplies({ contentHash: "a" }, { contentHash: "b" })).toBe(false);
  });
});

describe("yente compatibility", () => {
  it("reads names, name parts, countries, dates and identifiers from FollowTheMoney properties", () => {
    const q = yenteExampleQueries({
      schema: "Person",
      properties: {
        name: ["Vladimir Putin"],
        alias: "Путин",
        firstName: ["Vladimir"],
        lastName: ["Putin"],
        nationality: ["ru", "xx-bad"],
        birthDate: ["1952-10-07"],
        passportNumber: ["123"],
      },
    });
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(q.queries.map((x) => x.name)).toEqual(["Vladimir Putin", "Путин"]);
    expect(q.queries[0]).toMatchObject({
      schema: "Person",
      countries: ["RU"],
      birthDate: "1952-10-07",
      identifiers: [{ scheme: "passport", value: "123" }],
    });
    const company = yenteExampleQueries({
      schema: "Company",
      properties: { name: "ACME", jurisdiction: ["hk"] },
    });
    expect(company.ok && company.queries[0]).toMatchObject({ schema: "Organization", countries: ["HK"] });
  });

  it("refuses an example without any name", () => {
    const q = yenteExampleQueries({ schema: "Person", properties: { birthDate: ["1970"] } });
    expect(q.ok).toBe(false);
  });

  it("maps list entries to FollowTheMoney schemas and properties", () => {
    expect(ftmSchema("Aircraft")).toBe("Airplane");
    expect(ftmSchema("Unknown")).toBe("LegalEntity");
    const props = ftmProperties({
      source: "un",
      sourceId: "KPi.066",
      schema: "Person",
      names: [
        { name: "KIM JONG SIK", kind: "primary" },
        { name: "Kim Cho'ng-sik", kind: "alias" },
        { name: "김정식", kind: "originalScript" },
      ],
      countries: ["KP"],
      birthDates: ["1967"],
      identifiers: [{ scheme: "passport", value: "P1" }],
      programs: ["DPRK"],
      remarks: "note",
    });
    expect(props).toMatchObject({
      name: ["KIM JONG SIK", "김정식"],
      alias: ["Kim Cho'ng-sik"],
      nationality: ["kp"],
      birthDate: ["1967"],
      passportNumber: ["P1"],
      program: ["DPRK"],
      notes: ["note"],
      topics: ["sanction"],
    });
  });

  it("words features and explanations in the caller's language", () => {
    const { features, explanations } = yenteFeatures(hit("a", 0.9), "en");
    expect(features).toEqual({ name_match: 0.9, country_match: -0.1 });
    expect(explanations.name_match).toEqual({ score: 0.9, detail: "Name similarity: detail" });
    expect(yenteFeatures(hit("a", 0.9), "ja").explanations.country_match?.detail).toBe("国が異なる");
  });
});
