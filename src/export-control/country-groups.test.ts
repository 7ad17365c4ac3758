import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import {
  BUILT_IN_COUNTRY_GROUPS,
  COUNTRY_GROUP_FORMAT,
  editionInForce,
  lookupCountry,
  parseCountryGroupTable,
} from "./country-groups.js";

const GROUP_A_2023 = [
  "AR",
  "AT",
  "AU",
  "BE",
  "BG",
  "CA",
  "CH",
  "CZ",
  "DE",
  "DK",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HU",
  "IE",
  "IT",
  "KR",
  "LU",
  "NL",
  "NO",
  "NZ",
  "PL",
  "PT",
  "SE",
  "US",
];

describe("built-in country groups", () => {
  it("parses under its own validator", () => {
    const r = parseCountryGroupTable(BUILT_IN_COUNTRY_GROUPS, COUNTRY_CODES);
    expect(r.problems).toEqual([]);
  });

  it("グループA is 27 countries with Korea, 26 between 2019-08-28 and 2023-07-20", () => {
    const now = editionInForce(BUILT_IN_COUNTRY_GROUPS, "group_a", "2026-01-01")!;
    expect(now.members.map((m) => m.code).sort()).toEqual(GROUP_A_2023);
    const between = editionInForce(BUILT_IN_COUNTRY_GROUPS, "group_a", "2019-08-28")!;
    expect(between.members).toHaveLength(26);
    expect(between.members.some((m) => m.code === "KR")).toBe(false);
    const before = editionInForce(BUILT_IN_COUNTRY_GROUPS, "group_a", "2019-08-27")!;
    expect(before.members.some((m) => m.code === "KR")).toBe(true);
  });

  it("every edition names its source, and unverified ones say so to the user", () => {
    for (const e of BUILT_IN_COUNTRY_GROUPS.editions) {
      expect(e.source.ja).toMatch(/輸出貿易管理令/);
      if (!e.verified) expect(e.note ?? e.amendedBy).toBeTruthy();
    }
    const so = lookupCountry(BUILT_IN_COUNTRY_GROUPS, "SO", "2026-01-01");
    expect(so.destinationGroup).toBe("un_arms_embargo");
    expect(so.cautions.map((c) => c.ja).join()).toContain("要確認");
  });

  it("国連武器禁輸国: Côte d'Ivoire in the 2014 edition, not in the current reading; South Sudan the other way", () => {
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "CI", "2015-01-01").destinationGroup).toBe(
      "un_arms_embargo",
    );
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "CI", "2026-01-01").destinationGroup).toBe("general");
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "SS", "2026-01-01").destinationGroup).toBe(
      "un_arms_embargo",
    );
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "CF", "2014-09-14").destinationGroup).toBe("general");
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "CF", "2014-09-15").destinationGroup).toBe(
      "un_arms_embargo",
    );
  });

  it("国連武器禁輸国: Eritrea leaves on 2018-12-19 (METI press release), South Sudan joins on 2019-04-12", () => {
    const group = (code: string, date: string) =>
      lookupCountry(BUILT_IN_COUNTRY_GROUPS, code, date).destinationGroup;
    expect(group("ER", "2018-12-18")).toBe("un_arms_embargo");
    expect(group("ER", "2018-12-19")).toBe("general");
    expect(group("SS", "2019-04-11")).toBe("general");
    expect(group("SS", "2019-04-12")).toBe("un_arms_embargo");
    // Until the (unrecorded) 2016 removal date is known, the stricter 2014 reading stays in force.
    expect(group("LR", "2018-12-18")).toBe("un_arms_embargo");
    expect(group("LR", "2018-12-19")).toBe("general");
    const e2018 = editionInForce(BUILT_IN_COUNTRY_GROUPS, "un_arms_embargo", "2019-01-01")!;
    expect(e2018.members).toHaveLength(9);
    expect(e2018.amendedBy?.ja).toContain("meti.go.jp/press/2018/12/20181214002");
  });

  it("別表第4 membership is reported alongside the branch", () => {
    const kp = lookupCountry(BUILT_IN_COUNTRY_GROUPS, "KP", "2026-01-01");
    expect(kp.destinationGroup).toBe("un_arms_embargo");
    expect(kp.memberships.map((m) => m.group).sort()).toEqual(["concern_table4", "un_arms_embargo"]);
    expect(lookupCountry(BUILT_IN_COUNTRY_GROUPS, "IR", "2026-01-01").destinationGroup).toBe("general");
  });
});

describe("importing a table", () => {
  const valid = {
    format: COUNTRY_GROUP_FORMAT,
    title: { ja: "新版", en: "New edition" },
    editions: [
      {
        group: "group_a",
        id: "t3-2030",
        title: { ja: "別表第3", en: "Table 3" },
        effectiveFrom: "2030-01-01",
        effectiveFromVerified: true,
        source: { ja: "輸出貿易管理令 別表第3", en: "ETCO Table 3" },
        verified: true,
        members: [{ code: "US", name: { ja: "アメリカ合衆国", en: "United States" } }],
      },
    ],
  };

  it("accepts a well-formed table", () => {
    expect(parseCountryGroupTable(valid, COUNTRY_CODES).problems).toEqual([]);
  });

  it("names every problem with its path", () => {
    const bad = structuredClone(valid) as unknown as { editions: Record<string, unknown>[]; format: string };
    bad.format = "other";
    bad.editions[0]!.effectiveFrom = "2030/01/01";
    bad.editions[0]!.members = [
      { code: "XX", name: { ja: "x", en: "x" } },
      { code: "US", name: { ja: "", en: "US" } },
      { code: "US", name: { ja: "米", en: "US" } },
    ];
    bad.editions.push({ ...(bad.editions[0] as object), id: "t3-2030" });
    const r = parseCountryGroupTable(bad, COUNTRY_CODES);
    expect(r.table).toBeNull();
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "format",
        "editions.0.effectiveFrom",
        "editions.0.members.0.code",
        "editions.0.members.1.name",
        "editions.0.members.2.code",
        "editions.1.id",
      ]),
    );
  });
});
