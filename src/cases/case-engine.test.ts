import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicatorCatalogueFlags } from "../insider/engine/red-flags.js";
import { RED_FLAGS } from "../shared/red-flags.js";
import {
  type CaseContent,
  caseProblems,
  type FlagInfo,
  parseFlagList,
  type RankableCase,
  rankRelated,
} from "./case-engine.js";
import { BUILT_IN_CASES } from "./case-library.js";

// The catalogue as the composition root joins it: shared flags plus the insider engine's indicators.
const catalogue = new Map<string, FlagInfo>(
  [...RED_FLAGS, ...indicatorCatalogueFlags()].map((f) => [f.id, { id: f.id, title: f.title }]),
);

describe("built-in case library", () => {
  it("has the eight cases issue 6 lists and issue 16's disclosure case, each with a unique slug", () => {
    expect(BUILT_IN_CASES).toHaveLength(9);
    expect(new Set(BUILT_IN_CASES.map((c) => c.slug)).size).toBe(9);
  });

  it("is complete in both languages and cites a source for every published case", () => {
    for (const c of BUILT_IN_CASES) {
      expect(caseProblems(c.content, c.status, catalogue), c.slug).toEqual([]);
      if (c.status === "published") {
        expect(c.content.sources.length, c.slug).toBeGreaterThan(0);
        expect(c.content.timeline.length, c.slug).toBeGreaterThan(0);
        expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(c.content.summary.ja), c.slug).toBe(true);
      }
    }
  });

  it("keeps the case whose public record could not be confirmed as a draft with no invented facts", () => {
    const draft = BUILT_IN_CASES.find((c) => c.status === "draft")!;
    expect(draft.slug).toContain("li");
    expect(draft.content.timeline).toEqual([]);
    expect(draft.content.method).toEqual([]);
    expect(draft.content.editorialNote).toBeDefined();
  });

  it("is found again from the insider alert flags it carries ('this resembles …' on an alert)", () => {
    const insiderFlags = new Set(RED_FLAGS.filter((f) => f.module === "insider").map((f) => f.id));
    const published = BUILT_IN_CASES.filter((c) => c.status === "published").map((c) => ({
      id: c.slug,
      slug: c.slug,
      title: c.content.title,
      period: c.content.period,
      redFlags: c.content.redFlags,
    }));
    const tagged = published.filter((c) => c.redFlags.some((f) => insiderFlags.has(f)));
    expect(tagged.map((c) => c.slug).sort()).toEqual([
      "nissha-touch-sensor-2019",
      "sekisui-linkedin-technical-adviser-2018-2020",
    ]);
    for (const c of tagged) {
      for (const f of c.redFlags.filter((x) => insiderFlags.has(x))) {
        expect(
          rankRelated([f], published, 20).map((r) => r.slug),
          f,
        ).toContain(c.slug);
      }
    }
  });

  it("links the LinkedIn 'technical adviser' case to the approach flags a reporter would answer", () => {
    const sekisui = BUILT_IN_CASES.find((c) => c.slug.startsWith("sekisui"))!;
    expect(sekisui.content.redFlags).toEqual(expect.arrayContaining(["A1", "A2", "A5", "A6", "A7"]));
  });
});

describe("case checks", () => {
  const base: CaseContent = {
    title: { ja: "題", en: "Title" },
    period: "2020",
    channels: ["email"],
    sector: { ja: "", en: "" },
    summary: { ja: "概要", en: "Summary" },
    timeline: [],
    method: [{ ja: "手口", en: "Step" }],
    redFlags: ["A1"],
    countermeasures: [{ ja: "対策", en: "Measure" }],
    outcome: { ja: "結果", en: "Outcome" },
    sources: [{ publisher: "NHK", date: "2021-04-20", title: "News", url: "https://example.org/a" }],
  };

  it("accepts a complete case", () => {
    expect(caseProblems(base, "published", catalogue)).toEqual([]);
  });

  it("names every missing or wrong field", () => {
    const bad: CaseContent = {
      ...base,
      title: { ja: "題", en: " " },
      period: "twenty",
      redFlags: ["A1", "A1", "Z-UNKNOWN"],
      sources: [{ publisher: "", date: "April 2021", title: "x", url: "javascript:alert(1)" }],
      method: [],
    };
    expect(caseProblems(bad, "published", catalogue).map((p) => p.path)).toEqual([
      "content.title",
      "content.period",
      "content.redFlags.2",
      "content.redFlags",
      "content.sources.0",
      "content.sources.0.date",
      "content.sources.0.url",
      "content.method",
    ]);
  });

  it("needs a source to publish but not to keep a draft", () => {
    const noSources = { ...base, sources: [] };
    expect(caseProblems(noSources, "published", catalogue).map((p) => p.path)).toEqual(["content.sources"]);
    expect(caseProblems(noSources, "draft", catalogue)).toEqual([]);
  });

  it("accepts insider ids until the insider catalogue is loaded, then only known ones", () => {
    const withInsider = { ...base, redFlags: ["I-NOT-AN-INDICATOR"] };
    const withoutInsider = new Map([...catalogue].filter(([id]) => !id.startsWith("I-")));
    expect(caseProblems(withInsider, "published", withoutInsider)).toEqual([]);
    expect(caseProblems(withInsider, "published", catalogue).map((p) => p.path)).toEqual([
      "content.redFlags.0",
    ]);
    expect(
      caseProblems({ ...base, redFlags: ["I-USB-VOLUME", "I-DEPARTING-EXFIL"] }, "published", catalogue),
    ).toEqual([]);
  });
});

describe("related cases", () => {
  const cases: RankableCase[] = [
    {
      id: "1",
      slug: "a",
      title: { ja: "A", en: "A" },
      period: "2018–2020",
      redFlags: ["A1", "A5", "A6", "A7"],
    },
    { id: "2", slug: "b", title: { ja: "B", en: "B" }, period: "2017–2020", redFlags: ["A1", "A8"] },
    { id: "3", slug: "c", title: { ja: "C", en: "C" }, period: "2025", redFlags: ["R-LIST-HIT"] },
    {
      id: "4",
      slug: "d",
      title: { ja: "D", en: "D" },
      period: "2021",
      redFlags: ["A1", "A5", "A6", "A7", "A9", "A10", "A11"],
    },
  ];

  it("ranks by shared flags, then by how well the case is covered", () => {
    const r = rankRelated(["A1", "A5", "A6", "A7"], cases);
    expect(r.map((c) => c.slug)).toEqual(["a", "d", "b"]);
    expect(r[0]!.sharedFlags).toEqual(["A1", "A5", "A6", "A7"]);
    expect(r[0]!.score).toBe(1);
    expect(rankRelated(["R-LIST-HIT"], cases).map((c) => c.slug)).toEqual(["c"]);
    expect(rankRelated([], cases)).toEqual([]);
    expect(rankRelated(["NOPE"], cases)).toEqual([]);
  });

  it("only returns cases that share a flag, never more than the limit (property)", () => {
    const flag = fc.constantFrom("A1", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "R-LIST-HIT", "X");
    fc.assert(
      fc.property(fc.array(flag, { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (q, limit) => {
        const r = rankRelated(q, cases, limit);
        expect(r.length).toBeLessThanOrEqual(limit);
        for (const c of r) {
          expect(c.overlap).toBeGreaterThan(0);
          expect(c.sharedFlags.every((f) => (q as string[]).includes(f))).toBe(true);
        }
        for (let i = 1; i < r.length; i++) expect(r[i - 1]!.overlap).toBeGreaterThanOrEqual(r[i]!.overlap);
      }),
    );
  });

  it("parses the flags query parameter safely", () => {
    expect(parseFlagList(" a1, R-LIST-HIT,,A1,<script>")).toEqual(["A1", "R-LIST-HIT"]);
    expect(parseFlagList(undefined)).toEqual([]);
  });
});
