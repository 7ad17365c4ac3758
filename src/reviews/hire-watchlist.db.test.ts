import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Classification } from "./classification-engine.js";
import { IDENTITY_CHECKS } from "./hiring-engine.js";
import type { ReviewView } from "./reviews-service.js";
import { completeForm, reviewTestbed } from "./testing/review-fixtures.js";

/**
 * Issue 15 §4: a high-risk hire is approved before the person has an account. The approval opens a
 * task for the security office; once the account exists, the office adds it to the insider-risk
 * watchlist from the review — insider entry, review record, audit and task closing in one go.
 */

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let applicant: Actor;
let unit: Actor;
let sec: Actor;
let approver: Actor;
let admin: Actor;

const notListed: Classification = {
  listStatus: "not_listed",
  regime: "fx_order",
  item: null,
  subItem: null,
  provision: null,
  catchAllCategory: "outside",
  exceptions: [],
  rationale: "ウェブアプリの保守業務で、規制技術の提供はない",
  reference: null,
};

const answers = {
  engagement_kind: "freelancer",
  platform: "クラウドソーシングサイト A",
  job_role: "ウェブアプリの保守",
  systems_access: "研究室のソースコード",
  sensitive_access: true,
  work_mode: "remote",
  country_of_residence: "日本",
  payee_name: "ヤマダ タロウ",
};

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

/** A contractor whose pay goes to someone else (a high-risk sign), carried to the approver. */
async function highRiskAtApproval(name: string, payeeName: string): Promise<ReviewView> {
  const r = tb.services.reviews;
  const contractor = await tb.party({ kind: "person", names: [{ name }], country: "JP" });
  const payee = await tb.party({ kind: "person", names: [{ name: payeeName }], country: "JP" });
  let review = await r.create(
    applicant,
    "hiring_contracting",
    completeForm(
      "hiring_contracting",
      [
        { partyId: contractor.id, role: "contractor" },
        { partyId: payee.id, role: "payee" },
      ],
      answers,
    ),
  );
  review = await r.transition(applicant, review.id, { action: "submit" });
  review = await r.classify(unit, review.id, review.version, {
    classification: notListed,
    topicTags: { jp: [], us: [] },
  });
  review = await r.transition(unit, review.id, { action: "forward" });
  review = await r.recordTransactionCheck(sec, review.id, review.version, cleanTransactionCheck("懸念なし"));
  for (const c of IDENTITY_CHECKS)
    review = await r.recordIdentityCheck(sec, review.id, review.version, {
      checkId: c.id,
      outcome: c.id === "payee_name" ? "sign" : "clear",
      evidence: c.id === "payee_name" ? "振込先口座の名義が契約者と異なる" : "確認済み",
    });
  expect(review.assessment.level).toBe("high");
  return r.transition(sec, review.id, { action: "complete_check" });
}

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase());
  applicant = await tb.user(["applicant"], "w_tanaka");
  unit = await tb.user(["unit_officer"], "w_suzuki");
  sec = await tb.user(["secretariat"], "w_sato");
  approver = await tb.user(["approver"], "w_takahashi");
  admin = await tb.user(["admin"], "w_admin");
});
afterAll(async () => {
  await tb?.close();
});

describe("high-risk hire → insider watchlist (DB)", () => {
  it("the approval opens a task; the security office adds the account from the review, audited, and the task closes", async () => {
    const w = tb.services.hireWatchlist;
    let review = await highRiskAtApproval("佐藤 健", "田中 三郎");
    expect(review.status).toBe("approval");
    // Before the approval: nothing to add yet.
    expect((await w.get(sec, review.id)).eligible).toBe(false);
    expect((await refusal(w.add(sec, review.id, { account: "k.sato", list: "remote_identity" }))).code).toBe(
      "not_approved",
    );
    review = await tb.services.reviews.transition(approver, review.id, {
      action: "approve_with_conditions",
      conditionItems: [
        {
          text: "初回支払前に2回目のビデオ面接を行う",
          ownerUserId: applicant.id,
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
      ],
    });
    expect(review.status).toBe("approved_with_conditions");
    const [task] = await tb.services.tasks.openTasksFor("review_watchlist", review.id);
    expect(task).toMatchObject({ kind: "review.hire_watchlist", assigneeRole: "secretariat" });
    expect(task!.title.ja).toContain("内部不正の監視リスト");
    expect(task!.title.en).toContain("insider watchlist once known");
    let view = await w.get(sec, review.id);
    expect(view).toMatchObject({ eligible: true, highRisk: true, taskOpen: true, mayAdd: true, entries: [] });
    // The applicant sees the state but may not add; neither may the unit officer or the approver.
    expect((await w.get(applicant, review.id)).mayAdd).toBe(false);
    for (const who of [applicant, unit, approver])
      expect(
        (await refusal(w.add(who, review.id, { account: "k.sato", list: "remote_identity" }))).status,
      ).toBe(403);
    // Bad input names the field and stores nothing.
    const bad = await refusal(w.add(sec, review.id, { account: "k sato", list: "favourites" }));
    expect(bad.fields!.map((f) => f.path)).toEqual(["account", "list"]);
    expect((await w.get(sec, review.id)).entries).toEqual([]);

    view = await w.add(sec, review.id, { account: " k.sato ", list: "remote_identity" });
    expect(view.taskOpen).toBe(false);
    expect(view.entries).toEqual([
      expect.objectContaining({ account: "k.sato", list: "remote_identity", addedBy: "w_sato" }),
    ]);
    expect(await tb.services.tasks.openTasksFor("review_watchlist", review.id)).toEqual([]);
    // The insider module holds the account on its watchlist, with the review as source and reason.
    const subject = await tb.services.db
      .selectFrom("insider_subjects")
      .select(["watchlists"])
      .where("subject_key", "=", "k.sato")
      .executeTakeFirstOrThrow();
    expect(subject.watchlists).toContain("remote_identity");
    const audited = await tb.services.db
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id", "after"])
      .where("action", "in", ["insider.watchlist.added", "review.hire_watchlisted", "task.done"])
      .execute();
    expect(audited.find((a) => a.action === "insider.watchlist.added")).toMatchObject({
      entity_id: "k.sato",
    });
    expect(audited.find((a) => a.action === "insider.watchlist.added")!.after).toMatchObject({
      source: "hiring-review",
      reason: expect.stringContaining(review.refNo),
    });
    expect(audited.find((a) => a.action === "review.hire_watchlisted")).toMatchObject({
      entity_type: "review",
      entity_id: review.id,
    });
    expect(audited.some((a) => a.action === "task.done")).toBe(true);
    // The same account on the same list twice is refused; another list is fine (admin may add too).
    expect((await refusal(w.add(sec, review.id, { account: "k.sato", list: "remote_identity" }))).code).toBe(
      "already_watchlisted",
    );
    view = await w.add(admin, review.id, { account: "k.sato", list: "contractor" });
    expect(view.entries.map((e) => e.list)).toEqual(["remote_identity", "contractor"]);
    expect((await tb.services.audit.verify()).ok).toBe(true);
  });

  it("a rejected or non-hiring review cannot put anyone on the watchlist, and a rejected high-risk hire opens no task", async () => {
    const w = tb.services.hireWatchlist;
    let review = await highRiskAtApproval("伊藤 誠", "木村 四郎");
    review = await tb.services.reviews.transition(approver, review.id, {
      action: "reject",
      comment: "支払先が契約者と異なる",
    });
    expect(await tb.services.tasks.openTasksFor("review_watchlist", review.id)).toEqual([]);
    expect((await w.get(sec, review.id)).eligible).toBe(false);
    expect((await refusal(w.add(sec, review.id, { account: "m.ito", list: "contractor" }))).code).toBe(
      "not_approved",
    );
    const other = await tb.services.reviews.create(
      applicant,
      "acceptance",
      completeForm("acceptance", [], { acceptance_kind: "researcher" }),
    );
    expect((await refusal(w.add(sec, other.id, { account: "m.ito", list: "contractor" }))).code).toBe(
      "not_hiring",
    );
  });
});
