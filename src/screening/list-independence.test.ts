/**
 * "Every list's hit survives": an entity that is a match (score ≥ threshold) when its list is
 * screened alone must still be returned, with the same score, when other lists are active too.
 * Issue 10 §1: with the UN list alone 朝鮮鉱業開発貿易会社 found UN KPe.001; with the METI End User
 * List beside it, the exact kanji name on METI crowded the UN entry out of candidate selection.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMatchingIndex } from "./engine/index.js";
import { readListFile } from "./importers/index.js";
import type { ListEntity, ScreeningHit } from "./screening-contract.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

function indexOf(lists: ListEntity[][]) {
  const index = createMatchingIndex();
  let n = 0;
  for (const list of lists) for (const e of list) index.add(e, `${e.source}:${e.sourceId}:${n++}`);
  index.build();
  return index;
}

const key = (h: ScreeningHit) => `${h.source}\u0001${h.sourceId}`;

async function load(file: string, format: string, source: string): Promise<ListEntity[]> {
  const out: ListEntity[] = [];
  for await (const e of readListFile(path.join(fixtures, file), format, { source })) out.push(e);
  return out;
}

describe("regression: 朝鮮鉱業開発貿易会社 with the UN list and the METI End User List (real importers)", () => {
  it("returns UN KPe.001 (and METI's KOMID) when both lists are active, for the kanji and the Hangul name", async () => {
    const un = await load("un-komid.xml", "un_xml", "un");
    const meti = await load("meti-eul-komid.csv", "meti_eul_csv", "meti_eul");
    expect(un.map((e) => e.sourceId)).toContain("KPe.001");
    const alone = indexOf([un]);
    const both = indexOf([un, meti]);
    const metiFirst = indexOf([meti, un]);
    for (const q of ["朝鮮鉱業開発貿易会社", "조선광업개발무역회사"]) {
      const soloHit = alone.match({ name: q }, { limit: 10 }).find((h) => h.sourceId === "KPe.001");
      expect(soloHit?.match, `${q} alone`).toBe(true);
      for (const index of [both, metiFirst]) {
        // the default limit of the search page and of a party run: the UN entry is among the hits
        const hits = index.match({ name: q }, { limit: 5 });
        const unHit = hits.find((h) => h.source === "un" && h.sourceId === "KPe.001");
        expect(unHit, `${q}: ${hits.map((h) => `${h.source}:${h.sourceId}`).join(", ")}`).toBeDefined();
        expect(unHit!.match).toBe(true);
        expect(unHit!.score).toBe(soloHit!.score);
        expect(
          hits.some((h) => h.source === "meti_eul" && h.name.startsWith("Korea Mining Development")),
        ).toBe(true);
      }
    }
  });
});

// ── property over random list combinations ─────────────────────────────────────────────────────

/** Words with their kanji, Hangul and English renderings (as North Korean trading firms are named). */
const CONCEPTS: { ja: string; ko: string; en: string }[] = [
  { ja: "朝鮮", ko: "조선", en: "KOREA" },
  { ja: "鉱業", ko: "광업", en: "MINING" },
  { ja: "開発", ko: "개발", en: "DEVELOPMENT" },
  { ja: "貿易", ko: "무역", en: "TRADING" },
  { ja: "会社", ko: "회사", en: "CORPORATION" },
  { ja: "大成", ko: "대성", en: "DAESONG" },
  { ja: "光星", ko: "광성", en: "KWANGSONG" },
  { ja: "銀行", ko: "은행", en: "BANK" },
  { ja: "技術", ko: "기술", en: "TECHNOLOGY" },
  { ja: "東洋", ko: "동양", en: "DONGYANG" },
  { ja: "連峰", ko: "련봉", en: "RYONBONG" },
  { ja: "総", ko: "총", en: "GENERAL" },
];
const PEOPLE = ["KIM", "RI", "PAK", "JONG", "CHOL", "YONG", "SU", "IL", "HAN", "SONG"];

type Script = "ja" | "ko" | "en";
const render = (words: number[], script: Script) =>
  script === "en"
    ? words.map((w) => CONCEPTS[w]!.en).join(" ")
    : words.map((w) => CONCEPTS[w]![script]).join("");

const orgName = fc.record({
  words: fc.array(fc.integer({ min: 0, max: CONCEPTS.length - 1 }), { minLength: 1, maxLength: 5 }),
  scripts: fc.subarray<Script>(["ja", "ko", "en"], { minLength: 1 }),
});
const personName = fc.array(fc.constantFrom(...PEOPLE), { minLength: 2, maxLength: 3 });
const entitySpec = fc.oneof(
  { weight: 4, arbitrary: orgName.map((o) => ({ kind: "org" as const, ...o })) },
  { weight: 1, arbitrary: personName.map((p) => ({ kind: "person" as const, parts: p })) },
);
const listsSpec = fc.array(fc.array(entitySpec, { minLength: 1, maxLength: 14 }), {
  minLength: 2,
  maxLength: 4,
});
const querySpec = fc.oneof(
  orgName.chain((o) => fc.constantFrom(...o.scripts).map((s) => render(o.words, s))),
  personName.map((p) => p.join(" ")),
);

function buildLists(
  spec: ({ kind: "org"; words: number[]; scripts: Script[] } | { kind: "person"; parts: string[] })[][],
): ListEntity[][] {
  return spec.map((list, li) =>
    list.map((e, ei) => {
      const names = e.kind === "org" ? e.scripts.map((s) => render(e.words, s)) : [e.parts.join(" ")];
      return {
        source: `list${li}`,
        sourceId: `L${li}-${ei}`,
        schema: e.kind === "org" ? ("Organization" as const) : ("Person" as const),
        names: [...new Set(names)].map((name, i) => ({
          name,
          kind: i === 0 ? ("primary" as const) : ("alias" as const),
        })),
        countries: [],
        birthDates: [],
        identifiers: [],
        programs: [],
      };
    }),
  );
}

describe("property: a list's matches do not depend on which other lists are active", () => {
  it("every match of a list screened alone is returned with the same score in any combination of lists", () => {
    fc.assert(
      fc.property(
        listsSpec,
        fc.array(querySpec, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (spec, queries, pick) => {
          const lists = buildLists(spec);
          // a random combination of the lists (at least two) in random order
          const chosen = lists.filter((_, i) => pick[i] || i < 2);
          if (pick[3]) chosen.reverse();
          const combined = indexOf(chosen);
          for (const list of chosen) {
            const alone = indexOf([list]);
            for (const name of queries) {
              const soloMatches = alone.match({ name }, { limit: 3 }).filter((h) => h.match);
              const all = new Map(combined.match({ name }, { limit: 3 }).map((h) => [key(h), h]));
              for (const h of soloMatches) {
                const got = all.get(key(h));
                expect(got, `${name}: ${h.source}:${h.sourceId} (${h.score}) missing`).toBeDefined();
                expect(got!.score).toBe(h.score);
                expect(got!.match).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
