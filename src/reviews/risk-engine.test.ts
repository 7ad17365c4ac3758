import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import type { Classification } from "./classification-engine.js";
import { type PrecheckSignal, precheckSignals } from "./questionnaire-engine.js";
import {
  assessRisk,
  type CounterpartyFact,
  type HitFact,
  type PersonFact,
  type RiskInput,
  routeReview,
} from "./risk-engine.js";

const listed: Classification = {
  listStatus: "listed",
  regime: "fx_order",
  item: "7",
  subItem: "(1)",
  provision: null,
  catchAllCategory: null,
  exceptions: [],
  rationale: "パラメータシートで 7項(1) に該当",
  reference: null,
};

const cleanPerson: PersonFact = {
  personId: "p1",
  tokutei: { active: false, types: [], declaredOn: null },
  declarationOverdue: false,
  disclosureHits: [],
  effortTotal: 80,
  talentProgramme: false,
  residency: "resident",
};

const cp = (over: Partial<CounterpartyFact> = {}): CounterpartyFact => ({
  counterpartyId: "c1",
  partyId: "party1",
  name: "Example University",
  role: "partner",
  country: "JP",
  attributes: {},
  screening: { runId: "r1", screenedAt: "2026-01-01T00:00:00Z", hits: [] },
  person: null,
  ...over,
});

const base = (over: Partial<RiskInput> = {}): RiskInput => ({
  activityType: "joint_research",
  classification: null,
  topicTags: { jp: [], us: [] },
  precheck: [],
  counterparties: [cp()],
  applicant: null,
  transactionCheck: null,
  ...over,
});

const hit = (over: Partial<HitFact>): HitFact => ({
  source: "ofac_sdn",
  name: "X",
  score: 0.95,
  match: true,
  programs: [],
  decision: "true_match",
  ...over,
});

describe("risk assessment", () => {
  it("an unremarkable case is low with a reason saying so", () => {
    const r = assessRisk(base());
    expect(r.level).toBe("low");
    expect(r.flags).toEqual([]);
    expect(r.reasons.map((x) => x.en)).toContain("No concerns found");
  });

  it("topic sensitivity × partner risk follows the matrix", () => {
    // Listed technology, clean partner → medium.
    expect(assessRisk(base({ classification: listed })).level).toBe("medium");
    // Tagged topic (medium) with a state-owned partner (medium) → medium.
    const tagged = base({
      topicTags: { jp: ["jp-09"], us: ["us-16"] },
      counterparties: [cp({ attributes: { stateOwned: true } })],
    });
    expect(assessRisk(tagged).level).toBe("medium");
    // Listed technology with a military-affiliated partner → high.
    expect(
      assessRisk(base({ classification: listed, counterparties: [cp({ attributes: { military: true } })] }))
        .level,
    ).toBe("high");
    // Untagged topic, medium partner → low.
    expect(assessRisk(base({ counterparties: [cp({ attributes: { stateOwned: true } })] })).level).toBe(
      "low",
    );
  });

  it("a confirmed sanctions or End User List hit is decisive whatever the topic", () => {
    for (const source of ["ofac_sdn", "un", "meti_eul", "dod_1260h"]) {
      const r = assessRisk(
        base({
          counterparties: [
            cp({
              screening: {
                runId: "r",
                screenedAt: "t",
                hits: [hit({ source, programs: ["核", "ミサイル"] })],
              },
            }),
          ],
        }),
      );
      expect(r.level, source).toBe("high");
    }
    const eul = assessRisk(
      base({
        counterparties: [
          cp({
            screening: {
              runId: "r",
              screenedAt: "t",
              hits: [hit({ source: "meti_eul", programs: ["核", "ミサイル"] })],
            },
          }),
        ],
      }),
    );
    const flag = eul.flags.find((f) => f.id === "R-EUL")!;
    expect(flag.evidence.ja).toContain("懸念区分: 核, ミサイル");
    expect(flag.source).toContain("外国ユーザーリスト");
    expect(flag.question.ja).toContain("外国ユーザーリスト");
  });

  it("false positives are ignored and open candidates count as medium", () => {
    const fp = assessRisk(
      base({
        counterparties: [
          cp({ screening: { runId: "r", screenedAt: "t", hits: [hit({ decision: "false_positive" })] } }),
        ],
      }),
    );
    expect(fp.flags).toEqual([]);
    const open = assessRisk(
      base({
        counterparties: [cp({ screening: { runId: "r", screenedAt: "t", hits: [hit({ decision: null })] } })],
      }),
    );
    expect(open.flags[0]).toMatchObject({ id: "R-LIST-HIT", severity: "medium", decisive: false });
    expect(open.flags[0]!.evidence.en).toContain("unresolved candidate");
  });

  it("maps lists to their own flags (ASPI category, DoD 1286)", () => {
    const r = assessRisk(
      base({
        counterparties: [
          cp({
            screening: {
              runId: "r",
              screenedAt: "t",
              hits: [
                hit({ source: "aspi", programs: ["Very high risk"] }),
                hit({ source: "dod_1286", programs: [] }),
              ],
            },
          }),
        ],
      }),
    );
    expect(r.flags.map((f) => f.id)).toEqual(["R-ASPI", "R-DOD-1286"]);
    expect(r.flags[0]!.severity).toBe("high");
    expect(r.flags[0]!.evidence.en).toContain("ASPI category: very high");
  });

  it("a technology recipient with an active 特定類型 declaration raises R-TOKUTEI and routes to full review", () => {
    const input = base({
      activityType: "technology_provision",
      counterparties: [
        cp({
          role: "recipient",
          name: "山田 太郎",
          person: { ...cleanPerson, tokutei: { active: true, types: ["2"], declaredOn: "2026-04-01" } },
        }),
      ],
    });
    const r = assessRisk(input);
    expect(r.flags.map((f) => f.id)).toEqual(["R-TOKUTEI"]);
    expect(r.flags[0]!.evidence.ja).toContain("特定類型②");
    const route = routeReview(input, r);
    expect(route.track).toBe("full");
    expect(route.reasons.map((x) => x.ja).join()).toContain("特定類型");
  });

  it("people's declarations feed flags: overdue, list hits on declared funders, effort over 100 %", () => {
    const r = assessRisk(
      base({
        applicant: {
          ...cleanPerson,
          declarationOverdue: true,
          effortTotal: 120,
          disclosureHits: [{ provider: "Sample Talent Fund", source: "dod_1286", confirmed: true }],
        },
      }),
    );
    expect(r.flags.map((f) => f.id).sort()).toEqual([
      "P-DECLARATION-OVERDUE",
      "P-DISCLOSURE-LIST-HIT",
      "P-EFFORT-OVER-100",
    ]);
    expect(r.level).toBe("high");
  });

  it("behaviour answers in the 事前確認 carry the applicant's evidence", () => {
    const answers = { "flag_R-PUBLICATION-BLOCK": true, contract_type: "joint" };
    const signals = precheckSignals("joint_research", answers, {
      "flag_R-PUBLICATION-BLOCK": "契約書第12条で成果公表に相手方の事前承認が必要",
    });
    const r = assessRisk(base({ precheck: signals }));
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]!.id).toBe("R-PUBLICATION-BLOCK");
    expect(r.flags[0]!.evidence.ja).toContain("契約書第12条");
  });

  it("every flag the engine can raise is in the shared catalogue", () => {
    const ids = new Set(RED_FLAGS.map((f) => f.id));
    const r = assessRisk(
      base({
        classification: listed,
        topicTags: { jp: ["jp-03"], us: [] },
        transactionCheck: {
          endUse: { wmd: true, conventional: true, military_site: true, unclear_use: true },
          akiraka: { doc_mentions_wmd: true, refuses_info: true },
          endUser: {
            on_eul: true,
            military_body: true,
            unverifiable: true,
            not_final: true,
            past_concern: true,
          },
          notes: {},
          conclusion: "",
        },
      }),
    );
    for (const f of r.flags) expect(ids.has(f.id), f.id).toBe(true);
  });
});

describe("nationality and ethnicity are never factors", () => {
  const countries = [...COUNTRY_CODES];
  const arbHit = fc.record({
    source: fc.constantFrom("ofac_sdn", "meti_eul", "aspi", "dod_1286", "dod_1260h", "un", "custom:x"),
    name: fc.string({ maxLength: 10 }),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    match: fc.boolean(),
    programs: fc.array(fc.constantFrom("Very high risk", "High risk", "核", "SDGT"), { maxLength: 2 }),
    decision: fc.constantFrom("true_match" as const, "false_positive" as const, null),
  });
  const arbPerson = fc.record({
    personId: fc.constant("p"),
    tokutei: fc.record({
      active: fc.boolean(),
      types: fc.subarray(["1", "2", "3"]),
      declaredOn: fc.constant("2026-01-01"),
    }),
    declarationOverdue: fc.boolean(),
    disclosureHits: fc.array(
      fc.record({
        provider: fc.string({ maxLength: 5 }),
        source: fc.constant("un"),
        confirmed: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    effortTotal: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
    talentProgramme: fc.boolean(),
    residency: fc.constantFrom("resident" as const, "non_resident" as const, null),
  });
  const arbCounterparty = fc.record({
    counterpartyId: fc.uuid(),
    partyId: fc.uuid(),
    name: fc.string({ maxLength: 10 }),
    role: fc.constantFrom("recipient", "partner", "funder", "visitor", "home_institution"),
    country: fc.constantFrom(...countries),
    nationality: fc.constantFrom(...countries),
    attributes: fc.record({ stateOwned: fc.boolean(), military: fc.boolean() }),
    screening: fc.option(
      fc.record({
        runId: fc.constant("r"),
        screenedAt: fc.constant("t"),
        hits: fc.array(arbHit, { maxLength: 3 }),
      }),
      { nil: null },
    ),
    person: fc.option(arbPerson, { nil: null }),
  });
  const arbInput = fc.record({
    activityType: fc.constantFrom("technology_provision", "acceptance", "joint_research"),
    classification: fc.constantFrom(null, listed),
    topicTags: fc.record({ jp: fc.subarray(["jp-01", "jp-09"]), us: fc.subarray(["us-06"]) }),
    precheck: fc.constant([] as PrecheckSignal[]),
    counterparties: fc.array(arbCounterparty, { minLength: 1, maxLength: 3 }),
    applicant: fc.option(arbPerson, { nil: null }),
    transactionCheck: fc.constant(null),
  });

  it("changing only a counterparty's country or a person's nationality never changes the risk or the routing", () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.array(fc.tuple(fc.constantFrom(...countries), fc.constantFrom(...countries)), {
          minLength: 3,
          maxLength: 3,
        }),
        (input, swaps) => {
          const changed: RiskInput = {
            ...input,
            counterparties: input.counterparties.map((c, i) => ({
              ...c,
              country: swaps[i % swaps.length]![0],
              nationality: swaps[i % swaps.length]![1],
            })),
          };
          const a = assessRisk(input);
          const b = assessRisk(changed);
          expect(b).toEqual(a);
          expect(routeReview(changed, b)).toEqual(routeReview(input, a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the same case with a Japanese or a foreign counterparty gets the same result", () => {
    const withCountry = (country: string) =>
      assessRisk(
        base({
          classification: listed,
          counterparties: [cp({ country, nationality: country, attributes: { stateOwned: true } })],
        }),
      );
    const jp = withCountry("JP");
    for (const other of ["CN", "KP", "RU", "IR", "US", "KR"]) expect(withCountry(other)).toEqual(jp);
  });
});
