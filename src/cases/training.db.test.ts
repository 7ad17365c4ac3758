import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp, type TestUser } from "../testing/test-app.js";
import { BUILT_IN_MODULES } from "./training-library.js";
import { createTrainingRepo } from "./training-repo.js";
import { createTrainingService } from "./training-service.js";

let t: TestApp;
let researcher: TestUser;
let researcher2: TestUser;
let office: TestUser;
let auditor: TestUser;

const SLUG = "professional-network-adviser-offers";
const rightAnswers = BUILT_IN_MODULES.find((m) => m.slug === SLUG)!.content.quiz.map((q) => q.correct);

beforeAll(async () => {
  t = await createTestApp();
  await t.services.cases.installBuiltIns(systemActor("test"));
  await t.services.training.installBuiltIns(systemActor("test"));
  researcher = await t.loginAs(["applicant"], "kenkyu");
  researcher2 = await t.loginAs(["applicant"], "kenkyu2");
  office = await t.loginAs(["secretariat"], "jimukyoku");
  auditor = await t.loginAs(["auditor"], "kansa");
  await t.services.auth.updateUser(systemActor("test"), researcher.id, {
    email: "kenkyu@example.ac.jp",
    department: "工学研究科",
  });
});
afterAll(async () => {
  await t?.close();
});

describe("training", () => {
  it("lists modules built from cases, without giving away the answers", async () => {
    const list = (await t.request(researcher, "GET", "/api/training/modules")).json();
    expect(list.items.length).toBe(BUILT_IN_MODULES.length);
    const m = list.items.find((x: { slug: string }) => x.slug === SLUG);
    expect(m.cases[0].slug).toBe("sekisui-linkedin-technical-adviser-2018-2020");
    expect(m.mine.state).toBe("not_assigned");
    const one = (await t.request(researcher, "GET", `/api/training/modules/${SLUG}`)).json();
    expect(one.quiz[0].correct).toBeUndefined();
    expect(one.quiz[0].explanation).toBeUndefined();
  });

  it("assigns, grades, records completion per person and closes the assignment task", async () => {
    const moduleId = (await t.request(researcher, "GET", `/api/training/modules/${SLUG}`)).json().id;
    expect(
      (
        await t.request(researcher, "POST", "/api/training/assignments", {
          moduleId,
          userIds: [researcher.id],
        })
      ).statusCode,
    ).toBe(403);
    const assigned = await t.request(office, "POST", "/api/training/assignments", {
      moduleId,
      userIds: [researcher.id, researcher2.id],
    });
    expect(assigned.json()).toEqual({ created: 2, skipped: 0 });
    expect(
      (
        await t.request(office, "POST", "/api/training/assignments", { moduleId, userIds: [researcher.id] })
      ).json(),
    ).toEqual({
      created: 0,
      skipped: 1,
    });
    const tasks = (await t.request(researcher, "GET", "/api/tasks")).json().items;
    expect(tasks.map((x: { kind: string }) => x.kind)).toContain("training.assigned");

    const wrongCount = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      answers: [0],
    });
    expect(wrongCount.statusCode).toBe(400);
    const failed = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      answers: rightAnswers.map((c) => (c === 0 ? 1 : 0)),
    });
    expect(failed.json()).toMatchObject({ passed: false, score: 0 });
    expect(failed.json().questions[0].explanation.ja.length).toBeGreaterThan(5);
    let mine = (await t.request(researcher, "GET", "/api/training/modules"))
      .json()
      .items.find((x: { slug: string }) => x.slug === SLUG);
    expect(mine.mine.state).toBe("due");

    const passed = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      answers: rightAnswers,
    });
    expect(passed.json()).toMatchObject({ passed: true, percent: 100 });
    mine = (await t.request(researcher, "GET", "/api/training/modules"))
      .json()
      .items.find((x: { slug: string }) => x.slug === SLUG);
    expect(mine.mine.state).toBe("passed");
    expect(mine.mine.expiresAt).not.toBeNull();
    const open = (await t.request(researcher, "GET", "/api/tasks")).json().items;
    expect(open.map((x: { kind: string }) => x.kind)).not.toContain("training.assigned");

    const record = (await t.request(researcher, "GET", "/api/training/mine")).json();
    expect(record.completions.map((c: { passed: boolean }) => c.passed)).toEqual([true, false]);

    const csv = await t.request(auditor, "GET", "/api/training/records.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    // Headers in the reader's language, the time zone named, people by username — no UUIDs.
    expect(lines[0]).toBe(
      "受講日時（Asia/Tokyo）,ユーザー名,氏名,所属,研修,研修の版,得点,満点,正答率（%）,合否",
    );
    expect(csv.body).not.toContain(researcher.id);
    expect(csv.body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const mineRows = lines.filter((l) => l.includes(`,${researcher.username},`) && l.includes("工学研究科"));
    expect(mineRows).toHaveLength(2);
    expect(mineRows.map((l) => l.split(",").at(-1))).toEqual(["不合格", "合格"]);
    expect(mineRows[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/);
    expect((await t.request(researcher, "GET", "/api/training/records.csv")).statusCode).toBe(403);
  });

  it("reminds overdue people by task and e-mail, repeats after the interval, and shows the dashboard", async () => {
    let now = new Date();
    const actor: Actor = systemActor("reminders");
    const svc = createTrainingService({
      db: t.services.db,
      repo: createTrainingRepo(),
      audit: t.services.audit,
      tasks: t.services.tasks,
      cases: t.services.cases,
      users: () => t.services.auth.listUsers(),
      reminderDays: 7,
      clock: () => now,
    });
    // Required modules are assigned automatically to people in the required roles.
    const first = await svc.runReminders(actor);
    expect(first.assigned).toBeGreaterThan(0);
    expect(first.reminded).toBe(0);
    const again = await svc.runReminders(actor);
    expect(again).toEqual({ assigned: 0, reminded: 0 });

    now = new Date(now.getTime() + 40 * 86_400_000);
    const late = await svc.runReminders(actor);
    expect(late.reminded).toBeGreaterThan(0);
    const overdueTasks = (await t.request(researcher, "GET", "/api/tasks"))
      .json()
      .items.filter((x: { kind: string }) => x.kind === "training.overdue");
    expect(overdueTasks.length).toBeGreaterThan(0);
    const mails = () =>
      t.services.tasks
        .outbox(1000)
        .then((m) =>
          m.filter((x) => x.kind === "training.overdue" && x.to_address === "kenkyu@example.ac.jp"),
        );
    const firstMails = (await mails()).length;
    expect(firstMails).toBeGreaterThan(0);
    // Within the interval nobody is reminded twice.
    now = new Date(now.getTime() + 2 * 86_400_000);
    expect((await svc.runReminders(actor)).reminded).toBe(0);
    now = new Date(now.getTime() + 6 * 86_400_000);
    expect((await svc.runReminders(actor)).reminded).toBeGreaterThan(0);
    expect((await mails()).length).toBeGreaterThan(firstMails);

    const dash = await svc.dashboard({ ...actor, roles: ["secretariat"] });
    expect(dash.totals.overdue).toBeGreaterThan(0);
    expect(dash.overdue.some((o) => o.userId === researcher.id && o.reminders >= 2)).toBe(true);
    expect(dash.modules.find((m) => m.slug === SLUG)!.passRate).toBe(50);
    expect(dash.departments.find((d) => d.department === "工学研究科")!.overdue).toBeGreaterThan(0);
    expect((await t.request(researcher, "GET", "/api/training/dashboard")).statusCode).toBe(403);
    expect((await t.request(auditor, "GET", "/api/training/dashboard")).statusCode).toBe(200);
  });
});
