/**
 * compareNames skips a form pair whose one side has only Han readings when no word, join of two
 * words or initial can meet across (formPairMayScore): such a pair must score 0 in alignForms, so
 * skipping it cannot change a comparison.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeName } from "./analyze.js";
import { alignForms, compareNames, formPairMayScore } from "./score.js";
import { TokenOrigin } from "./similarity.js";

// Han, kana and Hangul names (reading forms), and Latin words that equal some of their readings,
// joins of two readings, initials and acronyms.
const CJK = [
  "結衣 伊藤",
  "伊藤結衣",
  "金正植",
  "王伟",
  "李娜",
  "西安",
  "哈尔滨工业大学",
  "陈成",
  "김정식",
  "キム・ジョンシク",
];
const WORDS = [
  "yui",
  "ito",
  "yuiito",
  "kim",
  "jong",
  "sik",
  "jongsik",
  "wang",
  "wei",
  "e",
  "li",
  "na",
  "x",
  "putin",
];
const MORE = [
  "ivan",
  "chen",
  "cheng",
  "xi'an",
  "xian",
  "hit",
  "harbin",
  "institute",
  "technology",
  "of",
  "co",
  "ltd",
];
const word = fc.constantFrom(...WORDS, ...MORE);
const latin = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const name = fc.oneof(
  fc.constantFrom(...CJK),
  latin,
  fc.constantFrom("Harbin Institute of Technology", "HIT Co"),
);

describe("form pairs with only readings on one side", () => {
  it("a pair formPairMayScore rules out scores 0 in alignForms", () => {
    fc.assert(
      fc.property(name, name, fc.boolean(), (qs, ns, legal) => {
        const q = analyzeName(qs);
        const n = analyzeName(ns);
        for (const qf of q.forms) {
          for (const nf of n.forms) {
            if (!formPairMayScore(q, qf, nf)) expect(alignForms(qf, nf, false, legal).score).toBe(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rules out the reading forms of a Japanese name against an unrelated Latin one", () => {
    const q = analyzeName("結衣 伊藤");
    const n = analyzeName("Vladimir Putin");
    const reading = q.forms.filter((f) => f.tokens.every((t) => t.origin === TokenOrigin.Reading));
    expect(reading.length).toBeGreaterThan(1);
    for (const qf of reading) for (const nf of n.forms) expect(formPairMayScore(q, qf, nf)).toBe(false);
    // … but not against a name that spells one of its readings, nor one with an initial
    for (const other of ["Yiteng Jieyi", "V. Putin"]) {
      const m = analyzeName(other);
      expect(q.forms.some((qf) => m.forms.some((nf) => formPairMayScore(q, qf, nf)))).toBe(true);
    }
    expect(compareNames(q, analyzeName("Jieyi Yiteng")).score).toBeGreaterThan(0.8);
  });
});
