import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RED_FLAGS } from "../shared/red-flags.js";
import {
  type Answer,
  APPROACH_CHANNELS,
  type ApproachFacts,
  ASK_KINDS,
  assessApproach,
  OFFER_KINDS,
  QUESTIONS,
} from "./approach-risk-engine.js";

const none: ApproachFacts = { channel: "email", offered: [], asked: [], answers: {} };

describe("questionnaire", () => {
  it("asks exactly the approach flags A1–A12 of the shared catalogue, in order", () => {
    const catalogue = RED_FLAGS.filter((f) => f.module === "approaches").map((f) => f.id);
    expect(QUESTIONS.map((q) => q.flagId)).toEqual(catalogue);
    expect(catalogue).toEqual(Array.from({ length: 12 }, (_, i) => `A${i + 1}`));
  });

  it("words every question, example and reason in both languages", () => {
    for (const q of QUESTIONS) {
      for (const text of [q.question, q.example, q.reason]) {
        expect(text.ja.length, q.flagId).toBeGreaterThan(3);
        expect(text.en.length, q.flagId).toBeGreaterThan(3);
        expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(text.ja), `${q.flagId} ja is Japanese`).toBe(true);
      }
    }
  });

  it("words A12 as an intermediary's behaviour and says nationality is never a factor", () => {
    const a12 = QUESTIONS.find((q) => q.flagId === "A12")!;
    expect(a12.question.ja).toContain("仲介者");
    expect(a12.question.en).toContain("intermediary");
    expect(a12.question.ja).toContain("国籍や出身は判断材料にしません");
    expect(a12.question.en).toContain("nobody's nationality or origin is a factor");
    // Nothing anywhere in the questionnaire or its advice makes origin a criterion.
    const forbidden = /compatriot|same nationality|same country|ethnic|同胞|同国人|同じ国籍|民族|出身国/i;
    const texts = QUESTIONS.flatMap((q) => [q.question, q.example, q.reason]);
    const allAdvice = assessApproach({
      channel: "in_person",
      offered: [...OFFER_KINDS],
      asked: [...ASK_KINDS],
      answers: Object.fromEntries(QUESTIONS.map((q) => [q.flagId, "yes" as const])),
    });
    for (const t of [
      ...texts,
      ...allAdvice.advice,
      allAdvice.summary,
      ...allAdvice.reasons.map((r) => r.text),
    ]) {
      expect(t.ja).not.toMatch(forbidden);
      expect(t.en).not.toMatch(forbidden);
      // "nationality" / 国籍 may only appear in the sentence that rules it out.
      expect(t.en.replace("nobody's nationality or origin is a factor", "")).not.toMatch(/nationality/i);
      expect(t.ja.replace("国籍や出身は判断材料にしません", "")).not.toContain("国籍");
    }
  });
});

describe("risk rules", () => {
  it("is low with no warning signs", () => {
    const r = assessApproach(none);
    expect(r.level).toBe("low");
    expect(r.score).toBe(0);
    expect(r.reasons).toEqual([]);
    expect(r.advice.length).toBeGreaterThan(0);
  });

  it("makes a decisive yes high on its own, with its reason", () => {
    for (const id of ["A3", "A4", "A9", "A10"]) {
      const r = assessApproach({ ...none, answers: { [id]: "yes" } });
      expect(r.level, id).toBe("high");
      expect(r.firedFlags).toEqual([id]);
      expect(r.reasons[0]!.id).toBe(id);
    }
  });

  it("counts unsure as half and never lets an unsure decisive answer alone make it high", () => {
    const r = assessApproach({ ...none, answers: { A3: "unsure" } });
    expect(r.score).toBe(2);
    expect(r.level).toBe("low");
    expect(r.possibleFlags).toEqual(["A3"]);
    expect(r.reasons[0]!.text.en).toContain("possibly");
  });

  it("adds up non-decisive signs into medium and high", () => {
    expect(assessApproach({ ...none, answers: { A1: "yes", A6: "yes" } }).level).toBe("medium");
    expect(assessApproach({ ...none, answers: { A1: "yes", A5: "yes", A6: "yes", A7: "yes" } }).level).toBe(
      "high",
    );
  });

  it("rates the LinkedIn 'technical adviser' pattern high and explains why", () => {
    const r = assessApproach({
      channel: "professional_network",
      offered: ["adviser_role", "fee", "travel"],
      asked: ["information"],
      answers: { A1: "yes", A2: "yes", A5: "yes", A6: "yes", A7: "yes", A11: "no" },
    });
    expect(r.level).toBe("high");
    expect(r.firedFlags).toEqual(["A1", "A2", "A5", "A6", "A7"]);
    expect(r.reasons.map((x) => x.id)).toContain("RULE-REWARD-FOR-INFORMATION");
    expect(r.advice.some((a) => a.en.includes("personal e-mail"))).toBe(true);
    expect(r.advice.some((a) => a.en.includes("invitation"))).toBe(true);
  });

  it("scores a paid expert-interview request without double counting A3", () => {
    const viaPlatform = assessApproach({
      channel: "expert_interview",
      offered: ["fee"],
      asked: ["information"],
      answers: {},
    });
    expect(viaPlatform.reasons.map((r) => r.id)).toEqual([
      "RULE-EXPERT-INTERVIEW",
      "RULE-REWARD-FOR-INFORMATION",
    ]);
    const withA3 = assessApproach({
      channel: "expert_interview",
      offered: ["fee"],
      asked: ["information"],
      answers: { A3: "yes" },
    });
    expect(withA3.reasons.map((r) => r.id)).not.toContain("RULE-EXPERT-INTERVIEW");
  });

  it("tells someone who was threatened to call the police", () => {
    const r = assessApproach({ ...none, answers: { A9: "yes" } });
    expect(r.advice.some((a) => a.ja.includes("110"))).toBe(true);
  });

  const factsArb = fc.record({
    channel: fc.constantFrom(...APPROACH_CHANNELS),
    offered: fc.subarray([...OFFER_KINDS]),
    asked: fc.subarray([...ASK_KINDS]),
    answers: fc.dictionary(
      fc.constantFrom(...QUESTIONS.map((q) => q.flagId)),
      fc.constantFrom<Answer>("yes", "no", "unsure"),
    ),
  });

  it("never changes with anyone's nationality, country or ethnicity (property)", () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.record({
          nationality: fc.string(),
          senderCountry: fc.constantFrom("CN", "RU", "KP", "JP", "US", "IR"),
          ethnicity: fc.string(),
          intermediaryNationality: fc.constantFrom("CN", "JP", "KR"),
        }),
        (facts, origin) => {
          const withOrigin = { ...facts, ...origin, sender: { country: origin.senderCountry } };
          expect(assessApproach(withOrigin as ApproachFacts)).toEqual(assessApproach(facts));
        },
      ),
    );
  });

  it("is monotone: answering one more question yes never lowers the level (property)", () => {
    const rank = { low: 0, medium: 1, high: 2 } as const;
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...QUESTIONS.map((q) => q.flagId)), (facts, flag) => {
        const before = assessApproach(facts);
        const after = assessApproach({ ...facts, answers: { ...facts.answers, [flag]: "yes" } });
        expect(rank[after.level]).toBeGreaterThanOrEqual(rank[before.level]);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });

  it("always gives every reason in both languages and keeps reasons sorted by weight (property)", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const r = assessApproach(facts);
        expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.points, 0));
        for (let i = 1; i < r.reasons.length; i++) {
          expect(r.reasons[i - 1]!.points).toBeGreaterThanOrEqual(r.reasons[i]!.points);
        }
        for (const x of r.reasons) expect(x.text.ja && x.text.en).toBeTruthy();
      }),
    );
  });
});
