import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

describe("other-machines detector (case 5)", () => {
  it("fires the case for files searched on a colleague's PC and mailed to a personal address", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("BOB", 36, 12.2, { kind: "logon", action: "logon", host: "PC-3" }),
      ev("BOB", 36, 12.3, {
        kind: "file",
        action: "open",
        host: "PC-3",
        object: "C:\\Users\\CAROL\\plan.docx",
      }),
      ev("BOB", 37, 12.4, {
        kind: "email",
        action: "send",
        recipients: ["bob.home@gmail.com"],
        attachments: ["plan.docx"],
        attachmentCount: 1,
      }),
    ]);
    expect(run.fired("BOB", 36)).toEqual(expect.arrayContaining(["I-OTHER-PC-LOGON", "I-OTHER-PC-FILES"]));
    expect(run.fired("BOB", 37)).toEqual(
      expect.arrayContaining(["I-EMAIL-PERSONAL", "I-CASE5-OTHER-PC-MAIL"]),
    );
  });

  it("recognises the supervisor's PC and does not flag an internal mail from a colleague's PC", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("ALICE", 36, 12, { kind: "logon", action: "logon", host: "PC-0" }),
      ev("ALICE", 36, 12.1, {
        kind: "email",
        action: "send",
        host: "PC-0",
        recipients: ["carol@corp.jp"],
        attachments: ["a.docx"],
        attachmentCount: 1,
      }),
    ]);
    expect(run.fired("ALICE", 36)).toContain("I-SUPERVISOR-PC");
    // One logon is one event: scored as the supervisor's PC, not a second time as "another PC".
    expect(run.fired("ALICE", 36)).not.toContain("I-OTHER-PC-LOGON");
    expect(run.fired("ALICE", 36)).not.toContain("I-OTHER-PC-MAIL-OUT");
    expect(run.fired("ALICE", 36)).not.toContain("I-CASE5-OTHER-PC-MAIL");
  });

  it.each([
    ["from the office network", { srcIp: "10.1.2.3" }, true],
    ["from the office's listed public egress", { srcIp: "198.51.100.7" }, true],
    [
      "through the VPN from a home line (remote-identity's to judge)",
      { srcIp: "203.0.113.7", country: "JP", asNumber: 2516 },
      false,
    ],
  ])("a logon on a colleague's PC %s → other PC: %s", (_n, src, expected) => {
    const settings = { "remote-identity": { officeNetworks: ["198.51.100.0/24"] } };
    const run = runEngine(
      [...normalDays(0, 40), ev("BOB", 36, 12.2, { kind: "logon", action: "logon", host: "PC-3", ...src })],
      { detectors: settings },
    );
    expect(run.fired("BOB", 36).includes("I-OTHER-PC-LOGON")).toBe(expected);
  });
});
