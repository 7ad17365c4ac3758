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
const quiz = BUILT_IN_MODULES.find((m) => m.slug === SLUG)!.content.quiz;
const rightAnswers = quiz.map((q) => q.correct);

type Started = { attemptId: string; questions: { id: string; options: { ja: string; en: string }[] }[] };
async function start(user: TestUser, slug = SLUG): Promise<Started> {
  const res = await t.request(user, "POST", `/api/training/modules/${slug}/attempts/start`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
/** The displayed position of each right answer, found by its text (as a person reading would). */
function rightDisplayed(a: Started, q = quiz): number[] {
  return a.questions.map((x, i) => x.options.findIndex((o) => o.ja === q[i]!.options[q[i]!.correct]!.ja));
}
function wrongDisplayed(a: Started, q = quiz): number[] {
  return rightDisplayed(a, q).map((p) => (p === 0 ? 1 : 0));
}

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

    const first = await start(researcher);
    const wrongCount = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      attemptId: first.attemptId,
      answers: [0],
    });
    expect(wrongCount.statusCode).toBe(400);
    // Answers without a started attempt are refused: the order is only known per attempt.
    const noAttempt = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      answers: rightAnswers,
    });
    expect(noAttempt.statusCode).toBe(400);
    const failed = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      attemptId: first.attemptId,
      answers: wrongDisplayed(first),
    });
    expect(failed.json()).toMatchObject({ passed: false, score: 0 });
    expect(failed.json().questions[0].explanation.ja.length).toBeGreaterThan(5);
    // An attempt is graded once.
    const again = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      attemptId: first.attemptId,
      answers: rightDisplayed(first),
    });
    expect(again.statusCode).toBe(409);
    let mine = (await t.request(researcher, "GET", "/api/training/modules"))
      .json()
      .items.find((x: { slug: string }) => x.slug === SLUG);
    expect(mine.mine.state).toBe("due");

    const second = await start(researcher);
    const passed = await t.request(researcher, "POST", `/api/training/modules/${SLUG}/attempts`, {
      attemptId: second.attemptId,
      answers: rightDisplayed(second),
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

  it("shows the options in a different order per attempt, and always picking the first option fails", async () => {
    const user = await t.loginAs(["applicant"], "firstpicker");
    const curriculum = BUILT_IN_MODULES.find((m) => m.slug === "fefta-basics")!;
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const a = await start(user, curriculum.slug);
      orders.add(JSON.stringify(a.questions.map((q) => q.options.map((o) => o.en))));
      const r = await t.request(user, "POST", `/api/training/modules/${curriculum.slug}/attempts`, {
        attemptId: a.attemptId,
        answers: a.questions.map(() => 0),
      });
      expect(r.json().passed).toBe(false);
      // The grading reports positions as displayed: the right one is where the right text was shown.
      r.json().questions.forEach((g: { correct: number }, qi: number) => {
        const q = curriculum.content.quiz[qi]!;
        expect(a.questions[qi]!.options[g.correct]!.en).toBe(q.options[q.correct]!.en);
      });
    }
    expect(orders.size).toBeGreaterThan(1);
    // Someone else's attempt cannot be submitted.
    const mine = await start(user, curriculum.slug);
    const other = await t.request(researcher2, "POST", `/api/training/modules/${curriculum.slug}/attempts`, {
      attemptId: mine.attemptId,
      answers: mine.questions.map(() => 0),
    });
    expect(other.statusCode).toBe(404);
  });

  it("prints a certificate (person, module, score, date, expiry) for a pass, only to its owner and the office", async () => {
    const { extractPdfText } = await import("../reviews/pdf-text.js");
    const user = await t.loginAs(["applicant"], "certholder");
    await t.services.auth.updateUser(systemActor("test"), user.id, { displayName: "山本 真理" });
    const m = BUILT_IN_MODULES.find((x) => x.slug === "research-integrity-disclosure")!;
    const a = await start(user, m.slug);
    const graded = (
      await t.request(user, "POST", `/api/training/modules/${m.slug}/attempts`, {
        attemptId: a.attemptId,
        answers: rightDisplayed(a, m.content.quiz),
      })
    ).json();
    expect(graded.passed).toBe(true);
    const pdf = await t.request(
      user,
      "GET",
      `/api/training/completions/${graded.completionId}/certificate.pdf?lang=ja`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = extractPdfText(Buffer.from(pdf.rawPayload)).text.replace(/\s+/g, "");
    expect(text).toContain("研修修了証");
    expect(text).toContain("山本真理");
    expect(text).toContain("研究インテグリティと申告");
    expect(text).toContain(`${m.content.quiz.length}/${m.content.quiz.length}`);
    const expires = (await t.request(user, "GET", "/api/training/mine")).json().completions[0].expiresAt;
    expect(expires).not.toBeNull();
    const en = await t.request(
      user,
      "GET",
      `/api/training/completions/${graded.completionId}/certificate.pdf?lang=en`,
    );
    expect(extractPdfText(Buffer.from(en.rawPayload)).text).toContain("Certificate of training");
    expect(
      (
        await t.request(
          researcher2,
          "GET",
          `/api/training/completions/${graded.completionId}/certificate.pdf`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.request(auditor, "GET", `/api/training/completions/${graded.completionId}/certificate.pdf`))
        .statusCode,
    ).toBe(200);
    // A failed attempt has no certificate.
    const b = await start(user, m.slug);
    const failed = (
      await t.request(user, "POST", `/api/training/modules/${m.slug}/attempts`, {
        attemptId: b.attemptId,
        answers: wrongDisplayed(b, m.content.quiz),
      })
    ).json();
    expect(
      (await t.request(user, "GET", `/api/training/completions/${failed.completionId}/certificate.pdf`))
        .statusCode,
    ).toBe(404);
  });

  it("lets the office set which modules a disclosure requires, checked and audited", async () => {
    const bad = await t.request(office, "PUT", "/api/training/requirements", { disclosureModules: ["nope"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("modules.0");
    expect(
      (await t.request(researcher, "PUT", "/api/training/requirements", { disclosureModules: [] }))
        .statusCode,
    ).toBe(403);
    const ok = await t.request(office, "PUT", "/api/training/requirements", {
      disclosureModules: ["research-integrity-disclosure"],
    });
    expect(ok.json()).toEqual({ disclosureModules: ["research-integrity-disclosure"] });
    expect((await t.request(researcher, "GET", "/api/training/requirements")).json()).toEqual({
      disclosureModules: ["research-integrity-disclosure"],
    });
    await t.request(office, "PUT", "/api/training/requirements", { disclosureModules: [] });
  });
});
