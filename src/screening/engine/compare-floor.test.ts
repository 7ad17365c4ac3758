import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeName } from "./analyze.js";
import { compareNames } from "./score.js";

// Names in several scripts, so that form pairs of different fidelity (spelling, readings,
// transliterations, translations) meet.
const NAMES = [
  "Kim Jong Sik",
  "KIM JONG-SIK",
  "김정식",
  "金正植",
  "キム・ジョンシク",
  "Harbin Institute of Technology",
  "哈尔滨工业大学",
  "ハルビン工業大学",
  "Владимир Путин",
  "Vladimir Putin",
  "Mohammed Al Rashid",
  "محمد الراشد",
  "Korea Mining Development Trading Corporation",
  "朝鮮鉱業開発貿易会社",
  "Islamic Revolutionary Guard Corps",
  "IRGC",
  "Rosoboronexport",
  "Рособоронэкспорт",
  "株式会社さくら精密",
  "Sakura Seimitsu Co., Ltd.",
];
const analysed = NAMES.map((n) => analyzeName(n));

describe("compareNames with a floor (the entity's best name so far)", () => {
  it("gives exactly the unfloored comparison when that beats the floor, and at most the floor otherwise", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: NAMES.length - 1 }),
        fc.integer({ min: 0, max: NAMES.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (qi, ni, floor) => {
          const q = analysed[qi]!;
          const n = analysed[ni]!;
          const full = compareNames(q, n);
          const floored = compareNames(q, n, floor);
          if (full.score > floor) expect(floored).toEqual(full);
          else expect(floored.score).toBeLessThanOrEqual(floor);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("skips work only below the floor: the floor at each pair's own score keeps every pair that beats it", () => {
    // every pair scored, then re-scored with a floor just under its score: identical results
    for (const q of analysed) {
      for (const n of analysed) {
        const full = compareNames(q, n);
        if (full.score <= 0) continue;
        expect(compareNames(q, n, full.score - 1e-9)).toEqual(full);
        expect(compareNames(q, n, full.score).score).toBeLessThanOrEqual(full.score);
      }
    }
  });
});
