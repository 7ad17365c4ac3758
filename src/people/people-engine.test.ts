import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  type Disclosure,
  determineResidency,
  disclosureChanges,
  dueState,
  eRadCsv,
  incomeShare,
  summariseTokutei,
  type TokuteiForm,
  totalEffort,
  validateDisclosure,
  validateResidencyBasis,
  validateTokutei,
} from "./people-engine.js";

const tokutei = (over: Partial<TokuteiForm> = {}): TokuteiForm => ({
  declaredOn: "2026-04-01",
  type1: { applies: false, counterparty: "", detail: "" },
  type2: { fiscalYear: "2025", foreignIncomeJpy: 0, totalIncomeJpy: 8_000_000, sources: "" },
  type3: { applies: false, detail: "" },
  evidence: "",
  nextReviewOn: null,
  pledge: true,
  ...over,
});

const disclosure = (over: Partial<Disclosure> = {}): Disclosure => ({
  submittedOn: "2026-05-01",
  career: [{ from: "2015-04-01", to: null, organisation: "本学 工学研究科", position: "准教授" }],
  affiliations: [
    {
      kind: "position",
      organisation: { name: "本学", partyId: null },
      position: "准教授",
      from: "2015-04-01",
      to: null,
      effortPercent: 70,
      paid: true,
      confidentiality: false,
    },
  ],
  funds: [
    {
      title: "固体電解質の研究",
      programme: "科研費 基盤(B)",
      provider: { name: "日本学術振興会", partyId: null },
      status: "received",
      inERad: true,
      amountJpy: 12_000_000,
      from: "2025-04-01",
      to: "2028-03-31",
      effortPercent: 20,
      confidentiality: false,
    },
  ],
  nonMonetary: [],
  pledge: true,
  ...over,
});

describe("residency (居住者・非居住者) under the 外為法 interpretation notice", () => {
  const foreign = { personType: "foreign_national" as const };
  const japanese = { personType: "japanese_national" as const };

  it("a foreign national is a non-resident until six months have ELAPSED since entry, then a resident", () => {
    const before = determineResidency(
      { kind: "arrived_in_japan", date: "2026-01-15", employedInJapan: false, ...foreign },
      "2026-07-14",
    );
    expect(before).toMatchObject({ status: "non_resident", changesOn: "2026-07-15", recheck: false });
    expect(before.reason.ja).toContain("経過していない");
    expect(before.reason.ja).toContain("予定の滞在期間ではなく");
    const after = determineResidency(
      { kind: "arrived_in_japan", date: "2026-01-15", employedInJapan: false, ...foreign },
      "2026-07-15",
    );
    expect(after).toMatchObject({ status: "resident", effectiveFrom: "2026-07-15" });
  });

  it("a foreign national working at an office in Japan is a resident from arrival", () => {
    expect(
      determineResidency(
        { kind: "arrived_in_japan", date: "2026-03-01", employedInJapan: true, ...foreign },
        "2026-03-02",
      ),
    ).toMatchObject({ status: "resident", effectiveFrom: "2026-03-01" });
  });

  it("a Japanese national returning to live is a resident at once; a temporary return under 6 months is not", () => {
    expect(
      determineResidency(
        { kind: "arrived_in_japan", date: "2026-03-01", employedInJapan: false, ...japanese },
        "2026-03-02",
      ).status,
    ).toBe("resident");
    const visit = determineResidency(
      {
        kind: "arrived_in_japan",
        date: "2026-03-01",
        employedInJapan: false,
        temporaryReturn: true,
        ...japanese,
      },
      "2026-04-01",
    );
    expect(visit).toMatchObject({ status: "non_resident", changesOn: "2026-09-01" });
  });

  it("a Japanese national leaving: office abroad or 2 years → non-resident; a short trip keeps residency; 在外公館 stays resident", () => {
    const left = (over: object, today: string) =>
      determineResidency(
        {
          kind: "left_japan",
          date: "2026-01-01",
          employedAbroad: false,
          stayAbroadTwoYearsOrMore: false,
          ...japanese,
          ...over,
        },
        today,
      );
    expect(left({ employedAbroad: true }, "2026-01-02").status).toBe("non_resident");
    expect(left({ stayAbroadTwoYearsOrMore: true }, "2026-01-02").status).toBe("non_resident");
    expect(left({}, "2026-06-01")).toMatchObject({ status: "resident", changesOn: "2028-01-01" });
    expect(left({}, "2028-01-01").status).toBe("non_resident");
    expect(left({ employedAbroad: true, atJapaneseMission: true }, "2027-01-01").status).toBe("resident");
  });

  it("official duty for a foreign government or an international organisation, and diplomats, are always non-residents", () => {
    for (const capacity of [
      "foreign_government",
      "international_organisation",
      "diplomat_consular",
    ] as const) {
      const d = determineResidency({ kind: "official_duty", date: "2020-01-01", capacity }, "2030-01-01");
      expect(d.status).toBe("non_resident");
      expect(d.changesOn).toBeNull();
      expect(d.reason.ja).toContain("常に非居住者");
    }
  });

  it("older records without 本邦人/外国人 decide as before but ask to be re-checked", () => {
    const d = determineResidency(
      { kind: "arrived_in_japan", date: "2026-01-15", employedInJapan: false },
      "2026-08-01",
    );
    expect(d).toMatchObject({ status: "resident", recheck: true });
    expect(d.reason.ja).toContain("再判定");
  });

  it("new records must say 本邦人 or 外国人, and official duty needs its capacity", () => {
    expect(
      validateResidencyBasis({ kind: "arrived_in_japan", date: "2026-01-01", employedInJapan: false }).map(
        (p) => p.path,
      ),
    ).toEqual(["personType"]);
    expect(
      validateResidencyBasis({ kind: "official_duty", date: "2026-01-01" } as never).map((p) => p.path),
    ).toEqual(["capacity"]);
  });

  it("nationality is read only for residency: a property over all arrival dates and days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, b) => {
        const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const arrived = day(a);
        const today = day(a + b);
        const d = determineResidency(
          { kind: "arrived_in_japan", date: arrived, employedInJapan: false, ...foreign },
          today,
        );
        expect(d.status).toBe(today >= addMonths(arrived, 6) ? "resident" : "non_resident");
      }),
    );
  });

  it("month arithmetic clamps to the end of shorter months", () => {
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-04-01", 12)).toBe("2027-04-01");
  });
});

describe("特定類型 declaration", () => {
  it("② applies at exactly 25 % of annual income and not below", () => {
    expect(incomeShare(2_000_000, 8_000_000)).toEqual({ share: 0.25, applies: true });
    expect(incomeShare(1_999_999, 8_000_000).applies).toBe(false);
    expect(incomeShare(0, 0)).toEqual({ share: null, applies: false });
  });

  it("the share is computed from the amounts (property: applies ⇔ foreign / total ≥ 1/4)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
        const [foreign, total] = a <= b ? [a, b] : [b, a];
        if (total === 0) return;
        expect(incomeShare(foreign, total).applies).toBe(foreign * 4 >= total);
      }),
    );
  });

  it("summarises the types that apply and defaults the next review to one year", () => {
    const s = summariseTokutei(
      tokutei({
        type2: {
          fiscalYear: "2025",
          foreignIncomeJpy: 3_000_000,
          totalIncomeJpy: 9_000_000,
          sources: "海外企業からの顧問料",
        },
        evidence: "源泉徴収票",
      }),
    );
    expect(s.types).toEqual(["2"]);
    expect(s.incomeShare).toBeCloseTo(1 / 3);
    expect(s.nextReviewOn).toBe("2027-04-01");
  });

  it("refuses an incomplete declaration with every field named", () => {
    const problems = validateTokutei(
      tokutei({
        declaredOn: "2026-02-30",
        type1: { applies: true, counterparty: "", detail: "" },
        type2: { fiscalYear: "", foreignIncomeJpy: 10, totalIncomeJpy: 5, sources: "" },
        pledge: false,
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      "declaredOn",
      "type1.counterparty",
      "type1.detail",
      "type2.foreignIncomeJpy",
      "type2.sources",
      "type2.fiscalYear",
      "evidence",
      "pledge",
    ]);
  });
});

describe("research-integrity disclosure", () => {
  it("adds effort over posts and funds received; over 100 % is visible", () => {
    expect(totalEffort(disclosure())).toBe(90);
    const over = disclosure({
      affiliations: [
        ...disclosure().affiliations,
        {
          kind: "talent_programme",
          organisation: { name: "Overseas Talent Plan", partyId: null },
          position: "Visiting chair",
          from: "2026-01-01",
          to: null,
          effortPercent: 25,
          paid: true,
          confidentiality: true,
        },
      ],
    });
    expect(totalEffort(over)).toBe(115);
  });

  it("needs the pledge and complete lines", () => {
    const d = disclosure({ pledge: false });
    d.funds[0]!.effortPercent = 130;
    d.funds[0]!.provider.name = "";
    expect(validateDisclosure(d).map((p) => p.path)).toEqual([
      "funds.0.provider.name",
      "funds.0.effortPercent",
      "pledge",
    ]);
  });

  it("reports what changed since the last version", () => {
    const next = disclosure();
    next.funds.push({
      ...next.funds[0]!,
      title: "新規",
      provider: { name: "Sample Foundation", partyId: null },
      effortPercent: 5,
    });
    expect(disclosureChanges(disclosure(), next).map((c) => c.en)).toEqual([
      "New affiliation or funder: Sample Foundation",
      "Total effort 90% → 95%",
    ]);
  });

  it("exports the e-Rad fields as CSV with a BOM, quoting and formula protection", () => {
    const d = disclosure();
    d.funds[0]!.title = '=HYPERLINK("x"), 研究';
    const csv = eRadCsv([{ eradNumber: "12345678", name: "田中 花子", disclosure: d }]);
    expect(csv.startsWith("\uFEFFe-Rad研究者番号,氏名,e-Rad記載欄,区分")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), 研究"`);
    expect(lines[1]).toContain("受入,対象,2025-04-01,2028-03-31,12000000,20,無,2026-05-01");
    expect(lines[2]).toContain("現在の全ての所属機関・役職,所属・役職（本務）");
  });

  it("e-Rad: a confidentiality agreement reports only the effort; talent programmes use e-Rad's term; support in kind is kept", () => {
    const d = disclosure();
    d.funds[0]!.confidentiality = true;
    d.affiliations.push({
      kind: "talent_programme",
      organisation: { name: "Sample Talent Fund", partyId: null },
      position: "Visiting chair",
      from: "2025-01-01",
      to: null,
      effortPercent: 5,
      paid: true,
      confidentiality: false,
    });
    d.nonMonetary.push({
      description: "装置の貸与",
      provider: { name: "Sample Co", partyId: null },
      from: null,
      confidentiality: false,
    });
    const lines = eRadCsv([{ eradNumber: "1", name: "A", disclosure: d }])
      .trim()
      .split("\r\n");
    const fund = lines[1]!.split(",");
    expect(fund.slice(0, 4)).toEqual(["1", "A", "現在の他の研究費の応募・受入状況", "研究費"]);
    expect(fund.slice(4, 12).every((c) => c === "")).toBe(true);
    expect(fund[12]).toBe("20");
    expect(fund[13]).toBe("有");
    expect(lines.some((l) => l.includes("外国の人材登用プログラム,Sample Talent Fund"))).toBe(true);
    expect(lines.some((l) => l.includes("人材招致"))).toBe(false);
    expect(lines.at(-1)).toContain(
      "その他の支援（研究資金以外の物品・施設等の提供）,物品・施設等の支援,装置の貸与",
    );
  });

  it("due dates: overdue, due soon, fine", () => {
    expect(dueState("2026-01-01", "2026-02-01")).toBe("overdue");
    expect(dueState("2026-02-15", "2026-02-01")).toBe("due_soon");
    expect(dueState("2026-06-01", "2026-02-01")).toBe("ok");
    expect(dueState(null, "2026-02-01")).toBe("none");
  });
});
