import { describe, expect, it } from "vitest";
import { BUILT_IN_COUNTRY_GROUPS } from "../export-control/country-groups.js";
import {
  combinedResidency,
  determineForReview,
  EMPTY_EXPORT_FACTS,
  exportProfileFor,
  type ReviewExportInput,
} from "./export-determination-engine.js";
import { plainAnswersFor } from "./questionnaire-engine.js";
import { eulConcernsOf, recipientsOf } from "./reviews-export.js";

const input = (over: Partial<ReviewExportInput> = {}): ReviewExportInput => ({
  activityType: "goods_export",
  answers: plainAnswersFor("goods_export"),
  facts: { ...EMPTY_EXPORT_FACTS, statedUse: "civil" },
  classification: {
    listStatus: "not_listed",
    regime: "export_order",
    item: null,
    subItem: null,
    provision: null,
    catchAllCategory: "16-2",
    exceptions: [],
    rationale: "非該当",
    reference: null,
  },
  items: [],
  recipients: [],
  transactionCheck: null,
  eulConcerns: [],
  counterpartyCountry: null,
  startDate: "2026-06-01",
  today: "2026-05-01",
  ...over,
});

describe("which activities export, in the 外為法 sense", () => {
  it.each([
    ["goods_export", {}, "goods"],
    ["technology_provision", {}, "technology"],
    ["data_sharing", {}, "technology"],
    ["acceptance", { tech_provided: false }, null],
    ["acceptance", { tech_provided: true }, "technology"],
    ["overseas_trip", { carrying_goods: true, controlled_tech: false, public_only: true }, "goods"],
    ["overseas_trip", { carrying_goods: false, controlled_tech: false, public_only: true }, null],
    ["donation_grant", {}, null],
    ["investment_offer", {}, null],
    ["some_future_type", {}, null],
  ] as const)("%s %o → %s", (type, answers, expected) => {
    const p = exportProfileFor(type, answers);
    if (expected === null) expect(p).toBeNull();
    else expect(p?.[expected]).toBe(true);
  });
});

describe("a review's licence determination", () => {
  it("uses the organisation's location when no destination is recorded, and the recorded one first", () => {
    const derived = determineForReview(
      input({ counterpartyCountry: "SD", facts: { ...EMPTY_EXPORT_FACTS, statedUse: "conventional" } }),
      BUILT_IN_COUNTRY_GROUPS,
    );
    expect(derived.destination).toEqual({ country: "SD", source: "counterparty" });
    expect(derived.result).toBe("licence_required");
    const recorded = determineForReview(
      input({
        counterpartyCountry: "SD",
        facts: { ...EMPTY_EXPORT_FACTS, destinationCountry: "US", statedUse: "conventional" },
      }),
      BUILT_IN_COUNTRY_GROUPS,
    );
    expect(recorded.destination.source).toBe("facts");
    expect(recorded.result).toBe("not_required");
  });

  it("the transaction review's checklist counts as knowledge of the use", () => {
    const check = {
      endUse: { wmd: true, conventional: false, military_site: false, unclear_use: false },
      akiraka: {},
      endUser: {},
      notes: {},
      conclusion: "",
    };
    const d = determineForReview(
      input({ counterpartyCountry: "TH", transactionCheck: check }),
      BUILT_IN_COUNTRY_GROUPS,
    );
    expect(d.result).toBe("licence_required");
  });

  it("no classification and no items: undetermined; an activity without exports: not applicable", () => {
    expect(determineForReview(input({ classification: null }), BUILT_IN_COUNTRY_GROUPS).result).toBe(
      "undetermined",
    );
    expect(
      determineForReview(input({ activityType: "donation_grant", answers: {} }), BUILT_IN_COUNTRY_GROUPS)
        .result,
    ).toBe("not_applicable");
  });
});

describe("recipients' residency and End User List concerns", () => {
  const person = (residency: "resident" | "non_resident" | null, tokutei = false) => ({
    personId: "p",
    tokutei: { active: tokutei, types: tokutei ? ["1"] : [], declaredOn: null },
    declarationOverdue: false,
    disclosureHits: [],
    effortTotal: null,
    talentProgramme: false,
    residency,
  });
  it("people from their records (never from a country field), organisations from their location", () => {
    const r = recipientsOf(
      [
        {
          name: "A",
          role: "recipient",
          partyKind: "person",
          country: "CN",
          person: person("resident", true),
          screening: null,
        },
        { name: "B", role: "recipient", partyKind: "person", country: "JP", person: null, screening: null },
        {
          name: "C",
          role: "recipient",
          partyKind: "organization",
          country: "JP",
          person: null,
          screening: null,
        },
        {
          name: "D",
          role: "funder",
          partyKind: "organization",
          country: "US",
          person: null,
          screening: null,
        },
      ],
      {},
    );
    expect(r).toEqual([
      { name: "A", residency: "resident", tokutei: true },
      { name: "B", residency: "unknown", tokutei: false },
      { name: "C", residency: "resident", tokutei: false },
    ]);
    expect(combinedResidency(r)).toBe("unknown");
    expect(combinedResidency([...r, { name: "E", residency: "non_resident", tokutei: false }])).toBe(
      "non_resident",
    );
  });
  it("reads the concern type of confirmed End User List matches only", () => {
    const hit = (programs: string[], decision: "true_match" | null) => ({
      source: "meti_eul",
      name: "x",
      score: 1,
      match: true,
      programs,
      decision,
    });
    const cp = (hits: ReturnType<typeof hit>[]) => ({
      name: "x",
      role: "end_user",
      partyKind: "organization",
      country: "CN",
      person: null,
      screening: { runId: "r", screenedAt: "", hits },
    });
    expect(eulConcernsOf([cp([hit(["METI End User List", "WMD: M"], "true_match")])])).toEqual(["wmd"]);
    expect(eulConcernsOf([cp([hit(["METI End User List", "CW"], "true_match")])])).toEqual(["conventional"]);
    expect(eulConcernsOf([cp([hit(["METI End User List", "WMD: B", "CW"], null)])])).toEqual([]);
    // A conventional-only entry written out in Japanese is not also read as a WMD concern.
    expect(eulConcernsOf([cp([hit(["METI End User List", "通常兵器"], "true_match")])])).toEqual([
      "conventional",
    ]);
    expect(eulConcernsOf([cp([hit(["METI End User List"], "true_match")])])).toEqual(["wmd"]);
  });
});
