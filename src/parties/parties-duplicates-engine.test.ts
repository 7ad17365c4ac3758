import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createPartyIndex,
  type DirectoryParty,
  findDuplicates,
  identifierDuplicates,
  type PartyCandidate,
} from "./parties-duplicates-engine.js";

const person = (id: string, names: string[], over: Partial<DirectoryParty> = {}): DirectoryParty => ({
  id,
  kind: "person",
  names: names.map((name) => ({ name })),
  country: null,
  birthDate: null,
  identifiers: [],
  ...over,
});
const org = (id: string, names: string[], over: Partial<DirectoryParty> = {}): DirectoryParty => ({
  ...person(id, names, over),
  kind: "organization",
});

const DIRECTORY: DirectoryParty[] = [
  person("p-wang", ["王 偉"], { country: "CN" }),
  person("p-kevin", ["Kevin Lee"], { birthDate: "1988-02-03" }),
  person("p-karen", ["Karen Lee"]),
  person("p-kevin-li", ["Kevin Li"]),
  person("p-yamada", ["山田 太郎", "YAMADA Taro"], { birthDate: "1985-04-12" }),
  org("o-harbin", ["Harbin Institute of Technology", "哈尔滨工业大学"], { country: "CN" }),
  org("o-toshiba", ["株式会社東芝", "Toshiba Corporation"], {
    identifiers: [{ scheme: "corporate_number", value: "4010401044997" }],
  }),
  org("o-lee", ["Lee Kevin Trading"]),
];
const byId = new Map(DIRECTORY.map((p) => [p.id, p]));
const index = createPartyIndex(DIRECTORY);

const dupes = (c: PartyCandidate) =>
  findDuplicates(c, [{ index }], (id) => byId.get(id)).map((d) => d.partyId);

const cand = (kind: PartyCandidate["kind"], names: string[], over: Partial<PartyCandidate> = {}) => ({
  kind,
  names: names.map((name) => ({ name })),
  country: null,
  birthDate: null,
  identifiers: [],
  ...over,
});

describe("likely duplicates (screening engine over the directory)", () => {
  it.each([
    ["王 偉 entered again", cand("person", ["王 偉"]), "p-wang"],
    ["王偉 without the space", cand("person", ["王偉"]), "p-wang"],
    ["Wang Wei: the romanised name of 王 偉", cand("person", ["Wang Wei"]), "p-wang"],
    ["LEE Kevin: family name first", cand("person", ["LEE Kevin"]), "p-kevin"],
    ["KEVIN LEE in capitals", cand("person", ["KEVIN LEE"]), "p-kevin"],
    ["哈尔滨工业大学 in Chinese", cand("organization", ["哈尔滨工业大学"]), "o-harbin"],
    ["Taro Yamada, the Japanese person in Latin order", cand("person", ["Taro Yamada"]), "p-yamada"],
  ])("%s", (_label, candidate, expected) => {
    expect(dupes(candidate)[0]).toBe(expected);
  });

  it("explains each suggestion in both languages", () => {
    const [d] = findDuplicates(cand("person", ["LEE Kevin"]), [{ index }], (id) => byId.get(id));
    expect(d!.reasons[0]!.ja).toContain("Kevin Lee");
    expect(d!.reasons[0]!.en).toContain("Kevin Lee");
    expect(d!.score).toBeGreaterThanOrEqual(0.85);
  });

  it("does not suggest different people or the other kind of party", () => {
    // Karen Lee and Kevin Li are other people; the organisation "Lee Kevin Trading" is not a person.
    expect(dupes(cand("person", ["Kevin Lee"]))).toEqual(["p-kevin"]);
    expect(dupes(cand("person", ["Maria Schmidt"]))).toEqual([]);
    // Same name, different date of birth: a namesake, not a duplicate.
    expect(dupes(cand("person", ["Kevin Lee"], { birthDate: "1990-01-01" }))).toEqual([]);
    expect(dupes(cand("person", ["Kevin Lee"], { birthDate: "1988-02-03" }))).toEqual(["p-kevin"]);
    expect(dupes(cand("organization", ["Kevin Lee"]))).not.toContain("p-kevin");
  });

  it("never suggests the party being edited, and skips ids a later index holds", () => {
    expect(dupes({ ...cand("person", ["王 偉"]), id: "p-wang" })).toEqual([]);
    const renamed = person("p-wang", ["Zhang San"]);
    const delta = createPartyIndex([renamed]);
    const lookup = (id: string) => (id === "p-wang" ? renamed : byId.get(id));
    const found = findDuplicates(
      cand("person", ["王 偉"]),
      [{ index, skip: new Set(["p-wang"]) }, { index: delta }],
      lookup,
    );
    expect(found).toEqual([]);
  });

  it("a shared identifier is a certain duplicate whatever the names", () => {
    const c = cand("organization", ["TOSHIBA CORP."], {
      identifiers: [{ scheme: "corporate_number", value: "4010401044997" }],
    });
    const found = identifierDuplicates(c, DIRECTORY);
    expect(found.map((d) => [d.partyId, d.sameIdentifier, d.score])).toEqual([["o-toshiba", true, 1]]);
    expect(found[0]!.reasons[0]!.ja).toContain("4010401044997");
    // An e-mail address is not an identifier of the party.
    expect(
      identifierDuplicates(
        cand("organization", ["X"], { identifiers: [{ scheme: "email", value: "a@b.jp" }] }),
        [org("o-x", ["Y"], { identifiers: [{ scheme: "email", value: "a@b.jp" }] })],
      ),
    ).toEqual([]);
  });

  it("property: a party entered again under exactly the same names is always found", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIRECTORY), (p) => {
        const found = dupes({
          kind: p.kind,
          names: p.names,
          country: p.country,
          birthDate: p.birthDate,
          identifiers: [],
        });
        expect(found).toContain(p.id);
      }),
    );
  });
});
