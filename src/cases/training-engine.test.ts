import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_CASES } from "./case-library.js";
import { CURRICULUM_MODULES } from "./curriculum-library.js";
import {
  addMonths,
  assignmentState,
  gradeQuiz,
  moduleProblems,
  needsAssignment,
  type QuizQuestion,
  reminderDue,
} from "./training-engine.js";
import { BUILT_IN_MODULES } from "./training-library.js";

const quiz: QuizQuestion[] = [
  {
    id: "a",
    prompt: { ja: "1", en: "1" },
    options: [
      { ja: "x", en: "x" },
      { ja: "y", en: "y" },
    ],
    correct: 1,
    explanation: { ja: "e", en: "e" },
  },
  {
    id: "b",
    prompt: { ja: "2", en: "2" },
    options: [
      { ja: "x", en: "x" },
      { ja: "y", en: "y" },
    ],
    correct: 0,
    explanation: { ja: "e", en: "e" },
  },
  {
    id: "c",
    prompt: { ja: "3", en: "3" },
    options: [
      { ja: "x", en: "x" },
      { ja: "y", en: "y" },
    ],
    correct: 0,
    explanation: { ja: "e", en: "e" },
  },
  {
    id: "d",
    prompt: { ja: "4", en: "4" },
    options: [
      { ja: "x", en: "x" },
      { ja: "y", en: "y" },
    ],
    correct: 1,
    explanation: { ja: "e", en: "e" },
  },
];

describe("quiz grading", () => {
  it("scores, marks each question and applies the pass mark", () => {
    const r = gradeQuiz(quiz, [1, 0, 1, null], 75);
    expect(r).toMatchObject({ score: 2, maxScore: 4, percent: 50, passed: false });
    expect(r.questions.map((q) => q.right)).toEqual([true, true, false, false]);
    expect(r.questions[3]!.chosen).toBeNull();
    expect(gradeQuiz(quiz, [1, 0, 0, 0], 75).passed).toBe(true);
    expect(gradeQuiz(quiz, [1, 0, 0, 1], 100).passed).toBe(true);
  });

  it("never gives more points than questions and passes only at the mark (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 100 }),
        (answers, mark) => {
          const r = gradeQuiz(quiz, answers, mark);
          expect(r.score).toBeLessThanOrEqual(r.maxScore);
          expect(r.passed).toBe(r.percent >= mark);
        },
      ),
    );
  });
});

describe("assignments and reminders", () => {
  const now = new Date("2025-06-30T00:00:00Z");
  const a = { dueAt: "2025-06-01T00:00:00Z", completedAt: null, cancelledAt: null, lastRemindedAt: null };

  it("is overdue after the due date unless completed or cancelled", () => {
    expect(assignmentState(a, now)).toBe("overdue");
    expect(assignmentState({ ...a, dueAt: "2025-07-01T00:00:00Z" }, now)).toBe("due");
    expect(assignmentState({ ...a, completedAt: "2025-06-02T00:00:00Z" }, now)).toBe("done");
    expect(assignmentState({ ...a, cancelledAt: "2025-06-02T00:00:00Z" }, now)).toBe("cancelled");
  });

  it("reminds at once, then only every N days", () => {
    expect(reminderDue(a, now, 7)).toBe(true);
    expect(reminderDue({ ...a, lastRemindedAt: "2025-06-25T00:00:00Z" }, now, 7)).toBe(false);
    expect(reminderDue({ ...a, lastRemindedAt: "2025-06-23T00:00:00Z" }, now, 7)).toBe(true);
    expect(reminderDue({ ...a, dueAt: "2025-07-01T00:00:00Z" }, now, 7)).toBe(false);
  });

  it("assigns people in a required role with no valid pass, and re-assigns when the pass expires", () => {
    const s = { requiredFor: ["applicant" as const], renewMonths: 12 };
    expect(needsAssignment(["applicant"], s, null, false, now)).toBe(true);
    expect(needsAssignment(["auditor"], s, null, false, now)).toBe(false);
    expect(needsAssignment(["applicant"], s, null, true, now)).toBe(false);
    expect(needsAssignment(["applicant"], s, "2025-01-01T00:00:00Z", false, now)).toBe(false);
    expect(needsAssignment(["applicant"], s, "2024-06-29T00:00:00Z", false, now)).toBe(true);
    expect(
      needsAssignment(["applicant"], { ...s, renewMonths: null }, "2010-01-01T00:00:00Z", false, now),
    ).toBe(false);
  });

  it("adds months without spilling into the next month", () => {
    expect(addMonths(new Date("2025-01-31T09:00:00Z"), 1).toISOString()).toBe("2025-02-28T09:00:00.000Z");
    expect(addMonths(new Date("2024-01-31T00:00:00Z"), 1).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(addMonths(new Date("2025-06-15T00:00:00Z"), 12).toISOString()).toBe("2026-06-15T00:00:00.000Z");
  });
});

describe("built-in modules", () => {
  it("include the curriculum the issue lists, each with a quiz of at least five questions", () => {
    expect(CURRICULUM_MODULES.map((m) => m.slug)).toEqual([
      "fefta-basics",
      "deemed-export-and-tokutei",
      "classification-gaihi",
      "laptops-and-samples-abroad",
      "research-integrity-disclosure",
      "recognising-approaches",
    ]);
    for (const m of CURRICULUM_MODULES) {
      expect(m.content.quiz.length, m.slug).toBeGreaterThanOrEqual(5);
      expect(m.settings.requiredFor.length, m.slug).toBeGreaterThan(0);
      expect(BUILT_IN_MODULES.some((b) => b.slug === m.slug)).toBe(true);
    }
  });

  it("refuse a quiz a constant answer could pass, naming the quiz", () => {
    const m = CURRICULUM_MODULES[0]!;
    const three = {
      ...m.content,
      quiz: m.content.quiz.slice(0, 3).map((q) => ({ ...q, options: q.options.slice(0, 2), correct: 0 })),
    };
    expect(moduleProblems(three, { ...m.settings, passPercent: 60 }).map((p) => p.path)).toEqual([
      "content.quiz",
    ]);
    expect(moduleProblems(three, { ...m.settings, passPercent: 80 })).toEqual([]);
  });

  it("are valid, bilingual, and built only from published cases", () => {
    const published = new Set(BUILT_IN_CASES.filter((c) => c.status === "published").map((c) => c.slug));
    expect(BUILT_IN_MODULES.length).toBeGreaterThanOrEqual(5);
    for (const m of BUILT_IN_MODULES) {
      expect(moduleProblems(m.content, m.settings), m.slug).toEqual([]);
      // Case-based modules are built from cases; curriculum modules teach rules and cite their sources.
      if (CURRICULUM_MODULES.some((c) => c.slug === m.slug))
        expect(m.content.sources?.length ?? 0, m.slug).toBeGreaterThan(0);
      else expect(m.content.caseSlugs.length, m.slug).toBeGreaterThan(0);
      for (const slug of m.content.caseSlugs) expect(published.has(slug), `${m.slug} → ${slug}`).toBe(true);
    }
  });

  it("names the fields of a broken module", () => {
    const m = BUILT_IN_MODULES[0]!;
    const broken = {
      ...m.content,
      quiz: [
        { ...m.content.quiz[0]!, correct: 9 },
        { ...m.content.quiz[0]!, options: [] },
      ],
    };
    expect(moduleProblems(broken, { ...m.settings, passPercent: 0 }).map((p) => p.path)).toEqual([
      "content.quiz.0.correct",
      "content.quiz.1.id",
      "content.quiz.1.options",
      "content.quiz.1.correct",
      "passPercent",
    ]);
  });
});
