import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  constantAnswerCanFail,
  displayedIndex,
  type LayoutQuestion,
  minimalMaxLoad,
  passCount,
  quizLayout,
  seededRandom,
  toStoredAnswers,
} from "./quiz-layout-engine.js";
import { gradeQuiz, type QuizQuestion } from "./training-engine.js";
import { BUILT_IN_MODULES } from "./training-library.js";

const q = (options: number, correct: number): LayoutQuestion => ({
  options: Array.from({ length: options }, (_, i) => i),
  correct,
});

/** Grades an attempt where the person picks displayed position `p` (clamped) for every question. */
function constantScore(quiz: readonly LayoutQuestion[], seed: string, passPercent: number, p: number) {
  const layout = quizLayout(quiz, passPercent, seed);
  const displayed = quiz.map((x) => Math.min(p, x.options.length - 1));
  const stored = toStoredAnswers(layout, displayed);
  return stored.filter((a, i) => a === quiz[i]!.correct).length;
}

/** Brute force over every placement of the right answers: the true smallest largest load. */
function bruteMinimalMaxLoad(counts: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number, loads: number[]) => {
    if (i === counts.length) {
      best = Math.min(best, Math.max(0, ...loads));
      return;
    }
    for (let p = 0; p < counts[i]!; p++) {
      const next = Array.from({ length: Math.max(loads.length, p + 1) }, (_, j) => loads[j] ?? 0);
      next[p]! += 1;
      walk(i + 1, next);
    }
  };
  walk(0, []);
  return best;
}

describe("seeded randomness", () => {
  it("gives the same sequence for the same seed and different ones for different seeds", () => {
    const a = seededRandom("attempt-1");
    const b = seededRandom("attempt-1");
    const c = seededRandom("attempt-2");
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe("pass count and balance", () => {
  it("matches gradeQuiz's rounding", () => {
    expect(passCount(3, 80)).toBe(3);
    expect(passCount(3, 75)).toBe(3);
    expect(passCount(3, 60)).toBe(2);
    expect(passCount(4, 75)).toBe(3);
    expect(passCount(5, 80)).toBe(4);
    expect(passCount(6, 80)).toBe(5); // 4/6 = 67 %, 5/6 = 83 %
  });

  it("the greedy smallest largest load equals brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 6 }), (counts) => {
        expect(minimalMaxLoad(counts)).toBe(bruteMinimalMaxLoad(counts));
      }),
    );
  });

  it("flags quizzes where a constant answer could pass", () => {
    // Three true/false questions at 60 %: two right answers always share a position.
    expect(constantAnswerCanFail([q(2, 0), q(2, 1), q(2, 0)], 60)).toBe(false);
    expect(constantAnswerCanFail([q(2, 0), q(2, 1), q(2, 0)], 75)).toBe(true);
    expect(constantAnswerCanFail([q(4, 0), q(4, 0), q(4, 0), q(4, 0), q(4, 0)], 80)).toBe(true);
    expect(constantAnswerCanFail([], 80)).toBe(false);
  });
});

describe("quiz layout", () => {
  it("is a permutation per question and maps answers back exactly", () => {
    const quiz = [q(4, 2), q(3, 0), q(2, 1), q(4, 3), q(3, 1)];
    const layout = quizLayout(quiz, 80, "seed-a");
    layout.options.forEach((order, i) => {
      expect([...order].sort()).toEqual(quiz[i]!.options.map((_, j) => j));
      const shownAt = displayedIndex(layout, i, quiz[i]!.correct);
      expect(order[shownAt]).toBe(quiz[i]!.correct);
    });
    expect(quizLayout(quiz, 80, "seed-a")).toEqual(layout);
    const right = quiz.map((x, i) => displayedIndex(layout, i, x.correct));
    expect(toStoredAnswers(layout, right)).toEqual(quiz.map((x) => x.correct));
    expect(toStoredAnswers(layout, [null, 0, 0, 0, 0])[0]).toBeNull();
  });

  it("never lets someone who always picks the same position pass (any quiz that allows it, any seed)", () => {
    const quizArb = fc
      .array(
        fc.integer({ min: 2, max: 5 }).chain((k) => fc.integer({ min: 0, max: k - 1 }).map((c) => q(k, c))),
        { minLength: 1, maxLength: 12 },
      )
      .chain((quiz) => fc.tuple(fc.constant(quiz), fc.integer({ min: 50, max: 100 })))
      .filter(([quiz, pass]) => constantAnswerCanFail(quiz, pass));
    fc.assert(
      fc.property(quizArb, fc.string({ minLength: 1, maxLength: 20 }), ([quiz, pass], seed) => {
        // Every position that exists in every question: the first, the second, …
        const positions = Math.min(...quiz.map((x) => x.options.length));
        for (let p = 0; p < positions; p++) {
          expect(constantScore(quiz, seed, pass, p)).toBeLessThan(passCount(quiz.length, pass));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every built-in module: 'always the first option' fails on 2,000 seeded attempts; right answers move around", () => {
    for (const m of BUILT_IN_MODULES) {
      const quiz = m.content.quiz;
      expect(constantAnswerCanFail(quiz, m.settings.passPercent), m.slug).toBe(true);
      const firstPositions = quiz.map(() => new Set<number>());
      let firstOptionPasses = 0;
      for (let s = 0; s < 2000; s++) {
        const seed = `${m.slug}:${s}`;
        const layout = quizLayout(quiz, m.settings.passPercent, seed);
        const stored = toStoredAnswers(
          layout,
          quiz.map(() => 0),
        );
        if (gradeQuiz(quiz as QuizQuestion[], stored, m.settings.passPercent).passed) firstOptionPasses++;
        quiz.forEach((x, i) => {
          firstPositions[i]!.add(displayedIndex(layout, i, x.correct));
        });
      }
      expect(firstOptionPasses, m.slug).toBe(0);
      // The right answer is shown at every position over the attempts (the order really varies).
      quiz.forEach((x, i) => {
        expect(firstPositions[i]!.size, `${m.slug} ${x.id}`).toBe(x.options.length);
      });
    }
  });

  it("spreads the right answer evenly: each position within 25 % of uniform over 4,000 attempts", () => {
    const quiz = [q(4, 0), q(4, 0), q(3, 0), q(2, 0), q(4, 0), q(3, 0)];
    const counts = quiz.map((x) => new Array<number>(x.options.length).fill(0));
    const runs = 4000;
    for (let s = 0; s < runs; s++) {
      const layout = quizLayout(quiz, 80, `spread-${s}`);
      quiz.forEach((x, i) => {
        counts[i]![displayedIndex(layout, i, x.correct)]!++;
      });
    }
    counts.forEach((row) => {
      const expected = runs / row.length;
      for (const c of row) expect(Math.abs(c - expected) / expected).toBeLessThan(0.25);
    });
  });

  it("random guessing passes about as often as chance says, far below a person who knows", () => {
    const m = BUILT_IN_MODULES.find((x) => x.content.quiz.length >= 5)!;
    const quiz = m.content.quiz;
    const rand = seededRandom("guesser");
    let passes = 0;
    const runs = 3000;
    for (let s = 0; s < runs; s++) {
      const layout = quizLayout(quiz, m.settings.passPercent, `guess-${s}`);
      const displayed = quiz.map((x) => Math.floor(rand() * x.options.length));
      if (
        gradeQuiz(quiz as QuizQuestion[], toStoredAnswers(layout, displayed), m.settings.passPercent).passed
      )
        passes++;
    }
    expect(passes / runs).toBeLessThan(0.1);
  });
});
