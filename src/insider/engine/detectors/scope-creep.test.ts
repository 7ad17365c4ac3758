import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

/** Several out-of-scope files on one day (a stray file now and then is not a pattern). */
const read = (user: string, day: number, share = "p2") => [
  ev(user, day, 14, { kind: "file", action: "open", object: `\\\\fs01\\${share}\\roadmap.pptx` }),
  ev(user, day, 14.2, { kind: "file", action: "open", object: `\\\\fs01\\${share}\\budget.xlsx` }),
];

describe("scope-creep detector (case 4)", () => {
  it.each([
    ["an intern (watchlist), second access", "DAVE", [22], 25, true],
    ["an engineer, second access", "ALICE", [22], 25, false],
    ["an engineer, third access within 30 days", "ALICE", [18, 22], 25, true],
  ])("%s", (_n, user, earlier, day, expected) => {
    // DAVE's project is P2, so for him the P1 share is out of scope; everyone else is on P1.
    const access = (d: number) => (user === "DAVE" ? read(user, d, "p1") : read(user, d));
    const run = runEngine([...normalDays(0, 30), ...earlier.flatMap(access), ...access(day)]);
    expect(run.fired(user, day)).toContain("I-OUT-OF-SCOPE");
    expect(run.fired(user, day).includes("I-CASE4-SCOPE-CREEP")).toBe(expected);
  });

  it("takes a single stray out-of-scope file a day as a signal, not a case", () => {
    const stray = (d: number) => read("ALICE", d)[0]!;
    const run = runEngine([...normalDays(0, 30), stray(18), stray(22), stray(25)]);
    expect(run.fired("ALICE", 25)).toContain("I-OUT-OF-SCOPE");
    expect(run.fired("ALICE", 25)).not.toContain("I-CASE4-SCOPE-CREEP");
  });

  it("does not judge scope for accounts missing from the directory", () => {
    const run = runEngine([
      ...normalDays(0, 30),
      ev("SVC1", 20, 14, { kind: "file", action: "open", object: "\\\\fs01\\p2\\x.docx" }),
    ]);
    expect(run.fired("SVC1", 20)).not.toContain("I-OUT-OF-SCOPE");
  });
});
