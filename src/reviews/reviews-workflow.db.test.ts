import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { startSmtpSink } from "../testing/smtp-sink.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Classification } from "./classification-engine.js";
import { EMPTY_EXPORT_FACTS } from "./export-determination-engine.js";
import type { ReviewView } from "./reviews-service.js";
import { completeForm, reviewTestbed } from "./testing/review-fixtures.js";

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let applicant: Actor;
let unit: Actor;
let sec: Actor;
let approver: Actor;
let visitorId: string;
let homeId: string;

const notListed: Classification = {
  listStatus: "not_listed",
  regime: "fx_order",
  item: null,
  subItem: null,
  provision: null,
  catchAllCategory: "16-2",
  exceptions: [
    {
      code: "basic_research",
      use: "basic_research",
      basis: "原理の究明を目的とし特定の製品の設計・製造を目的としない",
    },
  ],
  rationale: "基礎科学分野の研究活動であり、特定の製品の設計・製造を目的としない",
  reference: null,
};

const cleanCheck = cleanTransactionCheck("懸念なし。受入れを認めてよい");

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const auditActions = async (id: string) =>
  (await tb.services.audit.forEntity("review", id)).items.map((i) => i.action).reverse();

beforeAll(async () => {
  sink = await startSmtpSink();
  tb = await reviewTestbed(await createTestDatabase(), {
    SEKIMORI_SMTP_URL: sink.url,
    SEKIMORI_MAIL_FROM: "sekimori@univ.example",
  });
  applicant = await tb.user(["applicant"], "tanaka");
  unit = await tb.user(["unit_officer"], "suzuki");
  sec = await tb.user(["secretariat"], "sato");
  approver = await tb.user(["approver"], "takahashi");
  visitorId = (
    await tb.party({ kind: "person", names: [{ name: "王 偉" }, { name: "WANG Wei" }], country: "CN" })
  ).id;
  homeId = (
    await tb.party({
      kind: "organization",
      names: [{ name: "Example Institute of Technology" }],
      country: "CN",
    })
  ).id;
});
afterAll(async () => {
  await tb?.close();
  await sink?.close();
});

describe("review workflow (DB)", () => {
  it("carries a visitor acceptance from applicant to approval, resolving a screening hit on the way", async () => {
    const r = tb.services.reviews;
    // An incomplete application is refused with field errors in both languages.
    let review: ReviewView = await r.create(applicant, "acceptance", {
      ...completeForm("acceptance", []),
      answers: {},
    });
    expect(review.status).toBe("draft");
    expect(review.refNo).toMatch(/^RV-\d{4}-\d{4}$/);
    const incomplete = await refusal(r.transition(applicant, review.id, { action: "submit" }));
    expect(incomplete.status).toBe(400);
    expect(incomplete.fields!.map((f) => f.path)).toEqual(
      expect.arrayContaining(["counterparties", "answers.acceptance_kind", "answers.lab_access"]),
    );
    expect(incomplete.fields![0]!.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(review.status).toBe("draft");

    review = await r.update(
      applicant,
      review.id,
      review.version,
      completeForm("acceptance", [
        { partyId: visitorId, role: "visitor" },
        { partyId: homeId, role: "home_institution" },
      ]),
    );
    review = await r.transition(applicant, review.id, { action: "submit" });
    expect(review.status).toBe("unit_review");
    // Screening ran on submit for every counterparty, against the imported lists.
    expect(await tb.screeningRunsFor(visitorId, review.id)).toHaveLength(1);
    expect(await tb.screeningRunsFor(homeId, review.id)).toHaveLength(1);
    const home = review.counterparties.find((c) => c.partyId === homeId)!;
    expect(home.openHits).toBe(1);
    expect(review.counterparties.find((c) => c.partyId === visitorId)!.openHits).toBe(0);
    // The home institution really hits the METI End User List entry, with its concern type.
    const hit = await tb.latestHit(homeId, "meti_eul");
    expect(hit.name).toBe("Example Institute of Technology");
    expect(hit.programs).toEqual(expect.arrayContaining(["METI End User List", "WMD: M"]));
    const eul = review.assessment.flags.find((f) => f.id === "R-EUL")!;
    expect(eul.evidence.ja).toContain("懸念区分");
    expect(eul.evidence.ja).toContain("WMD: M");
    expect(review.routing.track).toBe("full");

    // The unit officer cannot forward before the classification is recorded.
    expect((await refusal(r.transition(unit, review.id, { action: "forward" }))).code).toBe(
      "classification_missing",
    );
    review = await r.classify(unit, review.id, review.version, {
      classification: notListed,
      topicTags: { jp: ["jp-20"], us: [] },
    });
    expect(review.classificationSummary!.ja).toContain("基礎科学");
    // Clearing without the full review is refused: there is a list hit.
    expect((await refusal(r.transition(unit, review.id, { action: "clear" }))).code).toBe(
      "full_review_required",
    );
    review = await r.transition(unit, review.id, { action: "forward" });
    expect(review.status).toBe("secretariat_review");

    // Open hit blocks the secretariat; checklists too.
    expect((await refusal(r.transition(sec, review.id, { action: "complete_check" }))).code).toBe(
      "open_hits",
    );
    // The secretariat resolves the hit in screening (as POST /api/screening/decisions does).
    await tb.services.screening.decide(sec, {
      partyId: homeId,
      entityId: hit.entityId,
      status: "false_positive",
      rationale: "別機関（所在地が異なる）",
    });
    const incompleteCheck = await refusal(r.transition(sec, review.id, { action: "complete_check" }));
    expect(incompleteCheck.code).toBe("transaction_check_incomplete");
    expect(incompleteCheck.fields!.map((f) => f.path)).toContain("endUse.wmd");
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    review = await r.transition(sec, review.id, { action: "complete_check" });
    expect(review.status).toBe("approval");
    expect(review.assessment.flags.map((f) => f.id)).not.toContain("R-EUL");

    review = await r.transition(approver, review.id, { action: "approve", comment: "承認します" });
    expect(review.status).toBe("approved");
    const decided = new Date(review.decidedAt!);
    expect(review.retentionUntil).toBe(`${decided.getUTCFullYear() + 5}${review.decidedAt!.slice(4, 10)}`);
    expect(review.events.map((e) => e.action)).toEqual(["submit", "forward", "complete_check", "approve"]);

    // Every transition is audited, in order, with its from/to.
    const actions = await auditActions(review.id);
    expect(actions.filter((a) => /^review\.(submit|forward|complete_check|approve)$/.test(a))).toEqual([
      "review.submit",
      "review.forward",
      "review.complete_check",
      "review.approve",
    ]);
    const approveRow = (await tb.services.audit.forEntity("review", review.id)).items.find(
      (i) => i.action === "review.approve",
    )!;
    expect(approveRow.before).toEqual({ status: "approval" });
    expect(approveRow.after).toMatchObject({ status: "approved" });
    expect((await tb.services.audit.verify()).ok).toBe(true);

    // No task is left open on the review; people were told by e-mail.
    expect(await tb.services.tasks.openTasksFor("review", review.id)).toEqual([]);
    await tb.services.mailSender.sendPending();
    const toApplicant = sink.received.filter((m) => m.to.includes("tanaka@univ.example"));
    expect(toApplicant.map((m) => m.subject).join("\n")).toContain("審査結果（承認）");
    const toApprover = sink.received.filter((m) => m.to.includes("takahashi@univ.example"));
    expect(
      toApprover.some((m) => m.subject.includes("承認待ち") && m.text.includes(`/reviews/${review.id}`)),
    ).toBe(true);
    expect(
      sink.received.some(
        (m) => m.to.includes("sato@univ.example") && m.subject.includes("スクリーニング該当候補"),
      ),
    ).toBe(true);
  });

  it("refuses illegal transitions, changes nothing and writes no audit row", async () => {
    const r = tb.services.reviews;
    const review = await r.create(
      applicant,
      "acceptance",
      completeForm("acceptance", [{ partyId: visitorId, role: "visitor" }]),
    );
    const before = await auditActions(review.id);
    for (const [actor, action] of [
      [approver, "approve"],
      [sec, "complete_check"],
      [unit, "forward"],
      [approver, "reject"],
    ] as const) {
      const e = await refusal(r.transition(actor, review.id, { action, comment: "x", conditions: "x" }));
      expect(e.status, action).toBe(409);
      expect(e.code).toBe("illegal_transition");
      expect(e.messages.ja).toContain("下書き");
    }
    expect((await refusal(r.transition(unit, review.id, { action: "submit" }))).code).toBe("not_owner");
    expect((await r.get(applicant, review.id)).status).toBe("draft");
    expect(await auditActions(review.id)).toEqual(before);
  });

  it("nobody approves their own application, even holding every role", async () => {
    const r = tb.services.reviews;
    const boss = await tb.user(["applicant", "unit_officer", "secretariat", "approver"]);
    let review = await r.create(
      boss,
      "acceptance",
      completeForm("acceptance", [{ partyId: visitorId, role: "visitor" }]),
    );
    review = await r.transition(boss, review.id, { action: "submit" });
    for (const action of ["forward", "return", "clear"] as const) {
      const e = await refusal(r.transition(boss, review.id, { action, comment: "x" }));
      expect(e.status).toBe(403);
      expect(e.code).toBe("own_application");
    }
    expect(
      (
        await refusal(
          r.classify(boss, review.id, review.version, {
            classification: notListed,
            topicTags: { jp: [], us: [] },
          }),
        )
      ).status,
    ).toBe(403);
    expect(review.actions).toEqual(["withdraw"]);
    // Others carry it to the approval stage; the applicant still cannot approve it there.
    review = await r.classify(unit, review.id, review.version, {
      classification: notListed,
      topicTags: { jp: [], us: [] },
    });
    review = await r.transition(unit, review.id, { action: "forward" });
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    review = await r.transition(sec, review.id, { action: "complete_check" });
    expect(review.status).toBe("approval");
    for (const action of ["approve", "approve_with_conditions", "reject"] as const) {
      const e = await refusal(r.transition(boss, review.id, { action, comment: "x", conditions: "x" }));
      expect(e.code, action).toBe("own_application");
    }
    expect((await r.get(boss, review.id)).actions).toEqual([]);
    review = await r.transition(approver, review.id, { action: "approve" });
    expect(review.events.filter((e) => e.action === "approve").map((e) => e.actor)).toEqual(["takahashi"]);
  });

  it("returns for revision; the applicant edits and resubmits; edits are refused while under review", async () => {
    const r = tb.services.reviews;
    let review = await r.create(
      applicant,
      "overseas_trip",
      completeForm("overseas_trip", [{ partyId: homeId, role: "host" }]),
    );
    review = await r.transition(applicant, review.id, { action: "submit" });
    expect(
      (await refusal(r.update(applicant, review.id, review.version, completeForm("overseas_trip", [])))).code,
    ).toBe("not_editable");
    expect((await refusal(r.transition(unit, review.id, { action: "return" }))).code).toBe(
      "comment_required",
    );
    review = await r.transition(unit, review.id, {
      action: "return",
      comment: "渡航先の面会者を追加してください",
    });
    expect(review.status).toBe("returned");
    const applicantTasks = await tb.services.tasks.listMine(applicant);
    expect(applicantTasks.some((t) => t.kind === "review.returned" && t.entityId === review.id)).toBe(true);
    review = await r.get(applicant, review.id);
    review = await r.update(
      applicant,
      review.id,
      review.version,
      completeForm("overseas_trip", [
        { partyId: homeId, role: "host" },
        { partyId: visitorId, role: "host" },
      ]),
    );
    expect(
      (await refusal(r.update(applicant, review.id, review.version - 1, completeForm("overseas_trip", []))))
        .code,
    ).toBe("stale_version");
    review = await r.transition(applicant, review.id, { action: "submit" });
    expect(review.status).toBe("unit_review");
    expect(review.events.map((e) => e.to)).toEqual(["unit_review", "returned", "unit_review"]);
  });

  it("a case without concerns is cleared by the unit officer without the full review", async () => {
    const r = tb.services.reviews;
    const clean = await tb.party({
      kind: "organization",
      names: [{ name: "株式会社さくら精密" }],
      country: "JP",
    });
    let review = await r.create(
      applicant,
      "goods_export",
      completeForm("goods_export", [{ partyId: clean.id, role: "consignee" }]),
    );
    review = await r.transition(applicant, review.id, { action: "submit" });
    expect(review.routing.track).toBe("simple");
    review = await r.classify(unit, review.id, review.version, {
      classification: {
        ...notListed,
        regime: "export_order",
        exceptions: [],
        rationale: "パラメータシートで全項目非該当を確認",
      },
      topicTags: { jp: [], us: [] },
    });
    // An export of goods cannot be cleared before the destination is known (licence undetermined).
    expect(review.licence.result).toBe("undetermined");
    expect((await refusal(r.transition(unit, review.id, { action: "clear" }))).code).toBe(
      "licence_undetermined",
    );
    review = await r.setExportFacts(unit, review.id, review.version, {
      ...EMPTY_EXPORT_FACTS,
      destinationCountry: "US",
      statedUse: "civil",
    });
    expect(review.licence.result).toBe("not_required");
    expect(review.actions).toContain("clear");
    review = await r.transition(unit, review.id, { action: "clear" });
    expect(review.status).toBe("cleared");
    expect(review.retentionUntil).not.toBeNull();
    // Final: nothing more can happen.
    expect((await refusal(r.transition(approver, review.id, { action: "approve" }))).code).toBe(
      "illegal_transition",
    );
  });

  it("applicants see only their own reviews; the inbox shows each role its stage", async () => {
    const r = tb.services.reviews;
    const other = await tb.user(["applicant"]);
    const mine = await r.list(applicant, { scope: "mine", page: 1, pageSize: 50 });
    expect(mine.items.length).toBeGreaterThan(0);
    const someone = mine.items[0]!;
    expect((await refusal(r.get(other, someone.id))).status).toBe(404);
    expect((await refusal(r.list(other, { scope: "all", page: 1, pageSize: 10 }))).status).toBe(403);
    const inbox = await r.list(unit, { scope: "inbox", page: 1, pageSize: 50 });
    expect(inbox.items.every((i) => i.status === "unit_review")).toBe(true);
    expect(inbox.items.length).toBeGreaterThan(0);
  });
});
