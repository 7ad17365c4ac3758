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

  it("is a total order: antisymmetric, and equal only for the same id", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = compareListPrecedence(a, b);
        expect(Math.sign(ab)).toBe(-Math.sign(compareListPrecedence(b, a)));
        expect(ab === 0).toBe(a === b);
      }),
    );
  });
});
