import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Appearance,
  consistencyFindings,
  type DisclosedItem,
  disclosedItems,
  normaliseOrgName,
  type OrgRef,
  sameOrg,
} from "./consistency-engine.js";

const org = (name: string, partyId: string | null = null, names: string[] = []): OrgRef => ({
  partyId,
  name,
  names,
});
const item = (
  o: OrgRef,
  section: DisclosedItem["section"] = "affiliation",
  ongoing = true,
): DisclosedItem => ({
  org: o,
  section,
  ongoing,
  label: o.name,
});
const seen = (o: OrgRef, source: Appearance["source"] = "project_appointment"): Appearance => ({
  org: o,
  source,
  where: { ja: `研究プロジェクト #1 (${source})`, en: `Research project #1 (${source})` },
  link: "/projects/p1",
});
const latest = (items: DisclosedItem[]) => ({ submittedOn: "2026-03-01", items });
const none = { previous: null, reportedApproaches: [], projectPartners: [] };

describe("names", () => {
  it.each([
    ["清華大学", "清華大学", true],
    ["Tsinghua University", "tsinghua  university", true],
    ["Tsinghua University", "Tsinghua-University.", true],
    ["ＡＢＣ株式会社", "ABC株式会社", true],
    ["Tsinghua University", "Peking University", false],
  ])("%s ~ %s → %s", (a, b, same) => {
    expect(normaliseOrgName(a) === normaliseOrgName(b)).toBe(same);
  });
  it("the same party id is the same organisation whatever its name; other names of the party count", () => {
    expect(sameOrg(org("清華大学", "t"), org("Tsinghua University", "t"))).toBe(true);
    expect(sameOrg(org("清華大学"), org("Tsinghua University", "t", ["清華大学"]))).toBe(true);
    expect(sameOrg(org("清華大学", "a"), org("Tsinghua University", "b"))).toBe(false);
  });
});

describe("undisclosed affiliation", () => {
  it.each([
    ["project appointment not disclosed", [], [seen(org("清華大学", "t"))], 1],
    ["disclosed as affiliation", [item(org("清華大学", "t"))], [seen(org("清華大学", "t"))], 0],
    ["disclosed as fund, matched by name", [item(org("清華大学"), "fund")], [seen(org("清華大学", "t"))], 0],
    [
      "disclosed under another script of the same party",
      [item(org("清華大学", "t"))],
      [seen(org("Tsinghua University", "t"), "outside_post_review")],
      0,
    ],
    [
      "two appearances of one organisation: one finding with both pieces of evidence",
      [],
      [seen(org("Acme", "a"), "project_funder"), seen(org("ACME", null), "outside_post_review")],
      1,
    ],
    ["two organisations", [], [seen(org("A", "a")), seen(org("B", "b"), "approach_sender")], 2],
  ] as const)("%s", (_, items, appearances, count) => {
    const got = consistencyFindings({ latest: latest([...items]), appearances: [...appearances], ...none });
    expect(got.filter((f) => f.flag === "P-UNDISCLOSED-AFFILIATION")).toHaveLength(count);
    for (const f of got) {
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.message.ja).toContain(f.org.name);
      expect(f.message.en).toContain(f.org.name);
    }
  });
  it("keeps every piece of evidence with its link", () => {
    const [f] = consistencyFindings({
      latest: latest([]),
      appearances: [seen(org("Acme", "a"), "project_funder"), seen(org("ACME"), "outside_post_review")],
      ...none,
    });
    expect(f?.evidence).toHaveLength(2);
    expect(f?.evidence[0]?.link).toBe("/projects/p1");
    expect(f?.message.ja).toContain("研究プロジェクトの資金提供者・兼業の審査");
  });
  it("no disclosure yet: nothing (the missing disclosure is its own flag)", () => {
    expect(consistencyFindings({ latest: null, appearances: [seen(org("A", "a"))], ...none })).toEqual([]);
  });
  it("the institution itself is never asked to be disclosed", () => {
    expect(
      consistencyFindings({
        latest: latest([]),
        appearances: [seen(org("本学", "own"), "project_affiliation")],
        ownOrganisation: [org("本学", "own")],
        ...none,
      }),
    ).toEqual([]);
  });
});

describe("dropped and approach connections", () => {
  it("an ongoing item gone from the next disclosure without an end date is flagged; an ended one is not", () => {
    const got = consistencyFindings({
      latest: latest([item(org("B", "b"))]),
      previous: {
        submittedOn: "2025-03-01",
        items: [item(org("A", "a")), item(org("B", "b")), item(org("C", "c"), "fund", false)],
      },
      appearances: [],
      reportedApproaches: [],
      projectPartners: [],
    });
    expect(got.map((f) => [f.flag, f.org.name])).toEqual([["P-DISCLOSURE-DROPPED", "A"]]);
  });
  it("an organisation that approached the researcher and is now a project partner", () => {
    const got = consistencyFindings({
      latest: latest([]),
      previous: null,
      appearances: [],
      reportedApproaches: [
        {
          org: org("Talent Co", "x"),
          where: { ja: "接触報告 #4", en: "Approach report #4" },
          link: "/approaches/4",
        },
      ],
      projectPartners: [
        {
          org: org("Talent Co", "x"),
          where: { ja: "研究プロジェクト #2", en: "Research project #2" },
          link: "/projects/2",
        },
      ],
    });
    expect(got.map((f) => f.flag)).toEqual(["P-APPROACH-CONNECTION"]);
    expect(got[0]?.evidence.map((e) => e.link)).toEqual(["/approaches/4", "/projects/2"]);
  });
});

describe("disclosed items", () => {
  it("uses the party a free-text name was matched to, and the party's other names", () => {
    const items = disclosedItems(
      {
        submittedOn: "2026-03-01",
        career: [{ organisation: "Old Lab", position: "PD", to: "2020-03-31" }],
        affiliations: [{ organisation: { name: "清華大学", partyId: null }, position: "客員", to: null }],
        funds: [{ title: "Grant", provider: { name: "Fund", partyId: "f" }, to: "2025-12-31" }],
        nonMonetary: [],
      },
      new Map([["affiliations.0.organisation", "t"]]),
      (id) => (id === "t" ? ["Tsinghua University"] : []),
    );
    expect(items.map((i) => [i.section, i.org.partyId, i.ongoing])).toEqual([
      ["affiliation", "t", true],
      ["fund", "f", false],
      ["career", null, false],
    ]);
    expect(sameOrg(items[0]!.org, org("Tsinghua University"))).toBe(true);
  });
});

const orgArb = fc.record({
  partyId: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: null }),
  name: fc.constantFrom("Acme", "清華大学", "Tsinghua University", "Beta Lab", "ガンマ研究所"),
  country: fc.option(fc.constantFrom("CN", "JP", "US", "KP", "RU"), { nil: null }),
});
const appearanceArb = fc.record({
  org: orgArb,
  source: fc.constantFrom(
    "project_appointment",
    "project_affiliation",
    "project_funder",
    "outside_post_review",
    "approach_sender",
  ) as fc.Arbitrary<Appearance["source"]>,
  where: fc.constant({ ja: "記録", en: "record" }),
  link: fc.constant(null),
});
const itemArb = fc.record({
  org: orgArb,
  section: fc.constantFrom("affiliation", "fund", "non_monetary", "career") as fc.Arbitrary<
    DisclosedItem["section"]
  >,
  ongoing: fc.boolean(),
  label: fc.constant("x"),
});

describe("properties", () => {
  it("disclosing an organisation removes its undisclosed-affiliation flag", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 5 }),
        fc.array(appearanceArb, { minLength: 1, maxLength: 6 }),
        (items, apps) => {
          const target = apps[0]!.org;
          const after = consistencyFindings({
            latest: latest([...items, item(target)]),
            appearances: apps,
            ...none,
          });
          expect(after.some((f) => f.flag === "P-UNDISCLOSED-AFFILIATION" && sameOrg(f.org, target))).toBe(
            false,
          );
        },
      ),
    );
  });
  it("every appearance is either disclosed or carried as evidence of a flag", () => {
    // References consistent with each other (a name always has the same party or none), as in the ledger.
    const ID: Record<string, string> = {
      Acme: "a",
      清華大学: "t",
      "Tsinghua University": "t2",
      "Beta Lab": "b",
    };
    const consistent = <T extends { org: OrgRef }>([x, linked]: [T, boolean]): T => ({
      ...x,
      org: { ...x.org, partyId: linked ? (ID[x.org.name] ?? null) : null },
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(itemArb, fc.boolean()), { maxLength: 5 }),
        fc.array(fc.tuple(appearanceArb, fc.boolean()), { maxLength: 6 }),
        (rawItems, rawApps) => {
          const items = rawItems.map(consistent);
          const apps = rawApps.map(consistent);
          const got = consistencyFindings({ latest: latest(items), appearances: apps, ...none });
          const flagged = got.filter((f) => f.flag === "P-UNDISCLOSED-AFFILIATION");
          const evidenceCount = flagged.reduce((s, f) => s + f.evidence.length, 0);
          const undisclosed = apps.filter((a) => !items.some((i) => sameOrg(i.org, a.org)));
          expect(evidenceCount).toBe(undisclosed.length);
        },
      ),
    );
  });
  it("countries (and so nationality or origin) never change the outcome", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 5 }),
        fc.array(appearanceArb, { maxLength: 6 }),
        fc.constantFrom("CN", "JP", "US", "KP", null),
        (items, apps, country) => {
          const strip = <T extends { org: OrgRef }>(xs: T[]) =>
            xs.map((x) => ({ ...x, org: { ...x.org, country } }));
          const a = consistencyFindings({ latest: latest(items), appearances: apps, ...none });
          const b = consistencyFindings({ latest: latest(strip(items)), appearances: strip(apps), ...none });
          expect(b.map((f) => [f.flag, f.org.name, f.evidence.length])).toEqual(
            a.map((f) => [f.flag, f.org.name, f.evidence.length]),
          );
        },
      ),
    );
  });
});
