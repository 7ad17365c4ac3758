import { describe, expect, it } from "vitest";
import { validateClassification } from "./classification-engine.js";
import {
  ACTIVITY_TYPES,
  type ApplicationForm,
  allQuestionnaires,
  precheckSignals,
  validateApplication,
} from "./questionnaire-engine.js";

const complete = (answers: ApplicationForm["answers"] = {}): ApplicationForm => ({
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
  counterparties: [{ partyId: "00000000-0000-4000-8000-000000000001", role: "visitor" }],
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
      expect(validateApplication(type, complete(answers)), type).toEqual([]);
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
