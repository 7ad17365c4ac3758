import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAlertBudget } from "./budget-spec.js";
import { DEFAULT_BUDGET } from "./engine.js";

describe("parseAlertBudget", () => {
  it.each([
    ["", DEFAULT_BUDGET],
    ["top:5", { mode: "topPerDay", perDay: 5 }],
    ["top:3, floor:12", { mode: "topPerDay", perDay: 3, floor: 12 }],
    ["fixed:30", { mode: "fixed", threshold: 30 }],
  ])("%j", (text, expected) => {
    expect(parseAlertBudget(text)).toEqual(expected);
  });

  it("keeps the default window and warm-up for a percentile budget", () => {
    expect(parseAlertBudget("percentile:99,floor:8")).toMatchObject({
      mode: "percentile",
      percentile: 99,
      floor: 8,
      windowDays: 90,
    });
  });

  it.each([
    ["percentile:100", "between 0 and 100"],
    ["top:0", "whole number"],
    ["top:2.5", "whole number"],
    ["fixed:30,floor:5", "no floor"],
    ["daily:5", "percentile, top or fixed"],
    ["top", "expected percentile:P"],
    ["top:5,ceiling:3", "floor:N"],
  ])("refuses %j clearly", (text, message) => {
    expect(() => parseAlertBudget(text)).toThrow(message);
  });

  it("reads any top:N it is given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(parseAlertBudget(`top:${n}`)).toEqual({ mode: "topPerDay", perDay: n });
      }),
    );
  });
});
