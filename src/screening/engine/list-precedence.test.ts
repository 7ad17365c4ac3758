import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareListPrecedence, listPrecedence } from "./list-precedence.js";

describe("list precedence for exact ties", () => {
  it("orders UN, Japan's lists, OFAC, export-control and defence lists, trackers, then the office's own", () => {
    const ids = [
      "custom:partners",
      "aspi",
      "dod_1260h",
      "bis_dpl",
      "ofac_cons",
      "ofac_sdn",
      "meti_eul",
      "mof_jp",
      "un",
    ];
    expect([...ids].sort(compareListPrecedence)).toEqual([
      "un",
      "mof_jp",
      "meti_eul",
      "ofac_sdn",
      "ofac_cons",
      "bis_dpl",
      "dod_1260h",
      "aspi",
      "custom:partners",
    ]);
  });

  it("does not read list ids through the prototype chain", () => {
    expect(listPrecedence("constructor")).toBe(listPrecedence("custom:x"));
    expect(listPrecedence("toString")).toBe(listPrecedence("custom:x"));
  });

  const listId = fc.oneof(
    fc.constantFrom("un", "mof_jp", "meti_eul", "ofac_sdn", "aspi", "custom:a", ""),
    fc.string(),
  );

  it("is a total order: antisymmetric, and equal only for the same id", () => {
    fc.assert(
      fc.property(listId, listId, (a, b) => {
        const ab = compareListPrecedence(a, b);
        expect(Math.sign(ab) + Math.sign(compareListPrecedence(b, a))).toBe(0); // ±0: no toBe(-0)
        expect(ab === 0).toBe(a === b);
      }),
    );
  });
});
