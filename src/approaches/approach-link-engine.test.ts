import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acronymsOf,
  blockingTokens,
  extractAmounts,
  fuzzyLinks,
  type LinkProfile,
  requestProfile,
  sameRequest,
  shortForm,
  topicsOf,
} from "./approach-link-engine.js";

const report = (id: string, over: Partial<LinkProfile> = {}): LinkProfile => ({
  id,
  senderName: null,
  organisation: null,
  email: null,
  offered: [],
  asked: [],
  text: "",
  ...over,
});

const JA_CAMPAIGN =
  "突然のご連絡失礼いたします。全固体電池の固体電解質に関するご知見を伺いたく、1時間のオンライン面談で謝礼3万円をお支払いします。";
const EN_CAMPAIGN =
  "Sorry for the cold message. We would value your insight into solid-state battery electrolytes; a one-hour call pays JPY 30,000.";

const kinds = (links: Map<string, { kind: string }[]>, id: string) =>
  (links.get(id) ?? []).map((r) => r.kind);

describe("amounts, topics and acronyms", () => {
  it.each([
    ["謝礼3万円", { currency: "JPY", value: 30000 }],
    ["¥30,000 per hour", { currency: "JPY", value: 30000 }],
    ["JPY 30k for the call", { currency: "JPY", value: 30000 }],
    ["３０，０００円", { currency: "JPY", value: 30000 }],
    ["USD 3,000 per consultation", { currency: "USD", value: 3000 }],
    ["$200/hour", { currency: "USD", value: 200 }],
    ["200ドル", { currency: "USD", value: 200 }],
    ["€1.5k", { currency: "EUR", value: 1500 }],
    ["5000元", { currency: "CNY", value: 5000 }],
  ])("reads %s", (text, amount) => {
    expect(extractAmounts(text)).toContainEqual(amount);
  });

  it("finds the same topic in Japanese and English", () => {
    expect(topicsOf(JA_CAMPAIGN)).toContain("solid_state_battery");
    expect(topicsOf(EN_CAMPAIGN)).toContain("solid_state_battery");
    expect(topicsOf("量子コンピュータの開発状況")).toEqual(["quantum"]);
    expect(topicsOf("our quantum computing roadmap")).toEqual(["quantum"]);
    expect(topicsOf("We organise a conference on gardening")).toEqual([]);
  });

  it("knows an organisation's acronym and a short form", () => {
    expect(acronymsOf("Pacific Rim Technology Advisors")).toEqual(["prta"]);
    expect(acronymsOf("Pacific Rim Technology Advisors Co., Ltd.")).toEqual(["prta"]);
    expect(acronymsOf("Institute of Advanced Studies (IAS)")).toContain("ias");
    expect(acronymsOf("Acme Corp")).toEqual([]);
    expect(shortForm("PRTA")).toBe("prta");
    expect(shortForm("P.R.T.A.")).toBe("prta");
    expect(shortForm("Prta Consulting")).toBeNull();
  });
});

describe("links that exact keys miss (issue 14 §5)", () => {
  it("a sender whose name is misspelt by a letter: Michael / Micheal Chen", () => {
    const links = fuzzyLinks(report("new", { senderName: "Micheal Chen" }), [
      report("old", { senderName: "Michael Chen" }),
      report("other", { senderName: "Michelle Tan" }),
    ]);
    expect(kinds(links, "old")).toEqual(["similar_sender"]);
    const r = links.get("old")![0]!;
    expect(r.value).toBe("Micheal Chen ≈ Michael Chen");
    expect(r.detail.ja).toContain("Michael Chen");
    expect(r.detail.en).toContain("Michael Chen");
    expect(links.has("other")).toBe(false);
  });

  it("a sender written in another script: 陳 明 / Chen Ming", () => {
    const links = fuzzyLinks(report("new", { senderName: "Chen Ming" }), [
      report("old", { senderName: "陳 明" }),
    ]);
    expect(kinds(links, "old")).toEqual(["similar_sender"]);
  });

  it("an organisation shortened to its initials, or named by its e-mail domain", () => {
    const full = report("full", { organisation: "Pacific Rim Technology Advisors" });
    const links = fuzzyLinks(report("short", { organisation: "PRTA" }), [full]);
    expect(kinds(links, "full")).toEqual(["organisation_acronym"]);
    expect(links.get("full")![0]!.detail.ja).toContain("PRTA");
    // No organisation typed, but the mail comes from the acronym's domain.
    const byMail = fuzzyLinks(report("mail", { email: "m.chen@prta.org" }), [full]);
    expect(kinds(byMail, "full")).toEqual(["organisation_acronym"]);
  });

  it("the same request reworded in the other language, with no name or e-mail at all", () => {
    const ja = report("ja", { offered: ["fee"], asked: ["information"], text: JA_CAMPAIGN });
    const en = report("en", { offered: ["fee"], asked: ["information"], text: EN_CAMPAIGN });
    const links = fuzzyLinks(en, [ja]);
    expect(kinds(links, "ja")).toEqual(["same_request"]);
    const r = links.get("ja")![0]!;
    expect(r.detail.ja).toContain("全固体電池");
    expect(r.detail.ja).toContain("JPY 30,000");
    expect(r.detail.en).toContain("solid-state batteries");
  });

  describe("precision: unrelated reports are not pulled in", () => {
    const campaign = report("c", {
      senderName: "Michael Chen",
      organisation: "Pacific Rim Technology Advisors",
      email: "michael.chen@prta.org",
      offered: ["fee"],
      asked: ["information"],
      text: JA_CAMPAIGN,
    });
    const unrelated = [
      report("u1", { senderName: "Michelle Chang", organisation: "Pacific Research Trading Associates" }),
      report("u2", {
        senderName: "Sarah Jones",
        offered: ["job"],
        asked: ["introductions"],
        text: "We are hiring battery engineers for our solid-state battery plant, salary ¥30,000,000.",
      }),
      report("u3", {
        offered: ["fee"],
        asked: ["information"],
        text: "A paid one-hour interview on quantum computing roadmaps, USD 300.",
      }),
      report("u4", { organisation: "PRT", email: "info@prt.example" }),
      report("u5", { senderName: "Chen", organisation: "Rim Advisors" }),
      report("u6", { organisation: "Technology Advisors International", text: "conference invitation" }),
    ];
    it.each(unrelated.map((u) => [u.id, u] as const))("%s stays out", (_id, u) => {
      expect(fuzzyLinks(campaign, [u]).size).toBe(0);
      expect(fuzzyLinks(u, [campaign]).size).toBe(0);
    });
  });

  it("offers and asks alone, or a sum alone, never link", () => {
    const a = requestProfile(report("a", { offered: ["fee"], asked: ["information"], text: "謝礼3万円" }));
    const b = requestProfile(report("b", { offered: ["fee"], asked: ["information"], text: "¥30,000" }));
    expect(sameRequest(a, b)).toBeNull();
    const c = requestProfile(
      report("c", { offered: ["fee", "travel"], asked: ["information", "data"], text: "3万円" }),
    );
    const d = requestProfile(
      report("d", { offered: ["fee", "travel"], asked: ["information"], text: "JPY 30,000" }),
    );
    expect(sameRequest(c, d)?.kind).toBe("same_request");
  });

  it("property: links are symmetric in kind", () => {
    const names = ["Michael Chen", "Micheal Chen", "Kevin Lee", "陳 明", "Chen Ming", null];
    const orgs = ["PRTA", "Pacific Rim Technology Advisors", "Talent Bridge", null];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...names),
        fc.constantFrom(...orgs),
        fc.constantFrom(...orgs),
        (n1, n2, o1, o2) => {
          const a = report("a", { senderName: n1, organisation: o1 });
          const b = report("b", { senderName: n2, organisation: o2 });
          expect(kinds(fuzzyLinks(a, [b]), "b").sort()).toEqual(kinds(fuzzyLinks(b, [a]), "a").sort());
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("candidates compared again (issue 11 §6: derived data kept per profile object)", () => {
  it("property: comparing with the same candidate objects again gives what fresh copies give", () => {
    const names = ["Michael Chen", "Micheal Chen", "Kevin Lee", "陳 明", "Chen Ming", " ", null];
    const orgs = ["PRTA", "Pacific Rim Technology Advisors", "P.R.T.A. Ltd.", "Talent Bridge (TB)", null];
    const emails = ["a@prta.example", "b@gmail.com", "x@talentbridge.jp", null];
    const texts = [
      "謝礼3万円 全固体電池",
      "¥30,000 for an interview about solid-state electrolytes",
      "quantum sensors",
      "",
    ];
    const profile = fc.record({
      senderName: fc.constantFrom(...names),
      organisation: fc.constantFrom(...orgs),
      email: fc.constantFrom(...emails),
      offered: fc.subarray(["fee", "travel", "job", "other"]),
      asked: fc.subarray(["information", "data", "samples"]),
      text: fc.constantFrom(...texts),
    });
    const copy = (p: LinkProfile): LinkProfile => ({ ...p, offered: [...p.offered], asked: [...p.asked] });
    const plain = (m: Map<string, unknown>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    fc.assert(
      fc.property(fc.array(profile, { minLength: 2, maxLength: 6 }), (ps) => {
        const all = ps.map((p, i) => ({ id: `r${i}`, ...p }));
        // every report is compared with the earlier ones, as submissions are: candidates are reused
        for (let i = 1; i < all.length; i++) {
          const reused = fuzzyLinks(all[i]!, all.slice(0, i));
          const fresh = fuzzyLinks(copy(all[i]!), all.slice(0, i).map(copy));
          expect(plain(reused)).toEqual(plain(fresh));
        }
        expect(plain(fuzzyLinks(all.at(-1)!, all))).toEqual(
          plain(fuzzyLinks(copy(all.at(-1)!), all.map(copy))),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("blocking tokens (issue 11 §6)", () => {
  const NAMES = [
    "Michael Chen",
    "Micheal Chen",
    "Chen Michael",
    "陳 明",
    "Chen Ming",
    "Kevin Lee",
    "Kevin Li",
    "李 凱文",
    "Anna Petrova",
    "Ana Petrowa",
    "Анна Петрова",
    "Sarah Jones",
  ];
  const ORGS = [
    "Pacific Rim Technology Advisors",
    "PRTA",
    "Pacific Rim Technology Advisers Ltd.",
    "Talent Bridge Consulting",
    "TBC",
    "Global Expert Network (GEN)",
    "GEN",
    "Northwind Recruiting",
    "北京理工大学",
    "北京理工大",
  ];
  const TEXTS = [
    "A one-hour paid call about solid-state battery electrolytes, JPY 30,000.",
    "全固体電池の固体電解質について1時間の面談、謝礼3万円。",
    "Consulting fee USD 2,000 for drawings of gallium nitride wafers.",
    "Paid interview, ¥32,000, about quantum sensors.",
    "We are hiring engineers for a plant in Europe.",
    "",
  ];
  const profileArb = fc.record({
    senderName: fc.option(fc.constantFrom(...NAMES), { nil: null }),
    organisation: fc.option(fc.constantFrom(...ORGS), { nil: null }),
    email: fc.option(fc.constantFrom("x@prta.org", "y@tbc.com", "z@gen.net", "w@gmail.com"), { nil: null }),
    offered: fc.subarray(["fee", "job", "travel"]),
    asked: fc.subarray(["information", "data", "introductions"]),
    text: fc.constantFrom(...TEXTS),
  });

  it("never hide a fuzzy link: comparing only reports that share a token finds every link comparing all finds", () => {
    fc.assert(
      fc.property(profileArb, fc.array(profileArb, { minLength: 1, maxLength: 12 }), (me, rest) => {
        const self = { id: "self", ...me };
        const others = rest.map((o, i) => ({ id: `o${i}`, ...o }));
        const query = new Set(blockingTokens(self).query);
        const blocked = others.filter((o) => blockingTokens(o).publish.some((t) => query.has(t)));
        const all = fuzzyLinks(self, others);
        const viaIndex = fuzzyLinks(self, blocked);
        const view = (m: Map<string, { kind: string; value?: string }[]>) =>
          [...m.entries()]
            .map(([id, rs]) => `${id}:${rs.map((r) => `${r.kind}=${r.value ?? ""}`).join(",")}`)
            .sort();
        expect(view(viaIndex)).toEqual(view(all));
      }),
      { numRuns: 150 },
    );
  });
});
