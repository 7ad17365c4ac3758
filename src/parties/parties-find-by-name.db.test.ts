import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { foldForSearch } from "./parties-engine.js";
import { createPartiesRepo } from "./parties-repo.js";
import type { Party } from "./parties-service.js";

/**
 * Issue 11 §6: approach reports' background job looks up each named sender and organisation by
 * folded name. `findByName` must find what the directory search followed by an exact check found,
 * without scoring and counting every party.
 */
let t: TestApp;
const actor = systemActor("find-by-name-test");

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** What approach reports did before: the fuzzy directory search, then the first exact fold. */
async function byFuzzySearch(kind: "person" | "organization", name: string): Promise<Party | undefined> {
  const folded = foldForSearch(name);
  const found = await t.services.parties.list({ q: name, kind, page: 1, pageSize: 10_000 });
  return found.items.find((p) => p.names.some((n) => foldForSearch(n.name) === folded));
}

const find = (kind: "person" | "organization", name: string) =>
  t.services.db.transaction().execute((tx) => t.services.parties.findByName(tx, kind, name));

// Few base names with spellings that fold alike (case, width, kana, punctuation) or nearly alike
// (a longer name containing one, another word order), so that matches, near misses and ties occur.
const BASES = [
  "Kenji Sato",
  "Sato Kenji",
  "Kenji Sato 1",
  "Acme 100% Ltd",
  "さくら精密",
  "軍需工業部",
  "a_b",
];
const spelling = fc.tuple(fc.constantFrom(...BASES), fc.integer({ min: 0, max: 4 })).map(([b, v]) => {
  switch (v) {
    case 1:
      return b.toUpperCase();
    case 2:
      return b
        .normalize("NFKC")
        .replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 3:
      return `${b.replace(/ /g, ", ")}.`;
    case 4:
      return b.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
    default:
      return b;
  }
});
const partyArb = fc.record({
  kind: fc.constantFrom("person" as const, "organization" as const),
  names: fc.array(spelling, { minLength: 1, maxLength: 3 }),
  identifier: fc.option(spelling, { nil: undefined }),
  archived: fc.boolean(),
});

describe("findByName", () => {
  it("finds the party the fuzzy search and exact check found, on any directory (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(partyArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("person" as const, "organization" as const),
        spelling,
        async (added, kind, name) => {
          for (const p of added) {
            const party = await t.services.parties.create(actor, {
              kind: p.kind,
              names: [...new Set(p.names)].map((n) => ({ name: n })),
              identifiers: p.identifier ? [{ scheme: "other", value: p.identifier }] : [],
            });
            if (p.archived) await t.services.parties.setArchived(actor, party.id, true);
          }
          const expected = await byFuzzySearch(kind, name);
          const got = await find(kind, name);
          expect(got?.id).toBe(expected?.id);
          if (got) expect(got).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("finds the same name however many newer parties resemble it (the search's first page did not)", async () => {
    const old = await t.services.parties.create(actor, { kind: "person", names: [{ name: "Ichiro Paged" }] });
    for (let i = 0; i < 30; i++) {
      await t.services.parties.create(actor, { kind: "person", names: [{ name: `Ichiro Paged ${i}` }] });
    }
    const firstPage = await t.services.parties.list({
      q: "ICHIRO PAGED",
      kind: "person",
      page: 1,
      pageSize: 25,
    });
    expect(firstPage.items.map((p) => p.id)).not.toContain(old.id);
    expect((await find("person", "ICHIRO PAGED"))?.id).toBe(old.id);
    expect(await find("organization", "Ichiro Paged")).toBeUndefined();
    expect(await find("person", "Ichiro")).toBeUndefined();
    expect(await find("person", "!!")).toBeUndefined();
  });

  it("looks names up in the parts' index, not by scanning the directory (migration 1190)", async () => {
    // What approach reports' job creates during a load run: a directory of thousands of parties.
    await sql`
      INSERT INTO parties (id, kind, primary_name, notes, tags, identifiers, search_text)
      SELECT gen_random_uuid(), 'person', 'Flood Sender ' || i,
        '接触報告 AR-2026-' || i || ' から自動登録 / Created from approach report AR-2026-' || i,
        '{接触報告}', jsonb_build_array(jsonb_build_object('scheme', 'email', 'value', 'sender' || i || '@example.com')),
        'flood sender ' || i || ' | sender' || i || ' example com'
      FROM generate_series(1, 5000) AS i`.execute(t.services.db);
    const plan = await createPartiesRepo()
      .withFoldedPartQuery(t.services.db, "person", "flood sender 1234")
      .explain();
    const text = plan.map((r) => Object.values(r)[0]).join("\n");
    expect(text).toContain("parties_search_parts");
    expect(text).not.toContain("Seq Scan");
    const rows = await createPartiesRepo().withFoldedPart(t.services.db, "person", "flood sender 1234");
    expect(rows.map((r) => r.primary_name)).toEqual(["Flood Sender 1234"]);
  });
});
