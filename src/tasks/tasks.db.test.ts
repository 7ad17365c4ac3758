import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { startSmtpSink } from "../testing/smtp-sink.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SEKIMORI_SMTP_URL: sink.url, SEKIMORI_MAIL_FROM: "sekimori@univ.example" });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe("tasks and notifications", () => {
  it("shows a role's task to everyone with the role, e-mails them in their language, and closes with the entity", async () => {
    const officer = await t.loginAs(["unit_officer"], "officer1");
    const applicant = await t.loginAs(["applicant"], "applicant1");
    const actor = systemActor("test");
    await t.services.db
      .updateTable("users")
      .set({ email: "officer1@univ.example", locale: "en" })
      .where("id", "=", officer.id)
      .execute();
    await t.services.db.transaction().execute(async (tx) => {
      await t.services.tasks.open(tx, actor, {
        kind: "review.unit_check",
        title: { ja: "審査待ち: 来訪者受入れ", en: "Waiting for review: visitor acceptance" },
        link: "/reviews/r1",
        entityType: "review",
        entityId: "r1",
        assignee: { role: "unit_officer" },
        dedupeKey: "review:r1:unit",
        email: true,
      });
      // Asking again refreshes instead of duplicating.
      await t.services.tasks.open(tx, actor, {
        kind: "review.unit_check",
        title: {
          ja: "審査待ち: 来訪者受入れ（更新）",
          en: "Waiting for review: visitor acceptance (updated)",
        },
        entityType: "review",
        entityId: "r1",
        assignee: { role: "unit_officer" },
        dedupeKey: "review:r1:unit",
      });
    });
    const mine = (await t.request(officer, "GET", "/api/tasks")).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].title.en).toContain("(updated)");
    expect((await t.request(applicant, "GET", "/api/tasks")).json().items).toHaveLength(0);
    expect((await t.request(officer, "GET", "/api/tasks/count")).json().open).toBe(1);

    const result = await t.services.mailSender.sendPending();
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toEqual(["officer1@univ.example"]);
    expect(sink.received[0]!.subject).toBe("[Sekimori] Waiting for review: visitor acceptance");
    expect(sink.received[0]!.text).toContain("/reviews/r1");

    await t.services.db
      .transaction()
      .execute((tx) => t.services.tasks.closeFor(tx, actor, { entityType: "review", entityId: "r1" }));
    expect((await t.request(officer, "GET", "/api/tasks")).json().items).toHaveLength(0);
    const actions = (await t.services.audit.list({ entityType: "task" }, 10)).items.map((i) => i.action);
    expect(actions).toEqual(["task.done", "task.opened"]);
  });

  it("sends nothing for a change that rolled back", async () => {
    const before = sink.received.length;
    await expect(
      t.services.db.transaction().execute(async (tx) => {
        await t.services.tasks.open(tx, systemActor(), {
          kind: "x",
          title: { ja: "件名", en: "Subject" },
          assignee: { role: "unit_officer" },
          email: true,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await t.services.mailSender.sendPending();
    expect(sink.received.length).toBe(before);
  });

  it("only the assignee can tick a task off", async () => {
    const owner = await t.loginAs(["secretariat"]);
    const other = await t.loginAs(["applicant"]);
    const task = await t.services.db.transaction().execute((tx) =>
      t.services.tasks.open(tx, systemActor(), {
        kind: "reminder",
        title: { ja: "確認", en: "Check" },
        assignee: { userId: owner.id },
      }),
    );
    expect((await t.request(other, "POST", `/api/tasks/${task.id}/done`, {})).statusCode).toBe(403);
    const done = await t.request(owner, "POST", `/api/tasks/${task.id}/done`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe("done");
  });
});
