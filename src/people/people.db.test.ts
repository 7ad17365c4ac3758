import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeForm, reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { redFlag } from "../shared/red-flags.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { startSmtpSink } from "../testing/smtp-sink.js";
import { createTestDatabase } from "../testing/test-db.js";
import type { Disclosure, TokuteiForm } from "./people-engine.js";

let now = new Date("2026-04-01T09:00:00Z");
let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let sec: Actor;
let unit: Actor;
let approver: Actor;
let researcher: Actor;

const tokutei2 = (over: Partial<TokuteiForm> = {}): TokuteiForm => ({
  declaredOn: "2026-04-01",
  type1: { applies: false, counterparty: "", detail: "" },
  type2: {
    fiscalYear: "2025",
    foreignIncomeJpy: 3_000_000,
    totalIncomeJpy: 10_000_000,
    sources: "海外企業 X 社からの技術顧問料",
  },
  type3: { applies: false, detail: "" },
  evidence: "顧問契約書の写し、2025年分の源泉徴収票",
  nextReviewOn: null,
  pledge: true,
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  sink = await startSmtpSink();
  tb = await reviewTestbed(await createTestDatabase(), { SEKIMORI_SMTP_URL: sink.url }, () => now);
  sec = await tb.user(["secretariat"], "sec1");
  unit = await tb.user(["unit_officer"], "unit1");
  approver = await tb.user(["approver"], "appr1");
  researcher = await tb.user(["applicant"], "res1");
});
afterAll(async () => {
  await tb?.close();
  await sink?.close();
});

describe("people (DB)", () => {
  it("technology provision to a person with a 特定類型② declaration goes to full review and the approver, approved with conditions", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "山田 太郎" }], country: "JP" });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    // Below 25 %: not ②.
    let p = await tb.services.people.declareTokutei(
      sec,
      person.id,
      tokutei2({
        type2: { fiscalYear: "2025", foreignIncomeJpy: 2_400_000, totalIncomeJpy: 10_000_000, sources: "x" },
      }),
    );
    expect(p.tokutei[0]).toMatchObject({ types: [], active: false });
    // 30 %: ② applies, computed by the form.
    p = await tb.services.people.declareTokutei(sec, person.id, tokutei2());
    expect(p.tokutei[0]).toMatchObject({ types: ["2"], active: true, nextReviewOn: "2027-04-01" });
    expect(p.tokutei[0]!.incomeShare).toBeCloseTo(0.3);
    expect(p.tokutei[1]!.active).toBe(false);
    expect(p.tokuteiReviewOn).toBe("2027-04-01");

    const r = tb.services.reviews;
    let review = await r.create(
      researcher,
      "technology_provision",
      completeForm("technology_provision", [{ partyId: party.id, role: "recipient" }], {
        recipient_residency: "resident",
      }),
    );
    review = await r.transition(researcher, review.id, { action: "submit" });
    expect(review.routing.track).toBe("full");
    expect(review.routing.reasons.map((x) => x.ja).join("\n")).toContain("特定類型");
    const flag = review.assessment.flags.find((f) => f.id === "R-TOKUTEI")!;
    expect(flag.evidence.ja).toContain("特定類型②");
    expect(review.counterparties[0]!.person?.tokutei).toMatchObject({ active: true, types: ["2"] });

    review = await r.classify(unit, review.id, review.version, {
      classification: {
        listStatus: "listed",
        regime: "fx_order",
        item: "5",
        subItem: "(2)",
        provision: null,
        catchAllCategory: null,
        exceptions: [],
        rationale: "提供する製造技術は外為令別表5項(2)に該当",
        reference: "パラメータシート 2026年版",
      },
      topicTags: { jp: ["jp-20"], us: ["us-02"] },
    });
    expect((await refusal(r.transition(unit, review.id, { action: "clear" }))).code).toBe(
      "full_review_required",
    );
    review = await r.transition(unit, review.id, { action: "forward" });
    review = await r.recordTransactionCheck(
      sec,
      review.id,
      review.version,
      cleanTransactionCheck("特定類型②該当者への提供。条件を付して承認を推奨"),
    );
    review = await r.transition(sec, review.id, { action: "complete_check" });
    expect(review.status).toBe("approval");
    expect(review.assessment.level).toBe("high");
    expect(
      (await refusal(r.transition(approver, review.id, { action: "approve_with_conditions" }))).code,
    ).toBe("conditions_required");
    // Listed technology to a 特定類型 resident is a deemed export: a licence is required, and the
    // approval waits for one — here an application in progress, which adds its own condition.
    expect(review.licence.result).toBe("licence_required");
    expect(
      (
        await refusal(
          r.transition(approver, review.id, {
            action: "approve_with_conditions",
            conditions: "管理区域に限る",
          }),
        )
      ).code,
    ).toBe("licence_missing");
    const application = await tb.services.licences.create(sec, {
      kind: "individual",
      status: "applying",
      licenceNumber: null,
      holder: "本学",
      appliedOn: "2026-04-01",
      issuedOn: null,
      validFrom: null,
      validUntil: null,
      conditions: "",
      items: [{ itemId: null, listedItem: "5", description: "5項(2) 製造技術" }],
      destinations: ["*"],
      quantityLimit: null,
      quantityUnit: null,
      valueLimitJpy: null,
      responsibleUserId: null,
      note: null,
    });
    review = await r.linkLicence(sec, review.id, application.id, true);
    expect(review.licence.gate).toMatchObject({ required: true, satisfied: true, pending: true });
    expect((await refusal(r.transition(approver, review.id, { action: "approve" }))).code).toBe(
      "licence_pending_needs_conditions",
    );
    review = await r.transition(approver, review.id, {
      action: "approve_with_conditions",
      conditions: "提供は学内の管理区域内に限る。資料の持出し禁止",
    });
    expect(review.status).toBe("approved_with_conditions");
    expect(review.conditions).toContain("管理区域");
    expect(review.conditions).toContain("輸出許可の取得まで");
    const tracked = await tb.services.aftercare.conditions(sec, { reviewId: review.id });
    expect(tracked.map((c) => c.status)).toEqual(["open", "open"]);

    // The red flag links to the case library: "this resembles …" the SoftBank case, whose employee
    // took money and instructions from a foreign government's official.
    await tb.services.cases.installBuiltIns(sec);
    const related = await tb.services.cases.related([flag.id], 3);
    expect(related.map((c) => c.slug)).toContain("softbank-russian-trade-representation-2017-2020");
    expect(related[0]!.sharedFlags).toEqual(["R-TOKUTEI"]);
  });

  it("only the person or the secretariat may declare; incomplete declarations name their fields", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "佐々木 次郎" }] });
    const self = await tb.user(["applicant"]);
    const stranger = await tb.user(["applicant"]);
    const person = await tb.services.people.create(sec, {
      partyId: party.id,
      category: "staff",
      userId: self.id!,
    });
    expect((await refusal(tb.services.people.declareTokutei(stranger, person.id, tokutei2()))).status).toBe(
      403,
    );
    expect((await refusal(tb.services.people.get(stranger, person.id))).status).toBe(403);
    const bad = await refusal(
      tb.services.people.declareTokutei(self, person.id, tokutei2({ pledge: false, evidence: "" })),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields!.map((f) => f.path)).toEqual(["evidence", "pledge"]);
    const p = await tb.services.people.declareTokutei(
      self,
      person.id,
      tokutei2({
        type2: { fiscalYear: "2025", foreignIncomeJpy: 0, totalIncomeJpy: 6_000_000, sources: "" },
        evidence: "",
      }),
    );
    expect(p.tokutei[0]!.types).toEqual([]);
    expect((await tb.services.people.mine(self))?.id).toBe(person.id);
  });

  it("disclosures keep history, screen declared funders, flag effort over 100 % and talent programmes, and flag the applicant's reviews", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "田中 花子" }] });
    const funder = await tb.party({ kind: "organization", names: [{ name: "Sample Talent Fund" }] });
    const person = await tb.services.people.create(sec, {
      partyId: party.id,
      category: "researcher",
      userId: researcher.id!,
      eradResearcherNumber: "12345678",
    });
    const d1: Disclosure = {
      submittedOn: "2026-04-01",
      career: [{ from: "2015-04-01", to: null, organisation: "本学", position: "准教授" }],
      affiliations: [
        {
          kind: "position",
          organisation: { name: "本学", partyId: null },
          position: "准教授",
          from: "2015-04-01",
          to: null,
          effortPercent: 80,
          paid: true,
          confidentiality: false,
        },
      ],
      funds: [],
      nonMonetary: [],
      pledge: true,
    };
    let p = await tb.services.people.submitDisclosure(researcher, person.id, d1);
    expect(p.disclosures).toHaveLength(1);
    expect(p.disclosureDueOn).toBe("2027-04-01");
    expect(p.flags).toEqual([]);
    const d2: Disclosure = {
      ...d1,
      submittedOn: "2026-05-01",
      affiliations: [
        ...d1.affiliations,
        {
          kind: "talent_programme",
          organisation: { name: "Sample Talent Fund", partyId: funder.id },
          position: "Visiting chair",
          from: "2026-04-15",
          to: null,
          effortPercent: 30,
          paid: true,
          confidentiality: true,
        },
      ],
    };
    p = await tb.services.people.submitDisclosure(researcher, person.id, d2);
    expect(p.disclosures.map((d) => d.version)).toEqual([2, 1]);
    expect(p.flags.map((f) => f.id).sort()).toEqual([
      "P-DISCLOSURE-LIST-HIT",
      "P-EFFORT-OVER-100",
      "P-TALENT-PROGRAM",
      // A talent programme in the disclosure requires the research-integrity module (not yet passed).
      "P-TRAINING-NOT-CURRENT",
    ]);
    // Every flag a person shows is in the shared catalogue the case library links to.
    for (const f of p.flags) expect(redFlag(f.id)?.title, f.id).toEqual(f.title);
    // The declared funder was screened for this person and really hits the DoD 1286 list.
    expect(await tb.screeningRunsFor(funder.id, person.id)).toHaveLength(1);
    const hit = await tb.latestHit(funder.id, "dod_1286");
    expect(hit.name).toBe("Sample Talent Fund");
    const secTasks = await tb.services.tasks.listMine(sec);
    expect(secTasks.some((t) => t.kind === "people.hits_to_resolve" && t.entityId === person.id)).toBe(true);
    expect(secTasks.some((t) => t.kind === "people.effort_over_100")).toBe(true);

    // The applicant's own reviews now carry the people flags.
    const review = await tb.services.reviews.create(
      researcher,
      "outside_appointment",
      completeForm("outside_appointment", [{ partyId: funder.id, role: "employer" }]),
    );
    const ids = review.assessment.flags.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(["P-DISCLOSURE-LIST-HIT", "P-EFFORT-OVER-100", "P-TALENT-PROGRAM"]),
    );
    expect(review.routing.track).toBe("full");

    // A false positive clears the list flag after re-screening.
    await tb.services.screening.decide(sec, {
      partyId: funder.id,
      entityId: hit.entityId,
      status: "false_positive",
      rationale: "同名の別団体",
    });
    p = await tb.services.people.screenProviders(sec, person.id);
    expect(p.flags.map((f) => f.id)).not.toContain("P-DISCLOSURE-LIST-HIT");

    const csv = await tb.services.people.eRadExport(sec);
    expect(csv).toContain(
      // The programme is under a confidentiality agreement: only the effort is reported.
      "12345678,田中 花子,現在の全ての所属機関・役職,外国の人材登用プログラム,,,,,,,,,30,有,",
    );
    const history = await tb.services.people.history(person.id);
    expect(history.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["person.created", "person.disclosure_submitted", "person.providers_screened"]),
    );
  });

  it("the yearly reminder opens due tasks and e-mails people; overdue declarations flag reviews", async () => {
    const party = await tb.party({ kind: "person", names: [{ name: "伊藤 三郎" }] });
    const owner = await tb.user(["applicant"], "ito3");
    const person = await tb.services.people.create(sec, {
      partyId: party.id,
      category: "staff",
      userId: owner.id!,
    });
    expect(person.disclosureDueOn).toBe("2026-05-01");
    now = new Date("2026-04-20T09:00:00Z");
    const sent = await tb.services.people.sendDueReminders(sec);
    expect(sent.reminded).toBeGreaterThan(0);
    const mine = await tb.services.tasks.listMine(owner);
    expect(mine.map((t) => t.kind)).toContain("people.disclosure_due");
    // Running it again does not duplicate the task.
    await tb.services.people.sendDueReminders(sec);
    expect(
      (await tb.services.tasks.listMine(owner)).filter((t) => t.kind === "people.disclosure_due"),
    ).toHaveLength(1);
    await tb.services.mailSender.sendPending();
    expect(
      sink.received.some(
        (m) => m.to.includes("ito3@univ.example") && m.subject.includes("研究インテグリティ申告"),
      ),
    ).toBe(true);

    now = new Date("2026-06-01T09:00:00Z");
    const p = await tb.services.people.get(owner, person.id);
    expect(p.flags.map((f) => f.id)).toContain("P-DECLARATION-OVERDUE");
    const review = await tb.services.reviews.create(
      owner,
      "overseas_trip",
      completeForm("overseas_trip", [{ partyId: party.id, role: "host" }]),
    );
    expect(review.assessment.flags.map((f) => f.id)).toContain("P-DECLARATION-OVERDUE");
  });

  it("residency follows the 6-month rule and a change asks for a new 特定類型 declaration", async () => {
    now = new Date("2026-04-01T09:00:00Z");
    const party = await tb.party({ kind: "person", names: [{ name: "Visiting Researcher" }] });
    const user = await tb.user(["applicant"]);
    const person = await tb.services.people.create(sec, {
      partyId: party.id,
      category: "visitor",
      userId: user.id!,
    });
    let p = await tb.services.people.recordResidency(
      sec,
      person.id,
      {
        kind: "arrived_in_japan",
        date: "2026-03-01",
        employedInJapan: false,
        personType: "foreign_national",
      },
      null,
    );
    expect(p.residency[0]).toMatchObject({ status: "non_resident", effectiveFrom: "2026-03-01" });
    expect(
      (await tb.services.tasks.listMine(sec)).some(
        (t) => t.kind === "people.residency_recheck" && t.entityId === person.id,
      ),
    ).toBe(true);
    now = new Date("2026-09-02T09:00:00Z");
    p = await tb.services.people.recordResidency(
      sec,
      person.id,
      {
        kind: "arrived_in_japan",
        date: "2026-03-01",
        employedInJapan: false,
        personType: "foreign_national",
      },
      "6か月経過",
    );
    expect(p.residency[0]).toMatchObject({ status: "resident", effectiveFrom: "2026-09-01" });
    expect((await tb.services.tasks.listMine(user)).some((t) => t.kind === "people.declaration_update")).toBe(
      true,
    );
    expect(
      (
        await refusal(
          tb.services.people.recordResidency(user, person.id, { kind: "long_term_in_japan" }, null),
        )
      ).status,
    ).toBe(403);
    const bad = await refusal(
      tb.services.people.recordResidency(
        sec,
        person.id,
        { kind: "arrived_in_japan", date: "2026-02-31", employedInJapan: false },
        null,
      ),
    );
    expect(bad.fields!.map((f) => f.path)).toEqual(["date", "personType"]);
  });
});
