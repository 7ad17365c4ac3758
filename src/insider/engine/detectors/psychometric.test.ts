import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine, testDirectory } from "./test-kit.js";

describe("psychometric detector", () => {
  it.each([
    [false, false],
    [true, true],
  ])("enabled: %s → adds its factor on a day with behaviour: %s", (enabled, expected) => {
    const dir = testDirectory();
    dir.people.get("ALICE")!.psychometric = { O: 20, C: 10, E: 20, A: 10, N: 48 };
    const run = runEngine(
      [
        ...normalDays(0, 40),
        ev("ALICE", 36, 15, { kind: "http", action: "visit", object: "https://wikileaks.org/" }),
      ],
      { psychometric: { enabled } },
      dir,
    );
    expect(run.fired("ALICE", 36).includes("I-PSYCHOMETRIC")).toBe(expected);
    expect(run.fired("ALICE", 35)).not.toContain("I-PSYCHOMETRIC");
  });
});
