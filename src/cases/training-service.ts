import { randomUUID } from "node:crypto";
import type { SettingsRepo } from "../app/settings-repo.js";
import type { AuditWriter } from "../audit/audit-service.js";
import type { UserView } from "../auth/auth-service.js";
import type { Db, Executor } from "../db/database.js";
import type { Role, TrainingModuleRow } from "../db/schema.js";
import { type Actor, hasAnyRole, ROLES } from "../shared/actor.js";
import { type Bilingual, conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import { csvTimeHeader, DEFAULT_TIME_ZONE, dateInZone, formatCsvDateTime } from "../shared/time-format.js";
import type { TasksService } from "../tasks/tasks-service.js";
import type { CaseContent } from "./case-engine.js";
import type { CasesService } from "./cases-service.js";
import { displayedIndex, type QuizLayout, quizLayout, toStoredAnswers } from "./quiz-layout-engine.js";
import {
  assignmentState,
  gradeQuiz,
  type ModuleSettings,
  moduleProblems,
  needsAssignment,
  passExpiresAt,
  type QuizResult,
  reminderDue,
  type TrainingContent,
} from "./training-engine.js";
import { BUILT_IN_MODULES } from "./training-library.js";
import type { TrainingRepo } from "./training-repo.js";

/** Who assigns training, sends reminders and sees everyone's records. */
export const TRAINING_MANAGERS: readonly Role[] = ["secretariat", "admin"];
/** Who may read the dashboard and the records (managers plus approver and auditor). */
export const TRAINING_READERS: readonly Role[] = ["secretariat", "admin", "approver", "auditor"];

const MODULE: Bilingual = { ja: "研修", en: "Training module" };
/** The curriculum's research-integrity and disclosure module (curriculum-library.ts). */
export const DEFAULT_DISCLOSURE_MODULE = "research-integrity-disclosure";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type ModuleInput = {
  slug: string;
  status: "draft" | "published";
  settings: ModuleSettings;
  content: TrainingContent;
};

type UserLite = Pick<UserView, "id" | "displayName" | "department" | "roles" | "disabled"> &
  Partial<Pick<UserView, "username">>;

const RECORD_COLUMNS: { ja: string; en: string }[] = [
  { ja: "受講日時", en: "Completed" },
  { ja: "ユーザー名", en: "Username" },
  { ja: "氏名", en: "Name" },
  { ja: "所属", en: "Department" },
  { ja: "研修", en: "Module" },
  { ja: "研修の版", en: "Module version" },
  { ja: "得点", en: "Score" },
  { ja: "満点", en: "Max score" },
  { ja: "正答率（%）", en: "Percent" },
  { ja: "合否", en: "Result" },
];

/**
 * Training built from the case library: short modules with a quiz, completion recorded per person
 * (score, pass, module version — the record regulators ask for), assignments with due dates,
 * automatic assignment for required roles and renewals, reminders for overdue training as tasks
 * and e-mails, and a dashboard for the security office.
 */
export function createTrainingService(deps: {
  db: Db;
  repo: TrainingRepo;
  audit: AuditWriter;
  tasks: Pick<TasksService, "open" | "closeFor" | "notify">;
  cases: Pick<CasesService, "idsForSlugs">;
  users: () => Promise<UserLite[]>;
  reminderDays: number;
  /** Installation settings (which modules a disclosure requires); optional for older callers. */
  settings?: SettingsRepo;
  clock?: () => Date;
  /** The organisation's time zone: due dates in task titles and e-mails are days there. */
  timeZone?: () => Promise<string>;
}) {
  const { db, repo, audit, tasks } = deps;
  const clock = deps.clock ?? (() => new Date());
  // Read before each transaction (the zone lives in the database; inside one, only `tx` may be used).
  let zone = DEFAULT_TIME_ZONE;
  const refreshZone = async () => {
    if (deps.timeZone) zone = await deps.timeZone();
  };
  const isManager = (a: Actor) => hasAnyRole(a, TRAINING_MANAGERS);
  const isReader = (a: Actor) => hasAnyRole(a, TRAINING_READERS);

  function settingsOf(row: TrainingModuleRow): ModuleSettings {
    return {
      passPercent: row.pass_percent,
      dueDays: row.due_days,
      renewMonths: row.renew_months,
      requiredFor: row.required_for,
    };
  }
  const contentOf = (row: TrainingModuleRow) => row.content as TrainingContent;

  async function loadModule(exec: Executor, actor: Actor, key: string): Promise<TrainingModuleRow> {
    const row = UUID.test(key) ? await repo.findModule(exec, key) : await repo.findModuleBySlug(exec, key);
    if (!row || (row.status === "draft" && !hasAnyRole(actor, ["admin"]))) throw notFound(MODULE);
    return row;
  }

  async function casesOf(exec: Executor, ids: string[]) {
    const rows = await repo.casesOfModules(exec, ids);
    return (moduleId: string) =>
      rows
        .filter((r) => r.module_id === moduleId && r.status === "published")
        .map((r) => ({ id: r.id, slug: r.slug, title: (r.content as CaseContent).title }));
  }

  function check(input: ModuleInput) {
    const problems = moduleProblems(input.content, input.settings);
    if (!SLUG.test(input.slug) || input.slug.length > 100) {
      problems.unshift({
        path: "slug",
        message: {
          ja: "スラッグは英小文字・数字・ハイフンで入力してください",
          en: "Use lower-case letters, digits and hyphens",
        },
      });
    }
    if (problems.length > 0) throw invalid(problems);
  }

  async function resolveCases(exec: Executor, slugs: string[]): Promise<string[]> {
    const ids = await deps.cases.idsForSlugs(exec, slugs);
    const missing = slugs.filter((s) => !ids.has(s));
    if (missing.length > 0) {
      throw invalid(
        missing.map((s) => ({
          path: `content.caseSlugs.${slugs.indexOf(s)}`,
          message: { ja: `事例「${s}」がありません`, en: `No case "${s}"` },
        })),
      );
    }
    return slugs.map((s) => ids.get(s)!);
  }

  async function createModule(actor: Actor, input: ModuleInput, builtIn = false) {
    if (!builtIn && !hasAnyRole(actor, ["admin"])) throw forbidden();
    check(input);
    return db.transaction().execute(async (tx) => {
      if (await repo.findModuleBySlug(tx, input.slug)) {
        throw conflict("slug_taken", {
          ja: "このスラッグは既に使われています",
          en: "This slug is already used",
        });
      }
      const caseIds = await resolveCases(tx, input.content.caseSlugs);
      const id = randomUUID();
      await repo.insertModule(
        tx,
        { id, slug: input.slug, status: input.status, content: input.content, ...input.settings, builtIn },
        caseIds,
      );
      await audit.write(tx, actor, {
        action: "training.module_created",
        entityType: "training_module",
        entityId: id,
        after: input,
        ...(builtIn ? { context: { builtIn: true } } : {}),
      });
      return moduleView(tx, actor, (await repo.findModule(tx, id))!, true);
    });
  }

  async function updateModule(actor: Actor, id: string, version: number, input: ModuleInput) {
    if (!hasAnyRole(actor, ["admin"])) throw forbidden();
    check(input);
    return db.transaction().execute(async (tx) => {
      const before = await repo.findModule(tx, id, true);
      if (!before) throw notFound(MODULE);
      if (before.version !== version) {
        throw conflict("stale_version", {
          ja: "他の人がこの研修を更新しました。再読み込みしてください",
          en: "Someone else changed this module; reload it",
        });
      }
      const clash = await repo.findModuleBySlug(tx, input.slug);
      if (clash && clash.id !== id) {
        throw conflict("slug_taken", {
          ja: "このスラッグは既に使われています",
          en: "This slug is already used",
        });
      }
      const caseIds = await resolveCases(tx, input.content.caseSlugs);
      await repo.updateModule(
        tx,
        { id, slug: input.slug, status: input.status, content: input.content, ...input.settings },
        caseIds,
      );
      await audit.write(tx, actor, {
        action: "training.module_updated",
        entityType: "training_module",
        entityId: id,
        before: {
          slug: before.slug,
          status: before.status,
          content: before.content,
          settings: settingsOf(before),
        },
        after: input,
      });
      return moduleView(tx, actor, (await repo.findModule(tx, id))!, true);
    });
  }

  /** A module for reading; answers and explanations are only included for editors. */
  async function moduleView(exec: Executor, actor: Actor, row: TrainingModuleRow, withAnswers = false) {
    const content = contentOf(row);
    const cases = (await casesOf(exec, [row.id]))(row.id);
    const showAnswers = withAnswers && hasAnyRole(actor, ["admin"]);
    return {
      id: row.id,
      slug: row.slug,
      status: row.status,
      version: row.version,
      builtIn: row.built_in,
      settings: settingsOf(row),
      title: content.title,
      summary: content.summary,
      lessons: content.lessons,
      sources: content.sources ?? [],
      cases,
      quiz: content.quiz.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        options: q.options,
        ...(showAnswers ? { correct: q.correct, explanation: q.explanation } : {}),
      })),
    };
  }

  /** The actor's standing on every module: assigned/due/overdue/passed and when a pass expires. */
  async function myStatus(actor: Actor) {
    if (!actor.id) return new Map();
    const now = clock();
    const [assignments, completions] = await Promise.all([
      repo.assignmentsOf(db, actor.id),
      repo.completionsOf(db, actor.id),
    ]);
    const out = new Map<
      string,
      {
        state: "not_assigned" | "due" | "overdue" | "passed" | "expired";
        dueAt: string | null;
        lastPassedAt: string | null;
        lastScore: number | null;
        expiresAt: string | null;
      }
    >();
    const modules = await repo.listModules(db, true);
    for (const m of modules) {
      const open = assignments.find((a) => a.module_id === m.id && !a.completed_at && !a.cancelled_at);
      const lastPass = completions.find((c) => c.module_id === m.id && c.passed);
      const lastAttempt = completions.find((c) => c.module_id === m.id);
      const passedAt = lastPass ? new Date(lastPass.completed_at).toISOString() : null;
      const expires = passedAt ? passExpiresAt(passedAt, m.renew_months) : null;
      let state: "not_assigned" | "due" | "overdue" | "passed" | "expired" = "not_assigned";
      if (open) {
        state =
          assignmentState(
            {
              dueAt: new Date(open.due_at).toISOString(),
              completedAt: null,
              cancelledAt: null,
              lastRemindedAt: null,
            },
            now,
          ) === "overdue"
            ? "overdue"
            : "due";
      } else if (passedAt) {
        state = expires && expires.getTime() <= now.getTime() ? "expired" : "passed";
      }
      out.set(m.id, {
        state,
        dueAt: open ? new Date(open.due_at).toISOString() : null,
        lastPassedAt: passedAt,
        lastScore: lastAttempt ? lastAttempt.percent : null,
        expiresAt: expires ? expires.toISOString() : null,
      });
    }
    return out;
  }

  async function listModules(actor: Actor) {
    const rows = await repo.listModules(db, hasAnyRole(actor, ["admin"]));
    const cases = await casesOf(
      db,
      rows.map((r) => r.id),
    );
    const status = await myStatus(actor);
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      status: r.status,
      title: contentOf(r).title,
      summary: contentOf(r).summary,
      questionCount: contentOf(r).quiz.length,
      settings: settingsOf(r),
      cases: cases(r.id),
      mine: status.get(r.id) ?? {
        state: "not_assigned" as const,
        dueAt: null,
        lastPassedAt: null,
        lastScore: null,
        expiresAt: null,
      },
    }));
  }

  /**
   * Grades answers given in the module's stored option order, records the completion, and on a pass
   * closes the person's open assignments. People answer through `startAttempt`/`submitAttempt`
   * (random order); this entry point is for seeding and for `submitAttempt` itself.
   */
  async function attempt(
    actor: Actor,
    key: string,
    answers: (number | null)[],
    attemptId?: string,
    /** Checks the attempt in the transaction and returns the answers in stored order. */
    inTx?: (tx: Executor, row: TrainingModuleRow) => Promise<(number | null)[]>,
  ): Promise<QuizResult & { completionId: string }> {
    if (!actor.id) throw forbidden();
    const user = (await deps.users()).find((u) => u.id === actor.id);
    return db.transaction().execute(async (tx) => {
      const row = await loadModule(tx, actor, key);
      if (row.status !== "published") throw notFound(MODULE);
      if (inTx) answers = await inTx(tx, row);
      const content = contentOf(row);
      if (answers.length !== content.quiz.length) {
        throw invalid([
          {
            path: "answers",
            message: {
              ja: `${content.quiz.length}問すべてに回答してください`,
              en: `Answer all ${content.quiz.length} questions`,
            },
          },
        ]);
      }
      answers.forEach((a, i) => {
        if (a !== null && (a < 0 || a >= content.quiz[i]!.options.length)) {
          throw invalid([
            { path: `answers.${i}`, message: { ja: "選択肢がありません", en: "No such option" } },
          ]);
        }
      });
      const result = gradeQuiz(content.quiz, answers, row.pass_percent);
      const completionId = randomUUID();
      const now = clock();
      const expires = result.passed ? passExpiresAt(now.toISOString(), row.renew_months) : null;
      await repo.insertCompletion(tx, {
        attemptId: attemptId ?? null,
        expiresAt: expires,
        id: completionId,
        moduleId: row.id,
        moduleVersion: row.version,
        moduleTitle: content.title.ja,
        userId: actor.id!,
        userDisplayName: user?.displayName ?? actor.label,
        userDepartment: user?.department ?? null,
        score: result.score,
        maxScore: result.maxScore,
        percent: result.percent,
        passed: result.passed,
        answers,
        completedAt: now,
      });
      let closed: string[] = [];
      if (result.passed) {
        closed = await repo.completeAssignments(tx, actor.id!, row.id, completionId, now);
        for (const id of closed) {
          await tasks.closeFor(tx, actor, { entityType: "training_assignment", entityId: id });
        }
      }
      await audit.write(tx, actor, {
        action: result.passed ? "training.passed" : "training.failed",
        entityType: "training_module",
        entityId: row.id,
        after: {
          completionId,
          moduleVersion: row.version,
          score: result.score,
          maxScore: result.maxScore,
          percent: result.percent,
          passed: result.passed,
          assignmentsCompleted: closed,
        },
      });
      return { ...result, completionId };
    });
  }

  async function openAssignment(
    tx: Executor,
    actor: Actor,
    row: TrainingModuleRow,
    userId: string,
    dueAt: Date,
  ): Promise<string | null> {
    const id = randomUUID();
    const created = await repo.insertAssignment(tx, {
      id,
      moduleId: row.id,
      userId,
      assignedBy: actor.id,
      assignedAt: clock(),
      dueAt,
    });
    if (!created) return null;
    const title = contentOf(row).title;
    const due = dateInZone(dueAt, zone);
    await tasks.open(tx, actor, {
      kind: "training.assigned",
      title: {
        ja: `研修「${title.ja}」を受講してください（期限 ${due}）`,
        en: `Complete the training "${title.en}" (due ${due})`,
      },
      link: `/cases/training/${row.slug}`,
      entityType: "training_assignment",
      entityId: id,
      assignee: { userId },
      dedupeKey: `training-assigned:${id}`,
      dueAt,
      email: true,
    });
    return id;
  }

  /** Assigns a module to people chosen by id, role and/or department (active users only). */
  async function assign(
    actor: Actor,
    input: {
      moduleId: string;
      userIds?: string[] | undefined;
      roles?: Role[] | undefined;
      department?: string | undefined;
      dueAt?: string | undefined;
    },
  ) {
    if (!isManager(actor)) throw forbidden();
    const users = (await deps.users()).filter((u) => !u.disabled);
    const chosen = users.filter(
      (u) =>
        (input.userIds ?? []).includes(u.id) ||
        (input.roles && input.roles.length > 0 && u.roles.some((r) => input.roles!.includes(r))) ||
        (input.department && u.department === input.department),
    );
    if (chosen.length === 0) {
      throw invalid([
        {
          path: "userIds",
          message: { ja: "対象者が見つかりません", en: "Nobody matches" },
        },
      ]);
    }
    await refreshZone();
    return db.transaction().execute(async (tx) => {
      const row = await repo.findModule(tx, input.moduleId);
      if (row?.status !== "published") throw notFound(MODULE);
      const now = clock();
      const dueAt = input.dueAt
        ? new Date(`${input.dueAt}T23:59:59+09:00`)
        : new Date(now.getTime() + row.due_days * 86_400_000);
      // People must set a future date; the system itself (imports, demo data) may record a past one.
      if (Number.isNaN(dueAt.getTime()) || (actor.id !== null && dueAt.getTime() <= now.getTime())) {
        throw invalid([
          {
            path: "dueAt",
            message: { ja: "期限は未来の日付にしてください", en: "The due date must be in the future" },
          },
        ]);
      }
      const created: string[] = [];
      for (const u of chosen) {
        if (await openAssignment(tx, actor, row, u.id, dueAt)) created.push(u.id);
      }
      await audit.write(tx, actor, {
        action: "training.assigned",
        entityType: "training_module",
        entityId: row.id,
        after: { userIds: created, dueAt: dueAt.toISOString() },
      });
      return { created: created.length, skipped: chosen.length - created.length };
    });
  }

  /**
   * The periodic job: assigns required modules to people who need them (new staff, expired
   * passes), then reminds people whose training is overdue — a task at once, an e-mail the first
   * time and again every `reminderDays`.
   */
  async function runReminders(actor: Actor) {
    const now = clock();
    await refreshZone();
    const users = (await deps.users()).filter((u) => !u.disabled);
    const modules = (await repo.listModules(db, false)).filter((m) => m.required_for.length > 0);
    const passes = await repo.latestPasses(db);
    let assigned = 0;
    let reminded = 0;
    await db.transaction().execute(async (tx) => {
      const open = await repo.openAssignments(tx);
      for (const m of modules) {
        for (const u of users) {
          const pass = passes.find((p) => p.user_id === u.id && p.module_id === m.id);
          const hasOpen = open.some((a) => a.user_id === u.id && a.module_id === m.id);
          const passedAt = pass?.passed_at
            ? new Date(pass.passed_at as unknown as string).toISOString()
            : null;
          if (needsAssignment(u.roles, settingsOf(m), passedAt, hasOpen, now)) {
            if (await openAssignment(tx, actor, m, u.id, new Date(now.getTime() + m.due_days * 86_400_000)))
              assigned++;
          }
        }
      }
      const moduleRows = new Map((await repo.listModules(tx, true)).map((m) => [m.id, m]));
      for (const a of await repo.openAssignments(tx)) {
        const facts = {
          dueAt: new Date(a.due_at).toISOString(),
          completedAt: null,
          cancelledAt: null,
          lastRemindedAt: a.last_reminded_at ? new Date(a.last_reminded_at).toISOString() : null,
        };
        if (!reminderDue(facts, now, deps.reminderDays)) continue;
        const m = moduleRows.get(a.module_id);
        if (!m) continue;
        const title = contentOf(m).title;
        const due = dateInZone(a.due_at, zone);
        const subject = {
          ja: `研修「${title.ja}」の受講期限（${due}）を過ぎています`,
          en: `The training "${title.en}" was due on ${due}`,
        };
        const body = {
          ja: `研修「${title.ja}」の受講期限（${due}）を過ぎています。数分で終わりますので、受講と確認テストをお願いします。`,
          en: `The training "${title.en}" was due on ${due}. It takes a few minutes; please read it and take the quiz.`,
        };
        await tasks.open(tx, actor, {
          kind: "training.overdue",
          title: subject,
          detail: body,
          link: `/cases/training/${m.slug}`,
          entityType: "training_assignment",
          entityId: a.id,
          assignee: { userId: a.user_id },
          dedupeKey: `training-overdue:${a.id}`,
          email: a.reminder_count === 0,
        });
        if (a.reminder_count > 0) {
          await tasks.notify(
            tx,
            { userIds: [a.user_id] },
            { kind: "training.overdue", subject, body, link: `/cases/training/${m.slug}` },
          );
        }
        await repo.markReminded(tx, a.id, now);
        reminded++;
      }
      if (assigned > 0 || reminded > 0) {
        await audit.write(tx, actor, {
          action: "training.reminders_run",
          entityType: "training",
          after: { assigned, reminded },
        });
      }
    });
    return { assigned, reminded };
  }

  /** What the security office watches: per module and per department, and who is overdue. */
  async function dashboard(actor: Actor) {
    if (!isReader(actor)) throw forbidden();
    const now = clock();
    const [modules, assignments, stats] = await Promise.all([
      repo.listModules(db, false),
      repo.allAssignments(db),
      repo.attemptStats(db),
    ]);
    const active = assignments.filter((a) => !a.cancelled_at && !a.disabled_at);
    const stateOf = (a: (typeof active)[number]) =>
      assignmentState(
        {
          dueAt: new Date(a.due_at).toISOString(),
          completedAt: a.completed_at ? new Date(a.completed_at).toISOString() : null,
          cancelledAt: null,
          lastRemindedAt: null,
        },
        now,
      );
    const perModule = modules.map((m) => {
      const mine = active.filter((a) => a.module_id === m.id);
      const s = stats.find((x) => x.module_id === m.id);
      return {
        id: m.id,
        slug: m.slug,
        title: contentOf(m).title,
        assigned: mine.length,
        completed: mine.filter((a) => stateOf(a) === "done").length,
        overdue: mine.filter((a) => stateOf(a) === "overdue").length,
        attempts: Number(s?.attempts ?? 0),
        passRate:
          s && Number(s.attempts) > 0 ? Math.round((Number(s.passes) / Number(s.attempts)) * 100) : null,
      };
    });
    const departments = new Map<string, { assigned: number; completed: number; overdue: number }>();
    for (const a of active) {
      const key = a.department ?? "";
      const d = departments.get(key) ?? { assigned: 0, completed: 0, overdue: 0 };
      d.assigned++;
      const st = stateOf(a);
      if (st === "done") d.completed++;
      if (st === "overdue") d.overdue++;
      departments.set(key, d);
    }
    const moduleTitle = new Map(modules.map((m) => [m.id, contentOf(m).title]));
    const overdue = active
      .filter((a) => stateOf(a) === "overdue")
      .sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime())
      .map((a) => ({
        assignmentId: a.id,
        userId: a.user_id,
        displayName: a.display_name,
        department: a.department,
        moduleId: a.module_id,
        moduleTitle: moduleTitle.get(a.module_id) ?? { ja: "", en: "" },
        dueAt: new Date(a.due_at).toISOString(),
        daysOverdue: Math.floor((now.getTime() - new Date(a.due_at).getTime()) / 86_400_000),
        reminders: a.reminder_count,
      }));
    const total = active.length;
    const completed = active.filter((a) => stateOf(a) === "done").length;
    return {
      totals: {
        assigned: total,
        completed,
        overdue: overdue.length,
        completionRate: total === 0 ? null : Math.round((completed / total) * 100),
      },
      modules: perModule,
      departments: [...departments.entries()]
        .map(([department, d]) => ({ department: department || null, ...d }))
        .sort((a, b) => b.overdue - a.overdue || (a.department ?? "").localeCompare(b.department ?? "")),
      overdue,
    };
  }

  /**
   * Completion records as CSV (every attempt, oldest first) for audits and regulators: headers in
   * the reader's language, times in the organisation's zone, people by username and name (not id).
   */
  async function* recordsCsv(
    actor: Actor,
    { lang, timeZone }: { lang: "ja" | "en"; timeZone: string } = { lang: "ja", timeZone: DEFAULT_TIME_ZONE },
  ): AsyncGenerator<string> {
    if (!isReader(actor)) throw forbidden();
    const cell = (v: unknown) => {
      const text = v === null || v === undefined ? "" : String(v);
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const usernames = new Map((await deps.users()).map((u) => [u.id, u.username ?? ""]));
    const header = RECORD_COLUMNS.map((c, i) => (i === 0 ? csvTimeHeader(c, timeZone, lang) : c[lang]));
    yield `\uFEFF${header.map(cell).join(",")}\r\n`;
    for await (const r of repo.allCompletions(db)) {
      yield `${[
        formatCsvDateTime(r.completed_at, timeZone),
        usernames.get(r.user_id) ?? "",
        r.user_display_name,
        r.user_department,
        r.module_title,
        r.module_version,
        r.score,
        r.max_score,
        r.percent,
        r.passed ? (lang === "ja" ? "合格" : "passed") : lang === "ja" ? "不合格" : "failed",
      ]
        .map(cell)
        .join(",")}\r\n`;
    }
  }

  /**
   * Starts a quiz attempt: the options of every question in a fresh, balanced random order (so
   * picking the same position every time cannot pass), stored with the attempt for grading.
   */
  async function startAttempt(actor: Actor, key: string) {
    if (!actor.id) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const row = await loadModule(tx, actor, key);
      if (row.status !== "published") throw notFound(MODULE);
      const content = contentOf(row);
      const id = randomUUID();
      const seed = randomUUID();
      const layout = quizLayout(content.quiz, row.pass_percent, seed);
      await repo.insertAttempt(tx, {
        id,
        moduleId: row.id,
        moduleVersion: row.version,
        userId: actor.id!,
        seed,
        layout,
        startedAt: clock(),
      });
      await audit.write(tx, actor, {
        action: "training.attempt_started",
        entityType: "training_module",
        entityId: row.id,
        after: { attemptId: id, moduleVersion: row.version },
      });
      return {
        attemptId: id,
        moduleVersion: row.version,
        questions: content.quiz.map((q, i) => ({
          id: q.id,
          prompt: q.prompt,
          options: layout.options[i]!.map((stored) => q.options[stored]!),
        })),
      };
    });
  }

  /**
   * Grades an attempt started with `startAttempt`: answers are positions as displayed in that
   * attempt, mapped back through its stored order. An attempt is graded once, only for the person
   * who started it, and only while the module is unchanged.
   */
  async function submitAttempt(
    actor: Actor,
    key: string,
    attemptId: string,
    displayed: (number | null)[],
  ): Promise<QuizResult & { completionId: string }> {
    if (!actor.id) throw forbidden();
    let layout: QuizLayout = { options: [] };
    const result = await attempt(actor, key, displayed, attemptId, async (tx, row) => {
      const a = await repo.findAttempt(tx, attemptId, true);
      if (!a || a.user_id !== actor.id || a.module_id !== row.id)
        throw notFound({ ja: "確認テストの受験", en: "Quiz attempt" });
      if (a.submitted_at)
        throw conflict("attempt_submitted", {
          ja: "この受験は採点済みです。もう一度受ける場合は新しく開始してください",
          en: "This attempt has already been graded; start a new one to try again",
        });
      if (a.module_version !== row.version)
        throw conflict("module_changed", {
          ja: "受験中に研修の内容が更新されました。新しく開始してください",
          en: "The module changed during the attempt; start a new one",
        });
      const quiz = contentOf(row).quiz;
      if (displayed.length !== quiz.length)
        throw invalid([
          {
            path: "answers",
            message: {
              ja: `${quiz.length}問すべてに回答してください`,
              en: `Answer all ${quiz.length} questions`,
            },
          },
        ]);
      displayed.forEach((d, i) => {
        if (d !== null && (d < 0 || d >= quiz[i]!.options.length))
          throw invalid([
            { path: `answers.${i}`, message: { ja: "選択肢がありません", en: "No such option" } },
          ]);
      });
      layout = a.layout as QuizLayout;
      await repo.markAttemptSubmitted(tx, attemptId, clock());
      return toStoredAnswers(layout, displayed);
    });
    // Report positions as this attempt displayed them.
    return {
      ...result,
      questions: result.questions.map((q, i) => ({
        ...q,
        chosen: displayed[i] ?? null,
        correct: displayedIndex(layout, i, q.correct),
      })),
    };
  }

  /** When a person's pass of each module stops counting, for the modules a project or disclosure requires. */
  async function currentTraining(exec: Executor, userIds: string[], slugs: string[], asOf: Date) {
    const modules = (await repo.listModules(exec, true)).filter((m) => slugs.includes(m.slug));
    const rows = await repo.passesOf(
      exec,
      userIds,
      modules.map((m) => m.id),
    );
    const out = new Map<
      string,
      {
        slug: string;
        title: Bilingual;
        passedAt: string | null;
        expiresAt: string | null;
        current: boolean;
      }[]
    >();
    for (const u of userIds) {
      out.set(
        u,
        slugs.map((slug) => {
          const m = modules.find((x) => x.slug === slug);
          if (!m)
            return { slug, title: { ja: slug, en: slug }, passedAt: null, expiresAt: null, current: false };
          const pass = rows.find((r) => r.user_id === u && r.module_id === m.id);
          const passedAt = pass ? new Date(pass.completed_at).toISOString() : null;
          const expires = passedAt
            ? pass?.expires_at
              ? new Date(pass.expires_at)
              : passExpiresAt(passedAt, m.renew_months)
            : null;
          return {
            slug,
            title: contentOf(m).title,
            passedAt,
            expiresAt: expires ? expires.toISOString() : null,
            current: passedAt !== null && (expires === null || expires.getTime() > asOf.getTime()),
          };
        }),
      );
    }
    return out;
  }

  /** A passed completion as a certificate: who, which module, score, when, and until when it counts. */
  async function certificate(actor: Actor, completionId: string) {
    const c = await repo.findCompletion(db, completionId);
    const CERT = { ja: "修了証", en: "Certificate" };
    if (!c?.passed) throw notFound(CERT);
    if (c.user_id !== actor.id && !isReader(actor)) throw notFound(CERT);
    const m = await repo.findModule(db, c.module_id);
    const expires = c.expires_at
      ? new Date(c.expires_at)
      : passExpiresAt(new Date(c.completed_at).toISOString(), m?.renew_months ?? null);
    return {
      completionId: c.id,
      person: c.user_display_name,
      department: c.user_department,
      moduleTitle: m ? contentOf(m).title : { ja: c.module_title, en: c.module_title },
      moduleSlug: m?.slug ?? null,
      moduleVersion: c.module_version,
      score: c.score,
      maxScore: c.max_score,
      percent: c.percent,
      passedAt: new Date(c.completed_at).toISOString(),
      expiresAt: expires ? expires.toISOString() : null,
    };
  }

  const DISCLOSURE_KEY = "training.disclosure_required_modules";
  /**
   * The modules a person must hold a current pass of when their disclosure declares a foreign post,
   * a talent programme or 特定類型 (src/people/disclosure-training-engine.ts). Until the office
   * chooses, the research-integrity module; an empty choice requires none.
   */
  async function disclosureRequirements(exec: Executor = db): Promise<string[]> {
    return (await deps.settings?.get<string[]>(exec, DISCLOSURE_KEY)) ?? [DEFAULT_DISCLOSURE_MODULE];
  }
  async function setDisclosureRequirements(actor: Actor, slugs: string[]): Promise<string[]> {
    if (!isManager(actor)) throw forbidden();
    if (!deps.settings) throw forbidden();
    const unique = [...new Set(slugs)];
    return db.transaction().execute(async (tx) => {
      const known = new Set((await repo.listModules(tx, false)).map((m) => m.slug));
      const unknown = unique.filter((s) => !known.has(s));
      if (unknown.length)
        throw invalid(
          unknown.map((s) => ({
            path: `modules.${unique.indexOf(s)}`,
            message: { ja: `公開中の研修「${s}」がありません`, en: `No published module "${s}"` },
          })),
        );
      const before = await disclosureRequirements(tx);
      await deps.settings!.set(tx, DISCLOSURE_KEY, unique);
      await audit.write(tx, actor, {
        action: "training.disclosure_requirements_set",
        entityType: "training",
        before: { modules: before },
        after: { modules: unique },
      });
      return unique;
    });
  }

  /** Adds the built-in modules that are missing (by slug); never overwrites an edited one. */
  async function installBuiltIns(actor: Actor): Promise<string[]> {
    const added: string[] = [];
    for (const m of BUILT_IN_MODULES) {
      if (await repo.findModuleBySlug(db, m.slug)) continue;
      await createModule(
        actor,
        { slug: m.slug, status: "published", settings: m.settings, content: m.content },
        true,
      );
      added.push(m.slug);
    }
    return added;
  }

  return {
    listModules,
    async getModule(actor: Actor, key: string) {
      return moduleView(db, actor, await loadModule(db, actor, key), true);
    },
    attempt,
    startAttempt,
    submitAttempt,
    currentTraining,
    certificate,
    disclosureRequirements,
    setDisclosureRequirements,
    assign,
    runReminders,
    dashboard,
    recordsCsv,
    createModule,
    updateModule,
    installBuiltIns,
    async mine(actor: Actor) {
      if (!actor.id) return { completions: [] };
      const rows = await repo.completionsOf(db, actor.id);
      return {
        completions: rows.map((c) => ({
          id: c.id,
          moduleId: c.module_id,
          moduleTitle: c.module_title,
          percent: c.percent,
          passed: c.passed,
          completedAt: new Date(c.completed_at).toISOString(),
          expiresAt: c.expires_at ? new Date(c.expires_at).toISOString() : null,
        })),
      };
    },
    roles: ROLES,
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
