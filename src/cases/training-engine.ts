/**
 * Training rules: what a module holds, how a quiz is graded, when an assignment is overdue, when
 * someone needs (re-)training and when to remind them again. Pure: no IO; the caller passes "now".
 */
import type { Bilingual, FieldProblem } from "./case-engine.js";
import { constantAnswerCanFail } from "./quiz-layout-engine.js";

export type QuizQuestion = {
  id: string;
  prompt: Bilingual;
  options: Bilingual[];
  /** Index of the right option. */
  correct: number;
  /** Why — shown after answering. */
  explanation: Bilingual;
};

export type TrainingContent = {
  title: Bilingual;
  summary: Bilingual;
  /** Key lessons, short. */
  lessons: Bilingual[];
  /** Slugs of the cases the module is built from. */
  caseSlugs: string[];
  quiz: QuizQuestion[];
  /** Where the law and guidance a module states come from (statute, notice, guidance, with date). */
  sources?: TrainingSource[] | undefined;
};

/** A primary or official source a module cites. */
export type TrainingSource = { publisher: string; title: string; date: string; url?: string | undefined };

/** Roles as the training rules see them (the kernel's Role union). */
export type RoleName = "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";

export type ModuleSettings = {
  /** Percentage of right answers needed to pass. */
  passPercent: number;
  /** Days from assignment to due date. */
  dueDays: number;
  /** A pass expires after this many months (null: never), and the person is assigned again. */
  renewMonths: number | null;
  /** Holders of these roles are assigned the module automatically. */
  requiredFor: RoleName[];
};

export type QuizResult = {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  questions: { id: string; chosen: number | null; correct: number; right: boolean; explanation: Bilingual }[];
};

/** Grades answers (option indexes, in question order; null = unanswered) against a quiz. */
export function gradeQuiz(
  quiz: readonly QuizQuestion[],
  answers: readonly (number | null)[],
  passPercent: number,
): QuizResult {
  const questions = quiz.map((q, i) => {
    const chosen = answers[i] ?? null;
    return { id: q.id, chosen, correct: q.correct, right: chosen === q.correct, explanation: q.explanation };
  });
  const score = questions.filter((q) => q.right).length;
  const maxScore = quiz.length;
  const percent = maxScore === 0 ? 100 : Math.round((score / maxScore) * 100);
  return { score, maxScore, percent, passed: percent >= passPercent, questions };
}

export type AssignmentFacts = {
  dueAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  lastRemindedAt: string | null;
};

export type AssignmentState = "done" | "cancelled" | "overdue" | "due";

/** The state of one assignment at `now`. */
export function assignmentState(a: AssignmentFacts, now: Date): AssignmentState {
  if (a.cancelledAt) return "cancelled";
  if (a.completedAt) return "done";
  return Date.parse(a.dueAt) < now.getTime() ? "overdue" : "due";
}

/** True when an overdue assignment should be reminded now (first time, or every `everyDays`). */
export function reminderDue(a: AssignmentFacts, now: Date, everyDays: number): boolean {
  if (assignmentState(a, now) !== "overdue") return false;
  if (!a.lastRemindedAt) return true;
  return now.getTime() - Date.parse(a.lastRemindedAt) >= everyDays * 86_400_000;
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When a pass stops counting (null: never). */
export function passExpiresAt(passedAt: string, renewMonths: number | null): Date | null {
  return renewMonths === null ? null : addMonths(new Date(passedAt), renewMonths);
}

/**
 * True when a person must be given the module now: they hold a role it is required for, have no
 * open assignment, and have no pass that is still valid.
 */
export function needsAssignment(
  roles: readonly string[],
  settings: Pick<ModuleSettings, "requiredFor" | "renewMonths">,
  lastPassAt: string | null,
  hasOpenAssignment: boolean,
  now: Date,
): boolean {
  if (hasOpenAssignment) return false;
  if (!roles.some((r) => (settings.requiredFor as readonly string[]).includes(r))) return false;
  if (!lastPassAt) return true;
  const expires = passExpiresAt(lastPassAt, settings.renewMonths);
  return expires !== null && expires.getTime() <= now.getTime();
}

const blank = (b: Bilingual | undefined) => !b || b.ja.trim() === "" || b.en.trim() === "";

/** Checks a module before it is stored, naming each problem's field. */
export function moduleProblems(content: TrainingContent, settings: ModuleSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const both = { ja: "日本語と英語の両方を入力してください", en: "Enter both Japanese and English" };
  if (blank(content.title)) problems.push({ path: "content.title", message: both });
  if (blank(content.summary)) problems.push({ path: "content.summary", message: both });
  content.lessons.forEach((l, i) => {
    if (blank(l)) problems.push({ path: `content.lessons.${i}`, message: both });
  });
  if (content.quiz.length === 0) {
    problems.push({
      path: "content.quiz",
      message: { ja: "確認テストの問題を1問以上入れてください", en: "Add at least one quiz question" },
    });
  }
  const ids = new Set<string>();
  content.quiz.forEach((q, i) => {
    if (ids.has(q.id)) {
      problems.push({
        path: `content.quiz.${i}.id`,
        message: { ja: "問題IDが重複しています", en: "Duplicate question id" },
      });
    }
    ids.add(q.id);
    if (blank(q.prompt)) problems.push({ path: `content.quiz.${i}.prompt`, message: both });
    if (blank(q.explanation)) problems.push({ path: `content.quiz.${i}.explanation`, message: both });
    if (q.options.length < 2 || q.options.some(blank)) {
      problems.push({
        path: `content.quiz.${i}.options`,
        message: {
          ja: "選択肢を2つ以上、両言語で入力してください",
          en: "Give at least two options, in both languages",
        },
      });
    }
    if (!Number.isInteger(q.correct) || q.correct < 0 || q.correct >= q.options.length) {
      problems.push({
        path: `content.quiz.${i}.correct`,
        message: { ja: "正解の選択肢を指定してください", en: "Choose which option is correct" },
      });
    }
  });
  if (
    content.quiz.length > 0 &&
    problems.length === 0 &&
    settings.passPercent >= 1 &&
    settings.passPercent <= 100 &&
    !constantAnswerCanFail(content.quiz, settings.passPercent)
  ) {
    problems.push({
      path: "content.quiz",
      message: {
        ja: "この問題数・選択肢数・合格点では、毎回同じ位置の選択肢を選ぶだけで合格できてしまいます。問題か選択肢を増やすか、合格点を上げてください",
        en: "With this many questions and options and this pass mark, always picking the same position could pass: add questions or options, or raise the pass mark",
      },
    });
  }
  if (!(settings.passPercent >= 1 && settings.passPercent <= 100)) {
    problems.push({
      path: "passPercent",
      message: { ja: "合格点は1〜100%です", en: "Pass mark must be 1–100 %" },
    });
  }
  if (!(settings.dueDays >= 1 && settings.dueDays <= 365)) {
    problems.push({ path: "dueDays", message: { ja: "期限は1〜365日です", en: "Due days must be 1–365" } });
  }
  if (settings.renewMonths !== null && !(settings.renewMonths >= 1 && settings.renewMonths <= 60)) {
    problems.push({
      path: "renewMonths",
      message: { ja: "更新間隔は1〜60か月です", en: "Renewal must be 1–60 months" },
    });
  }
  return problems;
}
