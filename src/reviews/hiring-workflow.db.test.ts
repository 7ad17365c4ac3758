import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { startSmtpSink } from "../testing/smtp-sink.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Classification } from "./classification-engine.js";
import { IDENTITY_CHECKS } from "./hiring-engine.js";
import { extractPdfText } from "./pdf-text.js";
import { renderReviewForm } from "./review-forms-pdf.js";
import type { ReviewView } from "./reviews-service.js";
import { completeForm, reviewTestbed } from "./testing/review-fixtures.js";

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let applicant: Actor;
let unit: Actor;
let sec: Actor;
let approver: Actor;
const scratch = mkdtempSync(path.join(tmpdir(), "sekimori-hiring-"));
/** Review ids and parties the later tests reuse: the rejected hire's payee, the approved one. */
const rejected: { reviewId?: string; payeeId?: string } = {};
const approved: { reviewId?: string; contractorId?: string } = {};

/** A date some days from now (YYYY-MM-DD), for due dates after the decision. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

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

const cleanCheck = cleanTransactionCheck("取引審査として懸念なし");

const hiringAnswers = {
  engagement_kind: "freelancer",
  platform: "クラウドソーシングサイト A",
  job_role: "ウェブアプリの保守",
  systems_access: "研究室の公開サイトのソースコード",
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

/** Submits, classifies and forwards a hiring review to the secretariat. */
async function toSecretariat(parties: { partyId: string; role: string }[]): Promise<ReviewView> {
  const r = tb.services.reviews;
  let review = await r.create(
    applicant,
    "hiring_contracting",
    completeForm("hiring_contracting", parties, hiringAnswers),
  );
  review = await r.transition(applicant, review.id, { action: "submit" });
  expect(review.status).toBe("unit_review");
  expect(review.routing.track).toBe("full");
  review = await r.classify(unit, review.id, review.version, {
    classification: notListed,
    topicTags: { jp: [], us: [] },
  });
  return r.transition(unit, review.id, { action: "forward" });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  tb = await reviewTestbed(await createTestDatabase(), {
    SEKIMORI_SMTP_URL: sink.url,
    SEKIMORI_MAIL_FROM: "sekimori@univ.example",
  });
  applicant = await tb.user(["applicant"], "h_tanaka");
  unit = await tb.user(["unit_officer"], "h_suzuki");
  sec = await tb.user(["secretariat"], "h_sato");
  approver = await tb.user(["approver"], "h_takahashi");
});
afterAll(async () => {
  await tb?.close();
  await sink?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("hiring and contracting review (DB)", () => {
  it("refuses a hiring application without the payee as a counterparty", async () => {
    const r = tb.services.reviews;
    const contractor = await tb.party({ kind: "person", names: [{ name: "佐々木 一郎" }], country: "JP" });
    const review = await r.create(
      applicant,
      "hiring_contracting",
      completeForm("hiring_contracting", [{ partyId: contractor.id, role: "contractor" }], hiringAnswers),
    );
    const e = await refusal(r.transition(applicant, review.id, { action: "submit" }));
    expect(e.status).toBe(400);
    expect(e.fields!.map((f) => f.message.ja).join(" ")).toContain("報酬の支払先");
    expect((await r.get(applicant, review.id)).status).toBe("draft");
  });

  it("a mismatched payee and a listed intermediary end in rejection, with the security office told", async () => {
    const r = tb.services.reviews;
    const contractor = await tb.party({ kind: "person", names: [{ name: "山田 太郎" }], country: "JP" });
    const payee = await tb.party({ kind: "person", names: [{ name: "鈴木 次郎" }], country: "JP" });
    const broker = await tb.party({
      kind: "organization",
      names: [{ name: "Example Munitions Bureau" }],
      country: null,
    });
    let review = await toSecretariat([
      { partyId: contractor.id, role: "contractor" },
      { partyId: payee.id, role: "payee" },
      { partyId: broker.id, role: "intermediary" },
    ]);
    expect(review.status).toBe("secretariat_review");
    expect(review.identityChecks).toHaveLength(IDENTITY_CHECKS.length);
    expect((await r.get(sec, review.id)).permissions.identityCheck).toBe(true);
    expect(review.permissions.identityCheck).toBe(false);
    // The intermediary really hits the test METI End User List; the hit blocks the secretariat.
    const hit = await tb.latestHit(broker.id, "meti_eul");
    expect(review.counterparties.find((c) => c.partyId === broker.id)!.openHits).toBe(1);
    expect((await refusal(r.transition(sec, review.id, { action: "complete_check" }))).code).toBe(
      "open_hits",
    );
    await tb.services.screening.decide(sec, {
      partyId: broker.id,
      entityId: hit.entityId,
      status: "true_match",
      rationale: "名称・所在が一致",
    });
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    // Identity checks are still missing: the secretariat cannot complete.
    const missing = await refusal(r.transition(sec, review.id, { action: "complete_check" }));
    expect(missing.code).toBe("identity_check_incomplete");
    // The applicant cannot record a check, nor can anyone without evidence.
    expect(
      (
        await refusal(
          r.recordIdentityCheck(applicant, review.id, review.version, {
            checkId: "payee_name",
            outcome: "clear",
            evidence: "x",
          }),
        )
      ).status,
    ).toBe(403);
    const noEvidence = await refusal(
      r.recordIdentityCheck(sec, review.id, review.version, {
        checkId: "payee_name",
        outcome: "sign",
        evidence: " ",
      }),
    );
    expect(noEvidence.fields!.map((f) => f.path)).toEqual(["evidence"]);
    for (const c of IDENTITY_CHECKS) {
      review = await r.recordIdentityCheck(sec, review.id, review.version, {
        checkId: c.id,
        outcome: c.id === "payee_name" ? "sign" : "clear",
        evidence: c.id === "payee_name" ? "振込先口座の名義が「スズキ ジロウ」で契約者と異なる" : "確認済み",
      });
    }
    const payeeCheck = review.identityChecks!.find((c) => c.id === "payee_name")!;
    expect(payeeCheck.outcome).toBe("sign");
    expect(payeeCheck.checkedBy).toBe("h_sato");
    expect(payeeCheck.checkedAt).not.toBeNull();
    expect(review.assessment.level).toBe("high");
    const ids = review.assessment.flags.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["H-PAYEE-MISMATCH", "R-EUL"]));
    expect(review.assessment.flags.find((f) => f.id === "H-PAYEE-MISMATCH")!.evidence.ja).toContain(
      "スズキ ジロウ",
    );
    review = await r.transition(sec, review.id, { action: "complete_check" });
    expect(review.status).toBe("approval");
    review = await r.transition(approver, review.id, {
      action: "reject",
      comment: "支払先が契約者と異なり、仲介者が外国ユーザーリストに掲載",
    });
    expect(review.status).toBe("rejected");
    rejected.reviewId = review.id;
    rejected.payeeId = payee.id;
    // The printed 取引審査 form carries the identity checklist, in Japanese with the font embedded.
    const pdf = await renderReviewForm(
      review,
      "transaction",
      "ja",
      resolvePdfFont(undefined, () => false),
      new Date(),
    );
    const printed = extractPdfText(pdf);
    expect(printed.fonts.some((f) => f.includes("BIZUDPGothic"))).toBe(true);
    expect(printed.text).toContain("本人確認チェックリスト");
    expect(printed.text).toContain("H-PAYEE-MISMATCH");
    // No hire starts: no condition or re-check task.
    expect(await tb.services.tasks.openTasksFor("review_recheck", review.id)).toEqual([]);
    // Every identity check is in the audit log with who recorded it.
    const audit = (await tb.services.audit.forEntity("review", review.id)).items;
    expect(audit.filter((i) => i.action === "review.identity_checked")).toHaveLength(IDENTITY_CHECKS.length);
    expect((await tb.services.audit.verify()).ok).toBe(true);
    // The security office (secretariat) was told when the checks made the review high-risk.
    await tb.services.mailSender.sendPending();
    expect(
      sink.received.some((m) => m.to.includes("h_sato@univ.example") && m.subject.includes("【高リスク】")),
    ).toBe(true);
  });

  it("a clean contractor is approved with conditions that become tasks, and a yearly re-check", async () => {
    const r = tb.services.reviews;
    const contractor = await tb.party({ kind: "person", names: [{ name: "高橋 花子" }], country: "JP" });
    let review = await toSecretariat([
      { partyId: contractor.id, role: "contractor" },
      { partyId: contractor.id, role: "payee" },
    ]);
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    for (const c of IDENTITY_CHECKS)
      review = await r.recordIdentityCheck(sec, review.id, review.version, {
        checkId: c.id,
        outcome: "clear",
        evidence: "ビデオ面接で運転免許証を確認、口座名義一致",
      });
    // Remote work with source-code access: medium, with its reason, and no red flag.
    expect(review.assessment.level).toBe("medium");
    expect(review.assessment.flags).toEqual([]);
    review = await r.transition(sec, review.id, { action: "complete_check" });
    const stale = await refusal(
      r.recordIdentityCheck(sec, review.id, review.version, {
        checkId: "payee_name",
        outcome: "sign",
        evidence: "x",
      }),
    );
    expect(stale.status).toBe(403);
    review = await r.transition(approver, review.id, {
      action: "approve_with_conditions",
      conditionItems: [
        { text: "初回支払前に2回目のビデオ面接を行う", ownerUserId: applicant.id, dueOn: inDays(30) },
        {
          text: "アクセスはプロジェクトXのリポジトリに限定する",
          ownerUserId: applicant.id,
          dueOn: inDays(30),
        },
      ],
    });
    expect(review.status).toBe("approved_with_conditions");
    approved.reviewId = review.id;
    approved.contractorId = contractor.id;
    const stored = await tb.services.db
      .selectFrom("review_conditions")
      .select(["id", "text", "owner_user_id"])
      .where("review_id", "=", review.id)
      .orderBy("position")
      .execute();
    expect(stored.map((c) => c.text)).toEqual([
      "初回支払前に2回目のビデオ面接を行う",
      "アクセスはプロジェクトXのリポジトリに限定する",
    ]);
    for (const c of stored) {
      const [task] = await tb.services.tasks.openTasksFor("review_condition", c.id);
      expect(task!.assigneeUserId).toBe(applicant.id);
      expect(task!.title.ja).toContain(c.text);
    }
    const [recheck] = await tb.services.tasks.openTasksFor("review_recheck", review.id);
    expect(recheck!.assigneeRole).toBe("secretariat");
    const decided = new Date(review.decidedAt!);
    expect(new Date(recheck!.dueAt!).getUTCFullYear()).toBe(decided.getUTCFullYear() + 1);
  });

  it("a list update that newly names an approved contractor and payee opens a task for the secretariat; a rejected hire's payee does not", async () => {
    const file = path.join(scratch, "hiring-watchlist.csv");
    writeFileSync(
      file,
      [
        "id,name,schema,aliases,countries,birth_dates,identifiers,programs,listed_on,addresses,remarks",
        "HW-1,高橋 花子,person,,,,,test,2026-12-01,,fictitious (test)",
        "HW-2,鈴木 次郎,person,,,,,test,2026-12-01,,fictitious (test)",
      ].join("\n"),
    );
    await tb.services.lists.importList(systemActor("test"), {
      files: [file],
      format: "custom_csv",
      source: "custom:hiring-test",
    });
    for (let i = 0; i < 3; i++) {
      await tb.services.screeningIndex.idle();
      await tb.services.screening.idle();
    }
    const alerts = (await tb.services.tasks.openTasksFor("review", approved.reviewId!)).filter(
      (t) => t.kind === "review.hiring_rescreen_hit",
    );
    // One task for the review, though the party is both the contractor and the payee.
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert!.assigneeRole).toBe("secretariat");
    expect(alert!.link).toBe(`/reviews/${approved.reviewId}`);
    expect(alert!.title.ja).toContain("高橋 花子");
    expect(alert!.title.ja).toContain("報酬の支払先");
    expect(alert!.title.en).toContain("New screening hit on an approved hire or contract");
    expect(alert!.detail?.ja).toContain("custom:hiring-test HW-1");
    // The rejected hire's payee is on the list too: the screening task opens, but no hiring alert.
    expect(
      (await tb.services.tasks.openTasksFor("review", rejected.reviewId!)).filter(
        (t) => t.kind === "review.hiring_rescreen_hit",
      ),
    ).toEqual([]);
    const payeeHit = await tb.latestHit(rejected.payeeId!, "custom:hiring-test");
    expect(payeeHit.isNew).toBe(true);
    // The same list again brings nothing new: no second task.
    await tb.services.screening.rescreenNow(systemActor("test"));
    for (let i = 0; i < 3; i++) await tb.services.screening.idle();
    expect(
      (await tb.services.tasks.openTasksFor("review", approved.reviewId!)).filter(
        (t) => t.kind === "review.hiring_rescreen_hit",
      ),
    ).toHaveLength(1);
    expect((await tb.services.audit.verify()).ok).toBe(true);
  });
});
