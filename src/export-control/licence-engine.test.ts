import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "../parties/parties-engine.js";
import { CATCH_ALL_EDITIONS } from "./catch-all-rules.js";
import { BUILT_IN_COUNTRY_GROUPS } from "./country-groups.js";
import { TECH_EXCEPTIONS } from "./exceptions.js";
import { determineLicence, type EndUse, type LicenceInput, type LicenceResult } from "./licence-engine.js";

const AFTER = "2025-11-01"; // the 2025 revision is in force
const BEFORE = "2025-09-01"; // the 2008 rules

type Item = LicenceInput["item"];
const goods = (over: Partial<Item> = {}): Item => ({
  kind: "goods",
  listedItem: null,
  catchAllCategory: "16-2",
  exceptions: [],
  ...over,
});
const tech = (over: Partial<Item> = {}): Item => ({ ...goods(over), kind: "technology", ...over });

const input = (over: Partial<LicenceInput> = {}): LicenceInput => ({
  date: AFTER,
  item: goods(),
  destinationCountry: "TH",
  technology: { recipientResidency: "non_resident", recipientTokutei: false, providedAbroad: false },
  use: { stated: "civil", knownWmd: false, knownConventional: false },
  endUser: {
    eulConcerns: [],
    knownWmdActivity: false,
    knownConventionalActivity: false,
    clearlyNoConcern: false,
  },
  informed: { wmd: false, conventional: false },
  diversionConcern: false,
  ...over,
});
const decide = (over: Partial<LicenceInput> = {}) => determineLicence(input(over), BUILT_IN_COUNTRY_GROUPS);

// One destination per group: US = グループA, SD = 国連武器禁輸国 (in every edition kept), TH = 一般国.
const DESTINATIONS = { group_a: "US", un_arms_embargo: "SD", general: "TH" } as const;
type Group = keyof typeof DESTINATIONS;
type Case = {
  date: string;
  group: Group;
  category: "16-1" | "16-2";
  use: EndUse;
  eul?: ("wmd" | "conventional")[];
  informed?: "wmd" | "conventional";
  expected: LicenceResult;
};

// The catch-all decision table, every destination group × category × use, before and after 2025-10-09.
const CATCH_ALL_TABLE: Case[] = [];
for (const date of [BEFORE, AFTER]) {
  for (const group of ["group_a", "un_arms_embargo", "general"] as const) {
    for (const category of ["16-1", "16-2"] as const) {
      for (const use of ["civil", "wmd", "conventional"] as const) {
        let expected: LicenceResult = "not_required";
        if (group !== "group_a") {
          if (use === "wmd") expected = "licence_required";
          if (use === "conventional" && group === "un_arms_embargo") expected = "licence_required";
          if (use === "conventional" && group === "general" && date === AFTER && category === "16-1")
            expected = "licence_required";
        }
        CATCH_ALL_TABLE.push({ date, group, category, use, expected });
      }
      // End User List: WMD concern always counts outside Group A; a conventional concern only under the
      // 2025 rows — to UN-embargoed destinations for all of item 16, to general ones for 16(1) only.
      CATCH_ALL_TABLE.push({
        date,
        group,
        category,
        use: "civil",
        eul: ["wmd"],
        expected: group === "group_a" ? "not_required" : "licence_required",
      });
      CATCH_ALL_TABLE.push({
        date,
        group,
        category,
        use: "civil",
        eul: ["conventional"],
        expected:
          date === AFTER && (group === "un_arms_embargo" || (group === "general" && category === "16-1"))
            ? "licence_required"
            : "not_required",
      });
      // Inform notices: everywhere outside Group A; to Group A only since 2025 (when diversion is feared).
      for (const concern of ["wmd", "conventional"] as const)
        CATCH_ALL_TABLE.push({
          date,
          group,
          category,
          use: "civil",
          informed: concern,
          expected: group === "group_a" && date === BEFORE ? "not_required" : "inform",
        });
    }
  }
}

describe("catch-all: every destination group × 16の項 category × use, before and after the 2025 revision", () => {
  it.each(CATCH_ALL_TABLE)("$date $group $category use=$use eul=$eul informed=$informed → $expected", (c) => {
    for (const kind of ["goods", "technology"] as const) {
      const d = decide({
        date: c.date,
        item:
          kind === "goods" ? goods({ catchAllCategory: c.category }) : tech({ catchAllCategory: c.category }),
        destinationCountry: DESTINATIONS[c.group],
        use: { stated: c.use, knownWmd: false, knownConventional: false },
        endUser: {
          eulConcerns: c.eul ?? [],
          knownWmdActivity: false,
          knownConventionalActivity: false,
          clearlyNoConcern: false,
        },
        informed: { wmd: c.informed === "wmd", conventional: c.informed === "conventional" },
      });
      expect(d.result, `${kind}: ${d.reasoning.en}`).toBe(c.expected);
      expect(d.destination?.destinationGroup).toBe(c.group);
      for (const f of d.findings) expect(f.citations.length).toBeGreaterThan(0);
    }
  });

  it("the issue's two anchors: Group A without diversion concern → no licence; UN-embargoed with a conventional use → licence", () => {
    const a = decide({ destinationCountry: "DE", item: goods({ catchAllCategory: "16-1" }) });
    expect(a.result).toBe("not_required");
    expect(a.reasoning.ja).toContain("迂回輸出のおそれがある場合に限る");
    const un = decide({
      destinationCountry: "CF",
      use: { stated: "conventional", knownWmd: false, knownConventional: false },
    });
    expect(un.result).toBe("licence_required");
    expect(un.reasoning.ja).toContain("通常兵器の開発等に用いられることを知っている");
    expect(
      un.findings.find((f) => f.id === "catch_all.conventional")?.citations.map((c) => c.source),
    ).toContain("conventionalOrdinance");
  });

  it("Group A before 2025 is outside item 16 entirely, even with an inform notice", () => {
    const d = decide({ date: BEFORE, destinationCountry: "US", informed: { wmd: true, conventional: true } });
    expect(d.result).toBe("not_required");
    expect(d.findings.every((f) => f.outcome === "not_applicable")).toBe(true);
  });

  it("Korea is Group A before 2019-08-28 and from 2023-07-21, general in between", () => {
    expect(decide({ date: "2019-01-01", destinationCountry: "KR" }).destination?.destinationGroup).toBe(
      "group_a",
    );
    expect(decide({ date: "2020-06-01", destinationCountry: "KR" }).destination?.destinationGroup).toBe(
      "general",
    );
    expect(decide({ date: "2023-07-21", destinationCountry: "KR" }).destination?.destinationGroup).toBe(
      "group_a",
    );
    const wmdUse = { stated: "wmd" as const, knownWmd: false, knownConventional: false };
    expect(decide({ date: "2020-06-01", destinationCountry: "KR", use: wmdUse }).result).toBe(
      "licence_required",
    );
  });

  it("the End User List's 明らか clearance removes the end-user requirement, not a known use", () => {
    const cleared = {
      eulConcerns: ["wmd" as const],
      knownWmdActivity: false,
      knownConventionalActivity: false,
      clearlyNoConcern: true,
    };
    expect(decide({ endUser: cleared }).result).toBe("not_required");
    expect(
      decide({ endUser: cleared, use: { stated: "civil", knownWmd: true, knownConventional: false } }).result,
    ).toBe("licence_required");
  });

  it("a known end-user activity counts like a list entry", () => {
    const d = decide({
      endUser: {
        eulConcerns: [],
        knownWmdActivity: true,
        knownConventionalActivity: false,
        clearlyNoConcern: false,
      },
    });
    expect(d.result).toBe("licence_required");
  });

  it("warns when the final destination is in a stricter group than the immediate one", () => {
    const d = decide({ destinationCountry: "SG", finalDestinationCountry: "SD" });
    expect(d.result).toBe("not_required");
    expect(d.cautions.map((c) => c.en).join(" ")).toContain("final destination SD");
  });

  it("an unknown use outside Group A is a caution, and a Group A diversion concern advises METI", () => {
    expect(
      decide({ use: { stated: "unknown", knownWmd: false, knownConventional: false } }).cautions.length,
    ).toBeGreaterThan(0);
    const a = decide({ destinationCountry: "FR", diversionConcern: true });
    expect(a.cautions.map((c) => c.ja).join()).toContain("迂回輸出");
  });
});

describe("list control (1–15) for goods and technology", () => {
  it.each(["1", "2", "3", "3-2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"])(
    "item %s goods need a licence to every destination group, technology to non-residents",
    (item) => {
      for (const country of Object.values(DESTINATIONS)) {
        const g = decide({
          item: goods({ listedItem: item, catchAllCategory: null }),
          destinationCountry: country,
        });
        expect(g.result).toBe("licence_required");
        expect(g.findings.find((f) => f.id === "list")?.citations.map((c) => c.source)).toEqual([
          "fefta",
          "etco",
        ]);
        const t = decide({
          item: tech({ listedItem: item, catchAllCategory: null }),
          destinationCountry: country,
        });
        expect(t.result).toBe("licence_required");
      }
    },
  );

  it("goods to Japan are not an export; goods without a destination cannot be decided", () => {
    expect(decide({ item: goods({ listedItem: "3" }), destinationCountry: "JP" }).result).toBe(
      "not_required",
    );
    const d = decide({ item: goods({ listedItem: "3" }), destinationCountry: null });
    expect(d.result).toBe("undetermined");
    expect(d.missing.map((m) => m.field)).toContain("destinationCountry");
  });

  it("technology to a resident in Japan needs no licence — unless 特定類型 or provided abroad", () => {
    const listed = tech({ listedItem: "7", catchAllCategory: null });
    const resident = {
      recipientResidency: "resident" as const,
      recipientTokutei: false,
      providedAbroad: false,
    };
    expect(decide({ item: listed, technology: resident }).result).toBe("not_required");
    expect(decide({ item: listed, technology: { ...resident, recipientTokutei: true } }).result).toBe(
      "licence_required",
    );
    const abroad = decide({ item: listed, technology: { ...resident, providedAbroad: true } });
    expect(abroad.result).toBe("licence_required");
    expect(abroad.findings[0]?.id).toBe("scope.provided_abroad");
    const unknown = decide({ item: listed, technology: { ...resident, recipientResidency: "unknown" } });
    expect(unknown.result).toBe("undetermined");
  });

  it("an exception is recorded in addition to the item: the item stays listed and the licence is not needed", () => {
    const d = decide({
      item: tech({ listedItem: "5", catchAllCategory: null, exceptions: ["basic_research"] }),
    });
    expect(d.result).toBe("not_required");
    const f = d.findings.find((x) => x.id === "list")!;
    expect(f.outcome).toBe("exempt");
    expect(f.reason.ja).toContain("該非判定は「該当」のまま");
    expect(f.citations.some((c) => c.source === "tradeOrdinance")).toBe(true);
  });

  it("an exception does not override an inform notice (conservative reading)", () => {
    const d = decide({
      item: tech({ exceptions: ["public_domain"] }),
      informed: { wmd: true, conventional: false },
    });
    expect(d.result).toBe("inform");
  });

  it("exceptions do not apply to goods", () => {
    const d = decide({ item: goods({ listedItem: "5", exceptions: ["public_domain"] }) });
    expect(d.result).toBe("licence_required");
    expect(d.cautions.map((c) => c.en).join()).toContain("do not apply to goods");
  });

  it("non-listed items outside item 16 need nothing; an undecided category cannot be decided", () => {
    expect(decide({ item: goods({ catchAllCategory: "outside" }) }).result).toBe("not_required");
    expect(decide({ item: goods({ catchAllCategory: null }) }).result).toBe("undetermined");
  });
});

describe("properties", () => {
  const countries = fc.constantFrom(...[...COUNTRY_CODES].filter((c) => c !== "JP"));
  const date = fc.constantFrom("2010-01-01", "2020-06-01", BEFORE, "2025-10-09", AFTER, "2030-01-01");
  const category = fc.constantFrom("16-1" as const, "16-2" as const);
  const arb = fc.record({
    date,
    country: countries,
    category,
    kind: fc.constantFrom("goods" as const, "technology" as const),
    use: fc.constantFrom<EndUse>("civil", "wmd", "conventional", "unknown"),
    eul: fc.subarray(["wmd", "conventional"] as ("wmd" | "conventional")[]),
    knownWmdActivity: fc.boolean(),
    cleared: fc.boolean(),
    informWmd: fc.boolean(),
    informConv: fc.boolean(),
    diversion: fc.boolean(),
    exceptions: fc.subarray([...TECH_EXCEPTIONS]),
  });
  type Drawn = typeof arb extends fc.Arbitrary<infer T> ? T : never;
  const build = (a: Drawn) =>
    input({
      date: a.date,
      destinationCountry: a.country,
      item:
        a.kind === "goods"
          ? goods({ catchAllCategory: a.category })
          : tech({ catchAllCategory: a.category, exceptions: a.exceptions }),
      use: { stated: a.use, knownWmd: false, knownConventional: false },
      endUser: {
        eulConcerns: a.eul,
        knownWmdActivity: a.knownWmdActivity,
        knownConventionalActivity: false,
        clearlyNoConcern: a.cleared,
      },
      informed: { wmd: a.informWmd, conventional: a.informConv },
      diversionConcern: a.diversion,
    });

  it("a listed good needs a licence to every foreign country on every date", () => {
    fc.assert(
      fc.property(countries, date, fc.constantFrom("1", "3", "7", "15"), (country, d, item) => {
        const r = decide({ date: d, destinationCountry: country, item: goods({ listedItem: item }) });
        expect(r.result).toBe("licence_required");
      }),
    );
  });

  it("a METI inform notice always means a licence outside Group A", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const i = build(a);
        const r = determineLicence(
          { ...i, informed: { wmd: true, conventional: true } },
          BUILT_IN_COUNTRY_GROUPS,
        );
        if (r.destination?.destinationGroup !== "group_a") expect(r.licenceRequired).toBe(true);
      }),
    );
  });

  it("knowing more concerns never turns 'licence required' into 'not required'", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const base = determineLicence(build(a), BUILT_IN_COUNTRY_GROUPS);
        const i = build(a);
        const worse = determineLicence(
          {
            ...i,
            use: { ...i.use, knownWmd: true, knownConventional: true },
            endUser: { ...i.endUser, clearlyNoConcern: false },
          },
          BUILT_IN_COUNTRY_GROUPS,
        );
        if (base.licenceRequired) expect(worse.licenceRequired).toBe(true);
      }),
    );
  });

  it("every finding cites at least one provision, and 'required' always has a reason in both languages", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const r = determineLicence(build(a), BUILT_IN_COUNTRY_GROUPS);
        for (const f of r.findings) {
          expect(f.citations.length).toBeGreaterThan(0);
          expect(f.reason.ja.length).toBeGreaterThan(0);
          expect(f.reason.en.length).toBeGreaterThan(0);
        }
        expect(r.reasoning.ja).toContain(r.result === "not_required" ? "許可不要" : "");
      }),
    );
  });

  it("the catch-all table has a row for every concern × group × category in every edition", () => {
    for (const e of CATCH_ALL_EDITIONS)
      for (const concern of ["wmd", "conventional"])
        for (const group of ["group_a", "un_arms_embargo", "general"])
          for (const category of ["16-1", "16-2"])
            expect(
              e.rows.filter((r) => r.concern === concern && r.group === group && r.category === category),
              `${e.id} ${concern} ${group} ${category}`,
            ).toHaveLength(1);
  });
});
