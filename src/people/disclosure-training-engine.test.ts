import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  disclosureTrainingRequirements,
  disclosureTrainingTriggers,
  type TriggerDisclosure,
} from "./disclosure-training-engine.js";

type Aff = TriggerDisclosure["affiliations"][number];
const aff = (kind: Aff["kind"], name: string, to: string | null = null): Aff => ({
  kind,
  organisation: { name },
  to,
});
const TODAY = "2026-12-07";
const triggers = (affiliations: Aff[], countries: (string | null)[], tokutei: string[] | null = null) =>
  disclosureTrainingTriggers({
    today: TODAY,
    disclosure: { affiliations },
    organisationCountry: (i) => countries[i] ?? null,
    tokutei: tokutei ? { types: tokutei, declaredOn: "2026-04-01" } : null,
  }).map((t) => t.code);

describe("a disclosure that requires current training", () => {
  it.each([
    ["no disclosure, no 特定類型", [], [], null, []],
    ["own post in Japan", [aff("position", "関守大学")], ["JP"], null, []],
    ["outside post in Japan", [aff("outside_appointment", "東京技研")], ["jp"], null, []],
    [
      "outside post abroad",
      [aff("outside_appointment", "Tsinghua University")],
      ["CN"],
      null,
      ["foreign_appointment"],
    ],
    ["honorary title abroad", [aff("honorary", "KAIST")], ["KR"], null, ["foreign_appointment"]],
    ["post abroad that ended", [aff("outside_appointment", "MIT", "2026-12-06")], ["US"], null, []],
    [
      "post abroad ending today still counts",
      [aff("outside_appointment", "MIT", TODAY)],
      ["US"],
      null,
      ["foreign_appointment"],
    ],
    ["organisation's country unknown", [aff("outside_appointment", "Orchid Institute")], [null], null, []],
    [
      "talent programme, any country",
      [aff("talent_programme", "千人計画")],
      [null],
      null,
      ["talent_programme"],
    ],
    [
      "talent programme in Japan counts too",
      [aff("talent_programme", "Programme X")],
      ["JP"],
      null,
      ["talent_programme"],
    ],
    ["talent programme that ended", [aff("talent_programme", "千人計画", "2025-03-31")], [null], null, []],
    ["active 特定類型 declaration", [], [], ["1"], ["tokutei"]],
    ["特定類型 declaration that applies to no type", [], [], [], []],
    [
      "several at once",
      [aff("talent_programme", "千人計画"), aff("outside_appointment", "ETH Zürich")],
      [null, "CH"],
      ["1", "3"],
      ["talent_programme", "foreign_appointment", "tokutei"],
    ],
  ] as const)("%s", (_, affiliations, countries, tokutei, expected) => {
    expect(triggers([...affiliations], [...countries], tokutei ? [...tokutei] : null)).toEqual(expected);
  });

  it("says why in both languages, naming the organisation and its country", () => {
    const [t] = disclosureTrainingTriggers({
      today: TODAY,
      disclosure: { affiliations: [aff("outside_appointment", "Tsinghua University")] },
      organisationCountry: () => "CN",
      tokutei: null,
    });
    expect(t?.reason.ja).toBe("申告に国外の機関「Tsinghua University」（CN）での職・兼業があります");
    expect(t?.reason.en).toContain('"Tsinghua University" (CN)');
  });

  it("requires each configured module with the holder's status, and nothing without a trigger", () => {
    const t = disclosureTrainingTriggers({
      today: TODAY,
      disclosure: null,
      organisationCountry: () => null,
      tokutei: { types: ["2"], declaredOn: "2026-05-01" },
    });
    const status = (slug: string) =>
      slug === "research-integrity-disclosure"
        ? { title: { ja: "研究インテグリティ", en: "Research integrity" }, current: true, expiresAt: null }
        : null;
    expect(
      disclosureTrainingRequirements(t, ["research-integrity-disclosure", "fefta-basics"], status),
    ).toEqual([
      {
        slug: "research-integrity-disclosure",
        title: { ja: "研究インテグリティ", en: "Research integrity" },
        current: true,
        expiresAt: null,
        reasons: [t[0]!.reason],
      },
      {
        slug: "fefta-basics",
        title: { ja: "fefta-basics", en: "fefta-basics" },
        current: false,
        expiresAt: null,
        reasons: [t[0]!.reason],
      },
    ]);
    expect(disclosureTrainingRequirements([], ["research-integrity-disclosure"], status)).toEqual([]);
    expect(disclosureTrainingRequirements(t, [], status)).toEqual([]);
  });

  it("property: an organisation registered in Japan never triggers, whatever its post or name", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom("position", "outside_appointment", "honorary") as fc.Arbitrary<Aff["kind"]>,
            name: fc.string(),
            to: fc.option(fc.constantFrom("2020-01-01", "2030-01-01"), { nil: null }),
          }),
        ),
        (rows) => {
          const affiliations = rows.map((r) => aff(r.kind, r.name, r.to));
          expect(
            triggers(
              affiliations,
              affiliations.map(() => "JP"),
            ),
          ).toEqual([]);
        },
      ),
    );
  });
});
