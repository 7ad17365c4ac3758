/**
 * The query-side speed-ups skip work only where it cannot change a result: form pairs whose score
 * bound is below what the caller needs, word pairs whose letters keep them under
 * tokenSimilarity's floor, joined words too different in length. Each pruned path is compared
 * with the unpruned one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListEntity, ScreeningQuery } from "../screening-contract.js";
import { analyzeName } from "./analyze.js";
import { createMatchingIndex } from "./index.js";
import {
  alignForms,
  alignFormsAtLeast,
  alignmentCount,
  compareNames,
  type EntityFacts,
  factFeatures,
  type QueryFacts,
} from "./score.js";
import {
  editRatio,
  letterMask,
  spellingBound,
  spellingFloor,
  TokenOrigin,
  tokenSimilarity,
} from "./similarity.js";
import { testEntity } from "./test-entities.js";
import type { LegalClass } from "./vocabulary.js";

// Names in several scripts and shapes: initials, acronyms, given-name syllables, a lone
// transcribed surname, legal forms, joined and split words.
const NAMES = [
  "Kim Jong Sik",
  "KIM JONG-SIK",
  "Kim Jongsik",
  "Kim Sik Jong",
  "김정식",
  "金正植",
  "キム・ジョンシク",
  "Harbin Institute of Technology",
  "HIT",
  "哈尔滨工业大学",
  "Владимир Путин",
  "Vladimir Putin",
  "V. Putin",
  "Putin V V",
  "Mohammed Al Rashid",
  "Mohammed Alrashid",
  "محمد الراشد",
  "Abd Allah Azzam",
  "Abdallah Azzam",
  "Korea Mining Development Trading Corporation",
  "KOMID",
  "Engineering University of the CAPF",
  "China People's Armed Police Force Engineering University",
  "Islamic Revolutionary Guard Corps",
  "IRGC Quds Force",
  "株式会社さくら精密",
  "Sakura Seimitsu Co., Ltd.",
  "科顿",
  "Tom Cotton",
  "John R. Bolton",
  "博尔顿",
  "Hyon Su Kwang",
  "현수광",
  "Sergei Viktorovich Ivanov",
  "Ivanov Sergey",
  "J. Smith",
  "Smith John",
];
const analysed = NAMES.map((n) => analyzeName(n));
const idx = fc.integer({ min: 0, max: NAMES.length - 1 });

describe("alignFormsAtLeast", () => {
  it("returns exactly alignForms, or null only when alignForms scores below the need", () => {
    fc.assert(
      fc.property(
        idx,
        idx,
        fc.double({ min: -0.2, max: 1.1, noNaN: true }),
        fc.boolean(),
        (qi, ni, need, legal) => {
          for (const qf of analysed[qi]!.forms) {
            for (const nf of analysed[ni]!.forms) {
              const full = alignForms(qf, nf, false, legal);
              const bounded = alignFormsAtLeast(qf, nf, legal, need);
              if (bounded === null) expect(full.score).toBeLessThan(need);
              else expect(bounded).toEqual(full);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps every form pair at its own score (the bound is never below the score)", () => {
    for (const q of analysed) {
      for (const n of analysed) {
        for (const qf of q.forms) {
          for (const nf of n.forms) {
            const full = alignForms(qf, nf);
            expect(alignFormsAtLeast(qf, nf, false, full.score)).toEqual(full);
          }
        }
      }
    }
  });
});

describe("compareNames with a need", () => {
  it("is the unbounded comparison when that reaches the need, and below the need otherwise", () => {
    fc.assert(
      fc.property(
        idx,
        idx,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (qi, ni, need, floor) => {
          const q = analysed[qi]!;
          const n = analysed[ni]!;
          const full = compareNames(q, n);
          if (full.score >= need) expect(compareNames(q, n, 0, need)).toEqual(full);
          else expect(compareNames(q, n, 0, need).score).toBeLessThan(need);
          // with a floor too: exact when the unbounded score beats the floor and reaches the need
          const both = compareNames(q, n, floor, need);
          if (full.score > floor && full.score >= need) expect(both).toEqual(full);
          else expect(both.score <= floor || both.score < need).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("word-pair shortcuts", () => {
  const word = fc.string({ unit: fc.constantFrom(..."abdeghiklmnorstuyzéø'"), minLength: 2, maxLength: 12 });
  const origin = fc.constantFrom(
    TokenOrigin.Latin,
    TokenOrigin.Transliterated,
    TokenOrigin.Abjad,
    TokenOrigin.Reading,
    TokenOrigin.Translation,
    TokenOrigin.Abugida,
  );

  it("spellingBound is never below editRatio", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(spellingBound(letterMask(a), a.length, letterMask(b), b.length)).toBeGreaterThanOrEqual(
          editRatio(a, b) - 1e-12,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("a word pair under the spelling floor by its letters scores 0", () => {
    fc.assert(
      fc.property(word, word, origin, origin, fc.boolean(), (a, b, oa, ob, joined) => {
        const floor = spellingFloor(oa, ob, joined);
        if (floor > 0 && a !== b && spellingBound(letterMask(a), a.length, letterMask(b), b.length) < floor)
          expect(tokenSimilarity(a, b, oa, ob, joined)).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("two joined spellings whose lengths differ by more than max(2, 40 %) score 0", () => {
    fc.assert(
      fc.property(word, word, word, origin, origin, (a, x, y, oa, ob) => {
        const b = x + y;
        const gap = Math.abs(a.length - b.length);
        if (gap > 2 && gap > 0.4 * Math.max(a.length, b.length)) {
          expect(tokenSimilarity(a, b, oa, ob, true)).toBe(0);
          expect(tokenSimilarity(b, a, ob, oa, true)).toBe(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("match with a minimum score", () => {
  const entity = (
    sourceId: string,
    schema: ListEntity["schema"],
    names: string[],
    extra: Partial<ListEntity> = {},
  ) => testEntity(sourceId, schema, names, { source: sourceId.startsWith("B") ? "b" : "a", ...extra });
  const LIST: ListEntity[] = [
    entity("A-1", "Person", ["KIM, Jong Sik", "김정식"], { countries: ["kp"], birthDates: ["1961-03-02"] }),
    entity("A-2", "Person", ["PUTIN, Vladimir Vladimirovich"], {
      countries: ["ru"],
      birthDates: ["1952-10-07"],
    }),
    entity("A-3", "Organization", ["HARBIN INSTITUTE OF TECHNOLOGY", "HIT"], { countries: ["cn"] }),
    entity("A-4", "Person", ["AL-RASHID, Mohammed"], {
      identifiers: [{ scheme: "passport", value: "A1234567" }],
    }),
    entity("B-1", "Organization", ["KOREA MINING DEVELOPMENT TRADING CORPORATION", "KOMID"], {
      countries: ["kp"],
    }),
    entity("B-2", "Person", ["COTTON, Tom"], { countries: ["us"] }),
    entity("B-3", "Person", ["IVANOV, Sergei Viktorovich"], { birthDates: ["1953"] }),
    entity("B-4", "Organization", ["SAKURA SEIMITSU CO., LTD.", "株式会社さくら精密"], { countries: ["jp"] }),
    entity("B-5", "Person", ["SMITH, John R."], { countries: ["gb"] }),
    entity("B-6", "Person", ["HYON, Su Kwang", "WEAK ONE"], { countries: ["kp"] }),
  ];
  const index = createMatchingIndex();
  LIST.forEach((e, i) => {
    index.add(e, `id-${i}`);
  });
  index.build();

  it("returns exactly the unbounded hits at or above it", () => {
    fc.assert(
      fc.property(
        idx,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.record({
          countries: fc.option(fc.constantFrom(["kp"], ["ru"], ["us"], ["jp"]), { nil: undefined }),
          birthDate: fc.option(fc.constantFrom("1961-03-02", "1952", "1953-01-01"), { nil: undefined }),
          identifiers: fc.option(fc.constant([{ scheme: "passport", value: "A1234567" }]), {
            nil: undefined,
          }),
          schema: fc.option(fc.constantFrom("Person" as const, "Organization" as const), { nil: undefined }),
        }),
        (qi, minScore, limit, facts) => {
          const query: ScreeningQuery = {
            name: NAMES[qi]!,
            ...facts,
            countries: facts.countries ? [...facts.countries] : undefined,
            identifiers: facts.identifiers ? facts.identifiers.map((i) => ({ ...i })) : undefined,
          };
          const all = index.match(query, { limit: 1000, minScore: 0 });
          const kept = all.filter((h) => h.score >= minScore);
          const matches = kept.filter((h) => h.match).length;
          expect(index.match(query, { limit, minScore })).toEqual(kept.slice(0, Math.max(matches, limit)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("match with a limit (the top-k floor)", () => {
  // one identical name and many near ones: once the identical one is held, the others cannot
  // enter a top-1 unless they are matches
  const LIST: ListEntity[] = [testEntity("K-0", "Person", ["KIM, Jong Sik"], { source: "a" })];
  const EXTRA = ["Chol", "Hyok", "Nam", "Song", "Ryong", "Il", "Su", "Chan", "Gil", "Ho", "Man", "Ok"];
  EXTRA.forEach((x, i) => {
    LIST.push(testEntity(`K-${i + 1}`, "Person", [`KIM, Jong Sik ${x}`], { source: i % 2 ? "a" : "b" }));
  });
  const index = createMatchingIndex();
  LIST.forEach((e, i) => {
    index.add(e, `id-${i}`);
  });
  index.build();

  it("returns exactly the hits of an unlimited match, cut at the limit (matches always kept)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Kim Jong Sik", "Kim Jong Sik Nam", "Jong Sik Kim", "김정식", "Kim Jong"),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (name, limit, threshold, minScore) => {
          const all = index.match({ name }, { limit: 1000, threshold, minScore });
          const matches = all.filter((h) => h.match).length;
          expect(index.match({ name }, { limit, threshold, minScore })).toEqual(
            all.slice(0, Math.max(matches, limit)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("does not align names that cannot enter the result", () => {
    const count = (limit: number) => {
      const before = alignmentCount();
      index.match({ name: "Kim Jong Sik" }, { limit, threshold: 1 });
      return alignmentCount() - before;
    };
    const unlimited = count(1000);
    expect(unlimited).toBeGreaterThanOrEqual(EXTRA.length);
    expect(count(1)).toBeLessThan(unlimited / 2);
  });
});

describe("factFeatures without texts", () => {
  it("gives the same features and contributions, with empty texts", () => {
    const facts: fc.Arbitrary<QueryFacts> = fc.record({
      countries: fc.option(
        fc.constantFrom(["kp"], ["ru"], ["us"]).map((c) => [...c]),
        { nil: undefined },
      ),
      birthDate: fc.option(fc.constantFrom("1961-03-02", "1961", "1962-01-01", "1953"), { nil: undefined }),
      identifiers: fc.option(
        fc.constant([{ scheme: "passport", value: "A1234567" }]).map((l) => l.map((x) => ({ ...x }))),
        { nil: undefined },
      ),
      schema: fc.option(fc.constantFrom("Person" as const, "Organization" as const), { nil: undefined }),
    });
    const entity: fc.Arbitrary<EntityFacts> = fc.record({
      schema: fc.constantFrom(
        "Person" as const,
        "Organization" as const,
        "Vessel" as const,
        "Unknown" as const,
      ),
      countries: fc.constantFrom([], ["kp"], ["ru", "us"]),
      birthDates: fc.constantFrom([], ["1961-03-02"], ["1961", "1953-05-01"]),
      identifiers: fc.constantFrom([], [{ scheme: "passport", value: "a-1234567" }]),
    });
    const legal: fc.Arbitrary<LegalClass[]> = fc.constantFrom([], ["company"], ["llc", "limited"]);
    fc.assert(
      fc.property(facts, entity, legal, legal, (q, e, ql, nl) => {
        const full = factFeatures(q, e, ql, nl);
        const bare = factFeatures(q, e, ql, nl, false);
        expect(bare).toEqual(full.map((f) => ({ id: f.id, contribution: f.contribution, ja: "", en: "" })));
      }),
      { numRuns: 300 },
    );
  });
});
