import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeForm, reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { systemActor } from "../shared/actor.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { createTestDatabase } from "../testing/test-db.js";

/**
 * After approval, the parts that run on the calendar (issue 13 §4): a long-term guest is screened
 * again a year after approval by the daily job, and a hit found then becomes a task for the
 * secretariat (with e-mail); a hand-carried item whose return is not recorded by its due date gets
 * one reminder. The clock is moved, nothing else is faked.
 */

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let now = new Date("2026-05-01T09:00:00Z");
let applicant: Actor;
let unit: Actor;
let sec: Actor;
let approver: Actor;
const scratch = mkdtempSync(path.join(tmpdir(), "sekimori-aftercare-"));

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => now);
  applicant = await tb.user(["applicant"], "tanaka");
  unit = await tb.user(["unit_officer"], "suzuki");
  sec = await tb.user(["secretariat"], "sato");
  approver = await tb.user(["approver"], "takahashi");
});
afterAll(async () => {
  await tb?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function approvedAcceptance(guestName: string, endDate: string) {
  const r = tb.services.reviews;
  const guest = await tb.party({ kind: "person", names: [{ name: guestName }], country: "SG" });
  const form = completeForm("acceptance", [{ partyId: guest.id, role: "visitor" }]);
  form.details = { ...form.details, startDate: "2026-05-01", endDate };
  let review = await r.create(applicant, "acceptance", form);
  review = await r.transition(applicant, review.id, { action: "submit" });
  review = await r.classify(unit, review.id, review.version, {
    classification: {
      listStatus: "not_listed",
      regime: "fx_order",
      item: null,
      subItem: null,
      provision: null,
      catchAllCategory: "16-2",
      exceptions: [],
      rationale: "見学と講義の聴講のみで、技術の提供を伴わない",
      reference: null,
    },
    topicTags: { jp: [], us: [] },
  });
  review = await r.transition(unit, review.id, { action: "forward" });
  review = await r.recordTransactionCheck(sec, review.id, review.version, cleanTransactionCheck("懸念なし"));
  review = await r.transition(sec, review.id, { action: "complete_check" });
  review = await r.transition(approver, review.id, { action: "approve" });
  expect(review.status).toBe("approved");
  return { review, guest };
}

async function nextRescreenOn(reviewId: string) {
  const row = await tb.services.db
    .selectFrom("reviews")
    .select(["next_rescreen_on", "last_rescreened_at"])
    .where("id", "=", reviewId)
    .executeTakeFirstOrThrow();
  return row;
}

describe("yearly re-screening of long-term guests", () => {
  it("books the re-screening a year after approval, runs it when due, and turns a new hit into a task", async () => {
    now = new Date("2026-05-01T09:00:00Z");
    const { review, guest } = await approvedAcceptance("Lim Testguest Aftercare", "2028-03-31");
    // A day visitor (stay ends within the year) is not re-screened.
    const { review: visit } = await approvedAcceptance("Tan Dayvisitor Aftercare", "2026-05-02");
    expect((await nextRescreenOn(review.id)).next_rescreen_on).toBe("2027-05-01");
    expect((await nextRescreenOn(visit.id)).next_rescreen_on).toBeNull();
    // The review page shows the booked date (and nothing for the day visitor).
    expect((await tb.services.reviews.get(sec, review.id)).nextRescreenOn).toBe("2027-05-01");
    expect((await tb.services.reviews.get(sec, visit.id)).nextRescreenOn).toBeNull();

    const job = systemActor("test");
    // Not due yet: nothing runs.
    expect(await tb.services.aftercare.runRescreens(job)).toBe(0);

    // During the year the guest is put on a list.
    const file = path.join(scratch, "guest-list.csv");
    writeFileSync(
      file,
      [
        "id,name,schema,aliases,countries,birth_dates,identifiers,programs,listed_on,addresses,remarks",
        "AC-1,Lim Testguest Aftercare,person,,,,,test,2027-01-15,,fictitious (test)",
      ].join("\n"),
    );
    await tb.services.lists.importList(job, {
      files: [file],
      format: "custom_csv",
      source: "custom:aftercare",
    });
    for (let i = 0; i < 3; i++) {
      await tb.services.screeningIndex.idle();
      await tb.services.screening.idle();
    }

    now = new Date("2027-05-02T06:00:00Z");
    expect(await tb.services.aftercare.runRescreens(job)).toBe(1);
    const after = await nextRescreenOn(review.id);
    // The next one would be 2028-05-02, after the stay ends (2028-03-31): none is booked.
    expect(after.next_rescreen_on).toBeNull();
    expect(after.last_rescreened_at).not.toBeNull();
    // The review's own screening ran again for the guest, and the hit is a task for the secretariat.
    const runs = await tb.screeningRunsFor(guest.id, review.id);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const tasks = (await tb.services.tasks.openTasksFor("review", review.id)).filter(
      (t) => t.kind === "review.rescreen_hits",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.assigneeRole).toBe("secretariat");
    expect(tasks[0]!.title.ja).toContain("年次再スクリーニング");
    expect(tasks[0]!.title.en).toContain("Yearly re-screening");
    await tb.services.mailSender.sendPending().catch(() => undefined);
    expect((await tb.services.tasks.outbox(50)).some((m) => m.kind === "review.rescreen_hits")).toBe(true);
    const audited = (await tb.services.audit.forEntity("review", review.id)).items.find(
      (i) => i.action === "review.rescreened",
    );
    expect(audited?.after).toMatchObject({ parties: 1 });
    // Once done it is not run again the same day; the visitor never is.
    expect(await tb.services.aftercare.runRescreens(job)).toBe(0);
    expect((await nextRescreenOn(visit.id)).last_rescreened_at).toBeNull();
  });
});

describe("hand-carry return check", () => {
  it("reminds the secretariat once when a return is not recorded by its due date", async () => {
    now = new Date("2026-06-01T09:00:00Z");
    const host = await tb.party({
      kind: "organization",
      names: [{ name: "Host Lab (aftercare test)" }],
      country: "DE",
    });
    const trip = await tb.services.reviews.create(
      applicant,
      "overseas_trip",
      completeForm("overseas_trip", [{ partyId: host.id, role: "host" }]),
    );
    await tb.services.aftercare.addHandCarry(applicant, trip.id, {
      kind: "laptop",
      description: "出張用ノートPC",
      itemId: null,
      outOn: "2026-06-10",
      returnDueOn: "2026-06-20",
    });
    const job = systemActor("test");
    expect(await tb.services.aftercare.runReturnReminders(job)).toBe(0);
    now = new Date("2026-06-22T09:00:00Z");
    expect(await tb.services.aftercare.runReturnReminders(job)).toBe(1);
    expect(await tb.services.aftercare.runReturnReminders(job)).toBe(0);
    const overdue = (await tb.services.tasks.openTasksFor("review", trip.id)).filter(
      (t) => t.kind === "review.hand_carry_overdue",
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.assigneeRole).toBe("secretariat");
    expect(overdue[0]!.title.ja).toContain("2026-06-20");
  });
  it("a listed item from the item master carried abroad asks the secretariat to confirm the licence before departure", async () => {
    now = new Date("2026-07-01T09:00:00Z");
    const host = await tb.party({
      kind: "organization",
      names: [{ name: "Host Institute (listed carry test)" }],
      country: "TH",
    });
    const trip = await tb.services.reviews.create(
      applicant,
      "overseas_trip",
      completeForm("overseas_trip", [{ partyId: host.id, role: "host" }]),
    );
    const listed = await tb.services.exportItems.create(unit, {
      kind: "goods",
      name: "赤外線カメラ（携行テスト）",
      description: "",
      judgement: {
        listStatus: "listed",
        item: "10",
        subItem: "(4)",
        provision: null,
        catchAllCategory: null,
        exceptions: [],
      },
      rationale: "パラメータシート10項で該当",
      decidedOn: "2026-06-01",
      recheckOn: null,
    });
    const plain = await tb.services.exportItems.create(unit, {
      kind: "goods",
      name: "一般のノートPC（携行テスト）",
      description: "",
      judgement: {
        listStatus: "not_listed",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-2",
        exceptions: [],
      },
      rationale: "市販品、リスト非該当",
      decidedOn: "2026-06-01",
      recheckOn: null,
    });
    const carry = (itemId: string | null, description: string) =>
      tb.services.aftercare.addHandCarry(applicant, trip.id, {
        kind: "equipment",
        description,
        itemId,
        outOn: "2026-07-10",
        returnDueOn: "2026-07-20",
      });
    await carry(plain.id, "ノートPC");
    const listedTasks = async () =>
      (await tb.services.tasks.openTasksFor("review", trip.id)).filter(
        (t) => t.kind === "review.hand_carry_listed",
      );
    expect(await listedTasks()).toHaveLength(0);
    await carry(listed.id, "赤外線カメラ");
    const tasks = await listedTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.assigneeRole).toBe("secretariat");
    expect(tasks[0]!.title.ja).toContain("10の項");
    expect(tasks[0]!.detail?.ja).toContain("外為法第48条第1項");
    expect(tasks[0]!.dueAt?.startsWith("2026-07-10")).toBe(true);
    const unknown = await tb.services.aftercare
      .addHandCarry(applicant, trip.id, {
        kind: "equipment",
        description: "不明品",
        itemId: "00000000-0000-4000-8000-000000000000",
        outOn: "2026-07-10",
        returnDueOn: "2026-07-20",
      })
      .catch((e: unknown) => e as { fields?: { path: string }[] });
    expect((unknown as { fields?: { path: string }[] }).fields?.map((f) => f.path)).toEqual(["itemId"]);
  });
});
