import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSearchText,
  detectScript,
  foldForSearch,
  identifierProblem,
  isValidCorporateNumber,
  isValidLei,
  isValidOrcid,
  type PartySnapshot,
  type PartyUsage,
  partyEditDecision,
  planMerge,
  snapshotChanges,
} from "./parties-engine.js";

describe("identifier checks", () => {
  it("accepts real corporate numbers and rejects a wrong check digit", () => {
    // Published 法人番号 of the National Tax Agency (国税庁) and Toyota Motor Corporation.
    expect(isValidCorporateNumber("7000012050002")).toBe(true);
    expect(isValidCorporateNumber("1180301018771")).toBe(true);
    expect(isValidCorporateNumber("1000012050002")).toBe(false);
    expect(isValidCorporateNumber("700001205000")).toBe(false);
  });

  it("checks ORCID iDs including the X check character", () => {
    expect(isValidOrcid("0000-0002-1825-0097")).toBe(true);
    expect(isValidOrcid("0000-0002-1694-233X")).toBe(true);
    expect(isValidOrcid("0000-0002-1825-0098")).toBe(false);
    expect(isValidOrcid("0000000218250097")).toBe(false);
  });

  it("checks LEIs", () => {
    expect(isValidLei("5493001KJTIIGC8Y1R12")).toBe(true);
    expect(isValidLei("5493001KJTIIGC8Y1R13")).toBe(false);
  });

  it("explains problems in both languages", () => {
    expect(identifierProblem("duns", "12")).toEqual({
      ja: "DUNS番号は9桁です",
      en: "DUNS number must be 9 digits",
    });
    expect(identifierProblem("other", "anything")).toBeUndefined();
  });
});

describe("scripts and folding", () => {
  it("detects scripts", () => {
    expect(detectScript("株式会社東芝")).toBe("Han");
    expect(detectScript("ハルビン工業大学")).toBe("Japanese");
    expect(detectScript("김정은")).toBe("Hangul");
    expect(detectScript("Владимир Путин")).toBe("Cyrillic");
    expect(detectScript("ACME Inc.")).toBe("Latin");
    expect(detectScript("中国 CRRC")).toBe("Han");
  });

  it("folds width, case and kana", () => {
    expect(foldForSearch("ＡＢＣ　株式会社")).toBe("abc 株式会社");
    expect(foldForSearch("ひらがな")).toBe("ヒラガナ");
    expect(foldForSearch("ｶﾀｶﾅ")).toBe("カタカナ");
  });

  it("folding is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
      }),
    );
  });

  it("search text holds every name once", () => {
    expect(buildSearchText(["Acme", "ACME", "アクメ"], [{ value: "123" }])).toBe("acme | アクメ | 123");
  });
});

const unused: PartyUsage = { submittedReviews: 0, othersDraftReviews: 0, people: 0, approachReports: 0 };
const applicant = { id: "u-app", roles: ["applicant"] };
const secretariat = { id: "u-sec", roles: ["secretariat"] };
const officer = { id: "u-off", roles: ["unit_officer"] };

describe("who may change a party (issue 11 §3)", () => {
  const mine = { createdBy: "u-app", mergedInto: null };
  const theirs = { createdBy: "u-other", mergedInto: null };

  it("only the secretariat changes a party a submitted review uses, and must give a reason", () => {
    const used = { ...unused, submittedReviews: 1 };
    for (const actor of [applicant, officer, { id: "u-adm", roles: ["admin", "approver"] }]) {
      const d = partyEditDecision(actor, mine, used);
      expect(d.allowed, actor.roles.join()).toBe(false);
      if (!d.allowed) {
        expect(d.code).toBe("party_locked");
        expect(d.message.ja).toContain("事務局");
        expect(d.message.en).toContain("secretariat");
      }
    }
    expect(partyEditDecision(secretariat, theirs, used)).toEqual({ allowed: true, reasonRequired: true });
    expect(partyEditDecision(secretariat, theirs, unused)).toEqual({ allowed: true, reasonRequired: false });
  });

  it("an applicant changes only what they registered and nobody else relies on", () => {
    expect(partyEditDecision(applicant, mine, unused).allowed).toBe(true);
    expect(partyEditDecision(applicant, theirs, unused)).toMatchObject({
      allowed: false,
      code: "party_not_yours",
    });
    for (const k of ["othersDraftReviews", "people", "approachReports"] as const)
      expect(partyEditDecision(applicant, mine, { ...unused, [k]: 1 })).toMatchObject({
        allowed: false,
        code: "party_in_use",
      });
    expect(partyEditDecision(officer, theirs, { ...unused, people: 2 }).allowed).toBe(true);
  });

  it("a merged party is read-only for everyone", () => {
    expect(partyEditDecision(secretariat, { createdBy: null, mergedInto: "x" }, unused)).toMatchObject({
      allowed: false,
      code: "party_merged",
    });
  });

  it("property: without the secretariat role, a submitted review's party is never editable", () => {
    const roles = fc.subarray(["applicant", "unit_officer", "approver", "auditor", "admin"]);
    fc.assert(
      fc.property(roles, fc.nat(5), fc.boolean(), (r, extra, own) => {
        const d = partyEditDecision(
          { id: "u", roles: r },
          { createdBy: own ? "u" : "v", mergedInto: null },
          { ...unused, submittedReviews: 1 + extra },
        );
        expect(d.allowed).toBe(false);
      }),
    );
  });
});

const snap = (over: Partial<PartySnapshot & { id: string }> = {}): PartySnapshot & { id: string } => ({
  id: "a",
  kind: "person",
  primaryName: "王 偉",
  names: [{ name: "王 偉", kind: "primary", lang: null, script: "Han" }],
  country: "CN",
  birthDate: null,
  website: null,
  notes: null,
  tags: ["visitor"],
  identifiers: [],
  archived: false,
  mergedInto: null,
  ...over,
});

describe("merging duplicates", () => {
  it("keeps the survivor's names and details and gains the duplicate's", () => {
    const plan = planMerge(
      snap(),
      snap({
        id: "b",
        primaryName: "Wang Wei",
        names: [
          { name: "Wang Wei", kind: "primary", lang: "en", script: "Latin" },
          { name: "王　偉", kind: "alias", lang: null, script: "Han" },
        ],
        birthDate: "1980-05-06",
        tags: ["researcher"],
        identifiers: [{ scheme: "passport", value: "E1234567" }],
        notes: "来日時の記録",
      }),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.merged.primaryName).toBe("王 偉");
    expect(plan.merged.names).toEqual([
      { name: "王 偉", kind: "primary", lang: null },
      { name: "Wang Wei", kind: "alias", lang: "en" },
    ]);
    expect(plan.merged.birthDate).toBe("1980-05-06");
    expect(plan.merged.tags).toEqual(["researcher", "visitor"]);
    expect(plan.merged.identifiers).toEqual([{ scheme: "passport", value: "E1234567" }]);
    expect(plan.merged.notes).toContain("来日時の記録");
  });

  it("refuses what cannot be one party, saying why in both languages", () => {
    const cases: [Partial<PartySnapshot>, Partial<PartySnapshot>, RegExp][] = [
      [{}, { kind: "organization" }, /組織と個人/],
      [{ birthDate: "1980-01-01" }, { birthDate: "1981-01-01" }, /生年月日/],
      [
        { identifiers: [{ scheme: "orcid", value: "0000-0002-1825-0097" }] },
        { identifiers: [{ scheme: "orcid", value: "0000-0002-1694-233X" }] },
        /識別番号/,
      ],
      [{}, { mergedInto: "c" }, /統合済み/],
    ];
    for (const [a, b, why] of cases) {
      const plan = planMerge(snap(a), snap({ id: "b", ...b }));
      expect(plan.ok).toBe(false);
      if (!plan.ok) {
        expect(plan.problems.map((p) => p.ja).join(" ")).toMatch(why);
        expect(plan.problems.every((p) => p.en.length > 0)).toBe(true);
      }
    }
    expect(planMerge(snap(), snap()).ok).toBe(false);
  });

  it("notes the values it had to choose between", () => {
    const plan = planMerge(snap(), snap({ id: "b", country: "TW" }));
    expect(plan.ok && plan.notes.map((n) => n.en)).toEqual([
      "The countries differed; kept CN (duplicate had TW)",
    ]);
  });
});

describe("version changes", () => {
  it("lists the fields that differ between two versions", () => {
    const a = snap();
    const b = snap({ primaryName: "王 伟", birthDate: "1980-05-06" });
    expect(snapshotChanges(a, b).map((c) => c.field)).toEqual(["primaryName", "birthDate"]);
    expect(snapshotChanges(null, a).map((c) => c.field)).toContain("primaryName");
    expect(snapshotChanges(a, a)).toEqual([]);
  });
});
