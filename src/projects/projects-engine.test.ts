import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseDisclosedParty, unlinkedProviders } from "../people/people-engine.js";
import {
  CHECK_ITEM_IDS,
  csvField,
  type MemberFact,
  pledgeRequiredFor,
  pledgeState,
  RESEARCH_SECURITY_MODULE,
  readinessBlockers,
  trainingRequirements,
} from "./projects-engine.js";

const allSatisfied = CHECK_ITEM_IDS.map((item) => ({ item, status: "satisfied" as const, evidenceCount: 1 }));
const member = (over: Partial<MemberFact> = {}): MemberFact => ({
  personId: "p1",
  name: "鈴木",
  role: "pi",
  pledgeRequired: true,
  pledge: { dueOn: "2026-03-01", givenOn: "2026-02-20" },
  disclosureDueOn: "2027-01-01",
  hasDisclosure: true,
  training: [],
  noAccount: false,
  ...over,
});
const clean = { today: "2026-04-01", partners: [], members: [member()], checks: allSatisfied, measures: [] };

describe("pledge state", () => {
  it.each([
    [null, "missing"],
    [{ dueOn: "2026-04-02", givenOn: null }, "pending"],
    [{ dueOn: "2026-04-01", givenOn: null }, "pending"],
    [{ dueOn: "2026-03-31", givenOn: null }, "overdue"],
    [{ dueOn: "2026-03-31", givenOn: "2026-04-01" }, "given"],
  ] as const)("%j on 2026-04-01 is %s", (pledge, state) => {
    expect(pledgeState(pledge, "2026-04-01")).toBe(state);
  });
  it("students and technicians do not pledge; investigators do", () => {
    expect(pledgeRequiredFor("student")).toBe(false);
    expect(pledgeRequiredFor("technician")).toBe(false);
    expect(pledgeRequiredFor("pi")).toBe(true);
    expect(pledgeRequiredFor("co_investigator")).toBe(true);
  });
});

describe("readiness blockers", () => {
  it("a clean project has none", () => {
    expect(readinessBlockers(clean)).toEqual([]);
  });
  it.each([
    [{ partners: [{ partyId: "x", name: "X", role: "partner", screening: null }] }, "partner_not_screened"],
    [
      {
        partners: [
          {
            partyId: "x",
            name: "X",
            role: "funder",
            screening: { liveHits: [{ source: "un", name: "X", decided: false }] },
          },
        ],
      },
      "partner_list_hit",
    ],
    [{ members: [member({ pledge: { dueOn: "2026-03-01", givenOn: null } })] }, "pledge_overdue"],
    [{ members: [member({ pledge: null })] }, "pledge_missing"],
    [{ members: [member({ disclosureDueOn: "2026-03-31" })] }, "disclosure_overdue"],
    [{ members: [member({ hasDisclosure: false })] }, "disclosure_missing"],
    [
      { members: [member({ training: [{ slug: "s", title: { ja: "s", en: "s" }, current: false }] })] },
      "training_not_current",
    ],
    [
      {
        members: [
          member({ undisclosed: [{ ja: "「清華大学」が申告にない", en: "清華大学 not disclosed" }] }),
        ],
      },
      "undisclosed_affiliation",
    ],
    [{ members: [] }, "no_members"],
    [{ checks: allSatisfied.slice(1) }, "check_open"],
    [
      { checks: allSatisfied.map((c, i) => (i === 0 ? { ...c, evidenceCount: 0 } : c)) },
      "check_without_evidence",
    ],
    [
      { checks: allSatisfied.map((c, i) => (i === 0 ? { ...c, status: "concern" as const } : c)) },
      "concern_unmitigated",
    ],
  ])("%j blocks with %s", (over, code) => {
    expect(readinessBlockers({ ...clean, ...over }).map((b) => b.code)).toEqual([code]);
  });
  it("a concern is cleared only by a measure in place that addresses it", () => {
    const checks = allSatisfied.map((c) =>
      c.item === "data_sharing" ? { ...c, status: "concern" as const } : c,
    );
    const planned = [{ id: "m", addresses: ["data_sharing"], status: "planned" as const }];
    expect(readinessBlockers({ ...clean, checks, measures: planned }).map((b) => b.code)).toEqual([
      "concern_unmitigated",
    ]);
    const elsewhere = [{ id: "m", addresses: ["funding_sources"], status: "in_place" as const }];
    expect(readinessBlockers({ ...clean, checks, measures: elsewhere }).map((b) => b.code)).toEqual([
      "concern_unmitigated",
    ]);
    expect(
      readinessBlockers({ ...clean, checks, measures: [{ ...planned[0]!, status: "in_place" }] }),
    ).toEqual([]);
  });
  it("every blocker names its subject in both languages (property)", () => {
    fc.assert(
      fc.property(
        fc.option(fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })),
        (due) => {
          const d = due ? due.toISOString().slice(0, 10) : null;
          const blockers = readinessBlockers({
            ...clean,
            members: [member({ pledge: d ? { dueOn: d, givenOn: null } : null })],
          });
          expect(blockers.length).toBe(1);
          for (const b of blockers) {
            expect(b.message.ja).toContain("鈴木");
            expect(b.message.en).toContain("鈴木");
          }
        },
      ),
    );
  });
});

describe("disclosed names become parties", () => {
  it("lists each unlinked name once with its path", () => {
    const provider = (name: string, partyId: string | null = null) => ({ name, partyId });
    const got = unlinkedProviders({
      submittedOn: "2026-01-01",
      career: [
        {
          from: "2010-04-01",
          to: "2015-03-31",
          organisation: "Harbin Institute of Technology",
          position: "講師",
        },
        { from: "2015-04-01", to: null, organisation: "清華大学", position: "客員" },
      ],
      affiliations: [
        {
          kind: "talent_programme",
          organisation: provider("清華大学"),
          position: "",
          from: "2026-01-01",
          to: null,
          effortPercent: 0,
          paid: false,
          confidentiality: false,
        },
        {
          kind: "position",
          organisation: provider("本学", "p1"),
          position: "",
          from: "2026-01-01",
          to: null,
          effortPercent: 0,
          paid: false,
          confidentiality: false,
        },
      ],
      funds: [
        {
          title: "",
          programme: "",
          provider: provider("清華大学"),
          status: "received",
          inERad: false,
          amountJpy: null,
          from: "2026-01-01",
          to: null,
          effortPercent: 0,
          confidentiality: false,
        },
      ],
      nonMonetary: [
        { description: "", provider: provider("Acme"), from: null, confidentiality: false },
        {
          description: "",
          provider: { name: "Li Wei", partyId: null, kind: "person" },
          from: null,
          confidentiality: false,
        },
      ],
      pledge: true,
    });
    // Career employers count too; a person provider is matched as a person; each name once.
    expect(got).toEqual([
      { path: "affiliations.0.organisation", name: "清華大学", kind: "organization" },
      { path: "nonMonetary.0.provider", name: "Acme", kind: "organization" },
      { path: "nonMonetary.1.provider", name: "Li Wei", kind: "person" },
      { path: "career.0.organisation", name: "Harbin Institute of Technology", kind: "organization" },
    ]);
  });
  it.each([
    [[], "created", null],
    [[{ partyId: "a", score: 0.9, sameIdentifier: false, reasons: [] }], "created", null],
    [[{ partyId: "a", score: 0.96, sameIdentifier: false, reasons: [] }], "similar", "a"],
    [[{ partyId: "a", score: 1, sameIdentifier: false, reasons: [] }], "exact", "a"],
    [
      [
        { partyId: "a", score: 1, sameIdentifier: false, reasons: [] },
        { partyId: "b", score: 0.5, sameIdentifier: true, reasons: [] },
      ],
      "identifier",
      "b",
    ],
  ] as const)("%j → %s", (candidates, method, partyId) => {
    const c = chooseDisclosedParty(candidates.map((x) => ({ ...x, reasons: [...x.reasons] })));
    expect(c.method).toBe(method);
    expect(c.partyId).toBe(partyId);
  });
});

describe("csv field", () => {
  it("quotes separators and neutralises formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(null)).toBe("");
  });
});

describe("training requirements", () => {
  it.each([
    [{ requiredModules: [], usFederal: false }, []],
    [{ requiredModules: [], usFederal: true }, [RESEARCH_SECURITY_MODULE]],
    [
      { requiredModules: ["fefta-basics"], usFederal: true, specifiedProgramme: true },
      ["fefta-basics", RESEARCH_SECURITY_MODULE],
    ],
    [{ requiredModules: [RESEARCH_SECURITY_MODULE], usFederal: true }, [RESEARCH_SECURITY_MODULE]],
  ])("%j → %j", (project, slugs) => {
    expect(trainingRequirements(project).map((r) => r.slug)).toEqual(slugs);
  });
  it("says why research-security training is required, with its source, in both languages", () => {
    const [r] = trainingRequirements({ requiredModules: [], usFederal: true });
    expect(r?.why.en).toContain("CHIPS and Science Act §10634");
    expect(r?.why.ja).toContain("研究セキュリティ研修");
    const blockers = readinessBlockers({
      ...clean,
      members: [
        member({
          training: [
            {
              slug: r!.slug,
              title: { ja: "研究インテグリティ", en: "Research integrity" },
              current: false,
              why: r!.why,
            },
          ],
        }),
      ],
    });
    expect(blockers.map((b) => b.code)).toEqual(["training_not_current"]);
    expect(blockers[0]?.message.ja).toContain("有効な修了証");
    expect(blockers[0]?.message.en).toContain("CHIPS");
  });
});
