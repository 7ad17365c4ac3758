import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

const upload = (user: string, day: number, url = "https://www.dropbox.com/upload?file=a.docx") =>
  ev(user, day, 15, { kind: "http", action: "visit", object: url });

describe("cloud-leak detector (case 6)", () => {
  it.each([
    ["an upload naming a confidential file opened that day", true, true],
    ["a cloud upload on an ordinary day", false, false],
  ])("%s → case 6: %s", (_n, conf, expected) => {
    const extra = conf
      ? [ev("ALICE", 36, 14, { kind: "file", action: "open", object: "\\\\fs01\\p1\\x.docx" })]
      : [];
    const run = runEngine([
      ...normalDays(0, 40, ["BOSS", "BOB", "CAROL", "DAVE"]),
      ...extra,
      upload("ALICE", 36, "https://www.dropbox.com/upload?file=x.docx"),
    ]);
    expect(run.fired("ALICE", 36)).toContain("I-CLOUD-UPLOAD");
    expect(run.fired("ALICE", 36).includes("I-CASE6-LEAK-UPLOAD")).toBe(expected);
  });

  it("flags every leak-site visit, and stops flagging a regular uploader after three upload days", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("BOB", 20, 15, { kind: "http", action: "visit", object: "https://wikileaks.org/" }),
      ...[22, 23, 24, 25].map((d) => upload("CAROL", d)),
    ]);
    expect(run.fired("BOB", 20)).toEqual(expect.arrayContaining(["I-LEAK-SITE", "I-CASE6-LEAK-UPLOAD"]));
    expect(run.fired("CAROL", 24)).toContain("I-CLOUD-UPLOAD");
    expect(run.fired("CAROL", 25)).not.toContain("I-CLOUD-UPLOAD");
  });
});
