import { describe, expect, it } from "vitest";
import { QUESTIONS as APPROACH_QUESTIONS, assessApproach } from "../approaches/approach-risk-engine.js";
import { summariseTokutei, type TokuteiForm } from "../people/people-engine.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import { validateClassification } from "./classification-engine.js";
import { type ChecklistKey, TRANSACTION_CHECKLISTS } from "./control-lists.js";
import {
  ACTIVITY_TYPES,
  type ActivityType,
  type Answers,
  type ApplicationForm,
  allQuestionnaires,
  plainAnswersFor,
  precheckSignals,
  questionnaireFor,
  validateApplication,
} from "./questionnaire-engine.js";
import { assessRisk, type RiskInput, routeReview, type TransactionCheck } from "./risk-engine.js";

/** Counterparties a form of this type needs (the visitor, plus the roles a type requires). */
const partiesFor = (type?: ActivityType) => [
  { partyId: "00000000-0000-4000-8000-000000000001", role: "visitor" },
  ...(type ? (questionnaireFor(type).requiredRoles ?? []) : []).map((role, i) => ({
    partyId: `00000000-0000-4000-8000-00000000001${i}`,
    role,
  })),
];
/** The track a type takes when nothing is of concern. */
const plainTrack = (type: ActivityType) => (questionnaireFor(type).alwaysFullReview ? "full" : "simple");

const complete = (answers: ApplicationForm["answers"] = {}, type?: ActivityType): ApplicationForm => ({
  title: "客員研究員の受入れ",
  details: {
    topic: "固体電池材料",
    dataInvolved: "",
    startDate: "2026-04-01",
    endDate: "2026-09-30",
    purpose: "共同研究",
  },
  answers,
  notes: {},
  counterparties: partiesFor(type),
});

/** Answers "no" / the first option / a plausible value to every question of a type. */
function plainAnswers(type: (typeof ACTIVITY_TYPES)[number]) {
  const q = allQuestionnaires().find((x) => x.type === type)!;
  return Object.fromEntries(
    q.questions.map((x) => [
      x.id,
      x.kind === "yesno"
        ? false
        : x.kind === "select"
          ? x.options![0]!.value
          : x.kind === "number"
            ? 10
            : "text",
    ]),
  );
}

describe("事前確認 questionnaires", () => {
  it("there is one questionnaire per activity type, every question in both languages", () => {
    const qs = allQuestionnaires();
    expect(qs.map((q) => q.type)).toEqual([...ACTIVITY_TYPES]);
    for (const q of qs) {
      expect(q.label.ja && q.label.en).toBeTruthy();
      const ids = new Set<string>();
      for (const question of q.questions) {
        expect(ids.has(question.id), `${q.type}.${question.id} duplicated`).toBe(false);
        ids.add(question.id);
        expect(question.label.ja.length, `${q.type}.${question.id}`).toBeGreaterThan(2);
        expect(question.label.en.length, `${q.type}.${question.id}`).toBeGreaterThan(2);
        expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(question.label.ja), `${question.id} ja`).toBe(true);
      }
    }
  });

  it("a complete form passes for every type; answering no everywhere needs no full review", () => {
    for (const type of ACTIVITY_TYPES) {
      const answers = plainAnswers(type);
      expect(validateApplication(type, complete(answers, type)), type).toEqual([]);
    }
    expect(precheckSignals("acceptance", plainAnswers("acceptance"), {})).toEqual([]);
  });

  it("an incomplete form is refused with every field named in both languages", () => {
    const form = complete({});
    form.title = " ";
    form.details.startDate = "2026-13-40";
    form.counterparties = [];
    const problems = validateApplication("acceptance", form);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "title",
        "details.startDate",
        "counterparties",
        "answers.acceptance_kind",
        "answers.lab_access",
        "answers.flag_R-MILITARY",
      ]),
    );
    for (const p of problems) {
      expect(p.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(p.message.en).toMatch(/[A-Za-z]/);
    }
  });

  it("a yes to a red-flag question needs the evidence; the end date may not precede the start", () => {
    const answers = { ...plainAnswers("acceptance"), "flag_R-MILITARY": true };
    const form = complete(answers);
    form.details.endDate = "2026-01-01";
    const paths = validateApplication("acceptance", form).map((p) => p.path);
    expect(paths).toEqual(["details.endDate", "notes.flag_R-MILITARY"]);
  });

  it("answers that call for a full review are reported with their reason", () => {
    const answers = {
      ...plainAnswers("technology_provision"),
      recipient_residency: "non_resident",
      controlled_tech: true,
    };
    const signals = precheckSignals("technology_provision", answers, {});
    expect(signals.map((s) => s.questionId)).toEqual(["recipient_residency", "controlled_tech"]);
    expect(signals[0]!.reason.ja).toContain("非居住者");
    expect(signals[1]!.flag).toBe("R-SENSITIVE-TOPIC");
  });
});

describe("該非判定 validation", () => {
  it("a listed item needs regime, item 1–15 and sub-item; every record needs a rationale", () => {
    expect(validateClassification({ listStatus: "listed", rationale: "short" }).map((p) => p.path)).toEqual([
      "regime",
      "item",
      "subItem",
      "rationale",
    ]);
    expect(
      validateClassification({
        listStatus: "listed",
        regime: "fx_order",
        item: "16",
        subItem: "(1)",
        rationale: "パラメータシートで確認した",
      }).map((p) => p.path),
    ).toEqual(["item"]);
    expect(
      validateClassification({
        listStatus: "listed",
        regime: "fx_order",
        item: "3-2",
        subItem: "(1)",
        rationale: "パラメータシートで確認した",
      }),
    ).toEqual([]);
    expect(validateClassification({}).map((p) => p.path)).toEqual(["listStatus"]);
  });

  it("a non-listed item needs its 16の項 category; exceptions come in addition, with their facts", () => {
    expect(
      validateClassification({
        listStatus: "not_listed",
        regime: "fx_order",
        rationale: "公知の技術のみを用いる",
      }).map((p) => p.path),
    ).toEqual(["catchAllCategory"]);
    expect(
      validateClassification({
        listStatus: "listed",
        regime: "fx_order",
        item: "5",
        subItem: "(2)",
        exceptions: [{ code: "basic_research", use: null, basis: "" }],
        rationale: "パラメータシートで確認した",
      }).map((p) => p.path),
    ).toEqual(["exceptions.0.basis"]);
    expect(
      validateClassification({
        listStatus: "not_listed",
        regime: "export_order",
        catchAllCategory: "16-2",
        exceptions: [{ code: "public_domain", use: "published", basis: "カタログで公開済み" }],
        rationale: "パラメータシートで確認した",
      }).map((p) => p.path),
    ).toEqual(["exceptions"]);
    expect(
      validateClassification({
        listStatus: "not_listed",
        regime: "fx_order",
        catchAllCategory: "16-2",
        exceptions: [{ code: "public_domain", use: "thesis", basis: "学位論文として公表" }],
        rationale: "パラメータシートで確認した",
      }).map((p) => p.path),
    ).toEqual(["exceptions.0.use"]);
  });
});

/**
 * Wording that reads backwards as a yes/no question: negative forms (「…求められていませんか」 —
 * does はい mean "yes, they asked" or "yes, they did not"?) and questions whose はい is the safe answer
 * (「…明確ですか」, 「…最新ですか」). Every form in the product asks so that はい / yes is the risky answer.
 */
const BACKWARDS_JA = /ませんか|ないですか|ないか[？?]?$|(明確|最新|適切|十分|問題ない|妥当)ですか/;
const BACKWARDS_EN =
  /^(Isn't|Aren't|Doesn't|Don't|Hasn't|Haven't|Didn't|Wasn't|Weren't)\b|\b(clear|up to date|adequate|appropriate)\??$|\bclear\b.*\?$/i;

/** A review's risk and routing as the service computes them, from the 事前確認 answers alone. */
function assess(type: ActivityType, answers: Answers, notes: Record<string, string> = {}) {
  const input: RiskInput = {
    activityType: type,
    classification: null,
    topicTags: { jp: [], us: [] },
    precheck: precheckSignals(type, answers, notes),
    counterparties: [],
    applicant: null,
    transactionCheck: null,
  };
  const risk = assessRisk(input);
  return { signals: input.precheck, risk, routing: routeReview(input, risk) };
}

describe("questionnaires cannot be answered backwards (issue 14 §3)", () => {
  it("every yes/no question of every 事前確認 declares its risky answer, and only はい can be risky", () => {
    for (const q of allQuestionnaires()) {
      for (const question of q.questions.filter((x) => x.kind === "yesno")) {
        const where = `${q.type}.${question.id}`;
        expect(question.riskyAnswer, where).not.toBeUndefined();
        const raises = Boolean(question.flag || question.fullReviewIfYes);
        expect(question.riskyAnswer === "yes", `${where}: risky answer vs. what it raises`).toBe(raises);
      }
    }
  });

  it("no question anywhere is worded in a negative or safe-when-yes form (ja and en)", () => {
    const texts: { where: string; ja: string; en: string }[] = [
      ...allQuestionnaires().flatMap((q) =>
        q.questions
          .filter((x) => x.kind === "yesno")
          .map((x) => ({ where: `${q.type}.${x.id}`, ...x.label })),
      ),
      ...APPROACH_QUESTIONS.map((x) => ({ where: `approach.${x.flagId}`, ...x.question })),
      ...RED_FLAGS.map((f) => ({ where: `red-flag.${f.id}`, ...f.question })),
    ];
    for (const t of texts) {
      expect(BACKWARDS_JA.test(t.ja), `${t.where} ja: ${t.ja}`).toBe(false);
      expect(BACKWARDS_EN.test(t.en), `${t.where} en: ${t.en}`).toBe(false);
    }
    // The wording check itself catches the defects found in use.
    expect(BACKWARDS_JA.test("資金の出所・最終的な資金提供者は明確ですか")).toBe(true);
    expect(BACKWARDS_JA.test("計画の範囲を超える施設・データ・人へのアクセスを求められていませんか")).toBe(
      true,
    );
    expect(BACKWARDS_EN.test("Is the source and ultimate provider of the funding clear?")).toBe(true);
  });

  it("walks every 事前確認 question: the safe answer raises nothing, the risky one raises its flag", () => {
    for (const type of ACTIVITY_TYPES) {
      const safe = plainAnswersFor(type);
      const baseline = assess(type, safe);
      expect(baseline.signals, type).toEqual([]);
      expect(baseline.risk.flags, type).toEqual([]);
      expect(baseline.routing.track, type).toBe(plainTrack(type));
      expect(validateApplication(type, complete(safe, type)), type).toEqual([]);

      for (const q of questionnaireFor(type).questions) {
        const where = `${type}.${q.id}`;
        if (q.kind === "yesno") {
          const no = assess(type, { ...safe, [q.id]: false });
          expect(no.signals, `${where} = いいえ`).toEqual([]);
          expect(no.routing.track, `${where} = いいえ`).toBe(plainTrack(type));
          const yes = assess(type, { ...safe, [q.id]: true }, { [q.id]: "確認した事実" });
          if (q.riskyAnswer !== "yes") {
            expect(yes.signals, `${where} records a fact: はい raises nothing`).toEqual([]);
            expect(yes.routing.track, where).toBe(plainTrack(type));
            continue;
          }
          expect(
            yes.signals.map((s) => s.questionId),
            `${where} = はい`,
          ).toEqual([q.id]);
          expect(yes.routing.track, `${where} = はい`).toBe("full");
          if (q.flag) {
            expect(yes.signals[0]!.flag, where).toBe(q.flag);
            expect(
              yes.risk.flags.map((f) => f.id),
              where,
            ).toContain(q.flag);
            // The risky answer needs its evidence; the safe one does not.
            const noEvidence = validateApplication(type, complete({ ...safe, [q.id]: true }, type));
            expect(
              noEvidence.map((p) => p.path),
              where,
            ).toEqual([`notes.${q.id}`]);
          }
        } else if (q.kind === "select") {
          const risky = new Set(q.fullReviewIfValue ?? []);
          expect(
            q.options!.some((o) => !risky.has(o.value)),
            `${where} has a safe option`,
          ).toBe(true);
          for (const o of q.options!) {
            const r = assess(type, { ...safe, [q.id]: o.value });
            expect(r.routing.track, `${where} = ${o.value}`).toBe(
              risky.has(o.value) ? "full" : plainTrack(type),
            );
          }
        }
      }
    }
  });

  it("「資金の出所…」: はい (something is unclear) raises R-UNCLEAR-FUNDING; いいえ raises nothing", () => {
    const q = questionnaireFor("donation_grant").questions.find((x) => x.flag === "R-UNCLEAR-FUNDING")!;
    expect(q.label.ja).toMatch(/不明/);
    expect(q.label.en).toMatch(/unknown|unexplained/);
    const safe = plainAnswersFor("donation_grant");
    expect(assess("donation_grant", { ...safe, [q.id]: false }).risk.flags).toEqual([]);
    expect(
      assess(
        "donation_grant",
        { ...safe, [q.id]: true },
        { [q.id]: "最終的な出資者が開示されない" },
      ).risk.flags.map((f) => f.id),
    ).toEqual(["R-UNCLEAR-FUNDING"]);
  });

  it("walks the approach-report questionnaire A1–A12: いいえ raises nothing, はい fires the flag", () => {
    expect(APPROACH_QUESTIONS.map((q) => q.flagId)).toEqual(
      Array.from({ length: 12 }, (_, i) => `A${i + 1}`),
    );
    const facts = (answers: Record<string, "yes" | "no" | "unsure">) =>
      assessApproach({ channel: "other", offered: [], asked: [], answers });
    const allNo = facts(Object.fromEntries(APPROACH_QUESTIONS.map((q) => [q.flagId, "no"])));
    expect(allNo.firedFlags).toEqual([]);
    expect(allNo.score).toBe(0);
    expect(allNo.level).toBe("low");
    for (const q of APPROACH_QUESTIONS) {
      expect(q.riskyAnswer, q.flagId).toBe("yes");
      const no = facts({ [q.flagId]: "no" });
      expect(no.firedFlags, q.flagId).toEqual([]);
      expect(no.possibleFlags, q.flagId).toEqual([]);
      expect(no.score, q.flagId).toBe(0);
      const yes = facts({ [q.flagId]: "yes" });
      expect(yes.firedFlags, q.flagId).toEqual([q.flagId]);
      expect(yes.score, q.flagId).toBe(q.weight);
      expect(facts({ [q.flagId]: "unsure" }).possibleFlags, q.flagId).toEqual([q.flagId]);
    }
  });

  it("walks the 取引審査 checklists: 非該当 everywhere raises nothing, each concern raises its flag", () => {
    const keys = Object.keys(TRANSACTION_CHECKLISTS) as ChecklistKey[];
    const blank = (): TransactionCheck => ({
      endUse: {},
      akiraka: {},
      endUser: {},
      notes: {},
      conclusion: "",
    });
    const clean = blank();
    for (const k of keys) for (const item of TRANSACTION_CHECKLISTS[k]) clean[k][item.id] = false;
    const input = (transactionCheck: TransactionCheck): RiskInput => ({
      activityType: "goods_export",
      classification: null,
      topicTags: { jp: [], us: [] },
      precheck: [],
      counterparties: [],
      applicant: null,
      transactionCheck,
    });
    expect(assessRisk(input(clean)).flags).toEqual([]);
    for (const k of keys) {
      for (const item of TRANSACTION_CHECKLISTS[k]) {
        const check = { ...clean, [k]: { ...clean[k], [item.id]: true } };
        const r = assessRisk(input(check));
        expect(
          r.flags.map((f) => f.id),
          `${k}.${item.id}`,
        ).toEqual([item.flag]);
        expect(r.level, `${k}.${item.id}`).not.toBe("low");
      }
    }
  });

  it("walks the 特定類型 declaration: 該当しない raises no type, each 該当する its type", () => {
    const form = (over: Partial<TokuteiForm> = {}): TokuteiForm => ({
      declaredOn: "2026-04-01",
      type1: { applies: false, counterparty: "", detail: "" },
      type2: { fiscalYear: "2025", foreignIncomeJpy: 0, totalIncomeJpy: 6_000_000, sources: "" },
      type3: { applies: false, detail: "" },
      evidence: "",
      nextReviewOn: null,
      pledge: true,
      ...over,
    });
    expect(summariseTokutei(form()).types).toEqual([]);
    expect(
      summariseTokutei(form({ type1: { applies: true, counterparty: "X", detail: "d" } })).types,
    ).toEqual(["1"]);
    expect(summariseTokutei(form({ type3: { applies: true, detail: "d" } })).types).toEqual(["3"]);
  });
});
