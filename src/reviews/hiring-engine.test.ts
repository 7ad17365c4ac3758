import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RED_FLAGS, redFlag } from "../shared/red-flags.js";
import {
  assessHiring,
  type CheckOutcome,
  conditionItems,
  type HiringFacts,
  IDENTITY_CHECKS,
  type IdentityCheckRecord,
  yearlyRecheckDue,
} from "./hiring-engine.js";
import { validateApplication } from "./questionnaire-engine.js";
import { assessRisk, type RiskInput, routeReview } from "./risk-engine.js";

const rec = (checkId: string, outcome: CheckOutcome): IdentityCheckRecord => ({
  checkId,
  outcome,
  evidence: `evidence for ${checkId}`,
  checkedBy: "sato",
  checkedAt: "2026-12-01T10:00:00.000Z",
});

/** Every check recorded clear, except the listed ones found as signs. */
const checks = (signs: string[] = [], skip: string[] = []): IdentityCheckRecord[] =>
  IDENTITY_CHECKS.filter((c) => !skip.includes(c.id)).map((c) =>
    rec(c.id, signs.includes(c.id) ? "sign" : "clear"),
  );

const facts = (over: Partial<HiringFacts> = {}): HiringFacts => ({
  workMode: "onsite",
  sensitiveAccess: false,
  countryOfResidence: "日本",
  checks: checks(),
  ...over,
});

describe("hiring risk rules (table)", () => {
  const table: { name: string; facts: HiringFacts; level: "low" | "medium" | "high"; flags: string[] }[] = [
    { name: "all checks clear, on site", facts: facts(), level: "low", flags: [] },
    {
      name: "all clear, remote with sensitive access",
      facts: facts({ workMode: "remote", sensitiveAccess: true }),
      level: "medium",
      flags: [],
    },
    {
      name: "all clear, hybrid with sensitive access",
      facts: facts({ workMode: "hybrid", sensitiveAccess: true }),
      level: "medium",
      flags: [],
    },
    {
      name: "all clear, remote without sensitive access",
      facts: facts({ workMode: "remote", sensitiveAccess: false }),
      level: "low",
      flags: [],
    },
    {
      name: "payee in another name (decisive)",
      facts: facts({ checks: checks(["payee_name"]) }),
      level: "high",
      flags: ["H-PAYEE-MISMATCH"],
    },
    {
      name: "laptop to another address",
      facts: facts({ checks: checks(["laptop_address"]) }),
      level: "high",
      flags: ["H-LAPTOP-ADDRESS"],
    },
    {
      name: "crypto payment requested",
      facts: facts({ checks: checks(["payment_method"]) }),
      level: "high",
      flags: ["H-CRYPTO-PAYMENT"],
    },
    {
      name: "refuses to meet or turn the camera on",
      facts: facts({ checks: checks(["meeting_willingness"]) }),
      level: "high",
      flags: ["H-AVOIDS-MEETING"],
    },
    {
      name: "one medium sign: no live video",
      facts: facts({ checks: checks(["live_video_id"]) }),
      level: "medium",
      flags: ["H-NO-LIVE-VIDEO"],
    },
    {
      name: "one medium sign: unnatural Japanese",
      facts: facts({ checks: checks(["language_consistency"]) }),
      level: "medium",
      flags: ["H-UNNATURAL-JAPANESE"],
    },
    {
      name: "two medium signs combine to high",
      facts: facts({ checks: checks(["identity_consistency", "language_consistency"]) }),
      level: "high",
      flags: ["H-IDENTITY-INCONSISTENT", "H-UNNATURAL-JAPANESE"],
    },
    {
      name: "nothing recorded yet: low, but every check missing",
      facts: facts({ checks: [] }),
      level: "low",
      flags: [],
    },
  ];
  for (const row of table)
    it(row.name, () => {
      const a = assessHiring(row.facts);
      expect(a.level).toBe(row.level);
      expect(a.flags.map((f) => f.id)).toEqual(row.flags);
      expect(a.reasons.length).toBeGreaterThan(0);
    });

  it("reports unrecorded checks as missing, in checklist order", () => {
    const a = assessHiring(facts({ checks: checks([], ["payee_name", "live_video_id"]) }));
    expect(a.missing).toEqual(["live_video_id", "payee_name"]);
    expect(a.reasons.map((r) => r.en).join(" ")).toContain("not yet recorded: 2");
  });

  it("carries the checker's evidence, name and date into every flag", () => {
    const a = assessHiring(facts({ checks: checks(["payee_name"]) }));
    expect(a.flags[0]!.evidence.ja).toContain("evidence for payee_name");
    expect(a.flags[0]!.evidence.ja).toContain("sato");
    expect(a.flags[0]!.evidence.en).toContain("2026-12-01");
    expect(a.flags[0]!.decisive).toBe(true);
  });

  it("never reads the country of residence (property)", () => {
    const outcome = fc.constantFrom<CheckOutcome>("clear", "sign");
    fc.assert(
      fc.property(
        fc.array(outcome, { minLength: IDENTITY_CHECKS.length, maxLength: IDENTITY_CHECKS.length }),
        fc.constantFrom("remote", "hybrid", "onsite", null),
        fc.boolean(),
        fc.string(),
        fc.string(),
        (outcomes, workMode, sensitiveAccess, countryA, countryB) => {
          const cs = IDENTITY_CHECKS.map((c, i) => rec(c.id, outcomes[i]!));
          const a = assessHiring({ workMode, sensitiveAccess, countryOfResidence: countryA, checks: cs });
          const b = assessHiring({ workMode, sensitiveAccess, countryOfResidence: countryB, checks: cs });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it("a sign never lowers the level (property)", () => {
    const order = { low: 0, medium: 1, high: 2 };
    fc.assert(
      fc.property(
        fc.subarray(IDENTITY_CHECKS.map((c) => c.id)),
        fc.constantFrom(...IDENTITY_CHECKS.map((c) => c.id)),
        (signs, extra) => {
          const before = assessHiring(facts({ checks: checks(signs) })).level;
          const after = assessHiring(facts({ checks: checks([...signs, extra]) })).level;
          expect(order[after]).toBeGreaterThanOrEqual(order[before]);
        },
      ),
    );
  });
});

describe("hiring red flags", () => {
  it("every check raises a catalogued flag citing the Japanese advisory and the FBI PSA", () => {
    for (const c of IDENTITY_CHECKS) {
      const f = redFlag(c.flag);
      expect(f, c.flag).toBeDefined();
      expect(f!.source).toContain("2024年3月26日");
      expect(f!.source).toContain("FBI");
      expect(f!.question.ja).toMatch(/[ぁ-ん]/);
      expect(f!.question.en.length).toBeGreaterThan(10);
    }
    expect(new Set(RED_FLAGS.map((f) => f.id)).size).toBe(RED_FLAGS.length);
  });
});

describe("hiring inside the review risk engine", () => {
  const base: RiskInput = {
    activityType: "hiring_contracting",
    classification: null,
    topicTags: { jp: [], us: [] },
    precheck: [],
    counterparties: [],
    applicant: null,
    transactionCheck: null,
    hiring: facts(),
  };

  it("always routes hiring to the full review, even when clean", () => {
    const risk = assessRisk(base);
    expect(risk.level).toBe("low");
    expect(routeReview(base, risk).track).toBe("full");
  });

  it("a payee mismatch makes the whole review high with the H- flag and its source", () => {
    const input = { ...base, hiring: facts({ checks: checks(["payee_name"]) }) };
    const risk = assessRisk(input);
    expect(risk.level).toBe("high");
    const flag = risk.flags.find((f) => f.id === "H-PAYEE-MISMATCH")!;
    expect(flag.source).toContain("FBI");
    expect(flag.decisive).toBe(true);
  });

  it("remote work with sensitive access lifts a clean hire to medium with the reason", () => {
    const risk = assessRisk({ ...base, hiring: facts({ workMode: "remote", sensitiveAccess: true }) });
    expect(risk.level).toBe("medium");
    expect(risk.reasons.map((r) => r.en).join(" ")).toContain("remote work with access to sensitive");
  });

  it("a confirmed sanctions hit on the intermediary is high whatever the checks say", () => {
    const risk = assessRisk({
      ...base,
      counterparties: [
        {
          counterpartyId: "c1",
          partyId: "p1",
          name: "Front Co",
          role: "intermediary",
          attributes: {},
          person: null,
          screening: {
            runId: "r1",
            screenedAt: "2026-12-01T00:00:00Z",
            hits: [
              {
                source: "ofac_sdn",
                entityId: "e1",
                name: "FRONT CO",
                score: 0.97,
                match: true,
                programs: ["DPRK3"],
                decision: "true_match",
              },
            ],
          },
        },
      ],
    });
    expect(risk.level).toBe("high");
    expect(risk.flags.map((f) => f.id)).toContain("R-LIST-HIT");
  });
});

describe("hiring application form", () => {
  it("needs the contractor and the payee as counterparties", () => {
    const problems = validateApplication("hiring_contracting", {
      title: "x",
      details: { topic: "t", dataInvolved: "", startDate: "2026-12-01", endDate: null, purpose: "p" },
      answers: {},
      notes: {},
      counterparties: [{ partyId: "p1", role: "intermediary" }],
    });
    const texts = problems.filter((p) => p.path === "counterparties").map((p) => p.message.en);
    expect(texts).toHaveLength(2);
    expect(texts.join(" ")).toContain("payee");
  });
});

describe("conditions and re-checks", () => {
  it("turns each line of the conditions into one item, dropping bullets and blanks", () => {
    expect(
      conditionItems("・初回支払前に2回目のビデオ面接\n\n- access limited to project X\n1) 端末は貸与品のみ"),
    ).toEqual(["初回支払前に2回目のビデオ面接", "access limited to project X", "端末は貸与品のみ"]);
    expect(conditionItems(null)).toEqual([]);
  });
  it("schedules the yearly re-check one year after the decision", () => {
    expect(yearlyRecheckDue(new Date("2026-12-06T12:00:00Z")).toISOString()).toBe("2027-12-06T12:00:00.000Z");
  });
});
