import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

const mail = (user: string, day: number, to: string, attachments: string[]) =>
  ev(user, day, 14, {
    kind: "email",
    action: "send",
    recipients: [to],
    sender: `${user.toLowerCase()}@corp.jp`,
    attachments,
    attachmentCount: attachments.length,
    bytes: 50_000,
  });

describe("recruited-email detector (case 3)", () => {
  it("fires the case when confidential research goes out after recruiter contact", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("ALICE", 20, 11, {
        kind: "email",
        action: "receive",
        recipients: ["alice@corp.jp"],
        sender: "talent@linkedin.com",
      }),
      ev("ALICE", 36, 13, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
      mail("ALICE", 36, "lab@institute-7.org", ["results.xlsx"]),
    ]);
    expect(run.fired("ALICE", 20)).toContain("I-PRO-NETWORK");
    expect(run.fired("ALICE", 36)).toEqual(
      expect.arrayContaining(["I-EMAIL-CONFIDENTIAL", "I-EMAIL-NEW-RECIPIENT", "I-CASE3-RECRUITED-EMAIL"]),
    );
  });

  it.each([
    ["a partner domain approved for the asset", "x@partner.com", false],
    ["another outside domain", "x@rival.com", true],
  ])("confidential attachment to %s → I-EMAIL-CONFIDENTIAL %s", (_n, to, expected) => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("ALICE", 36, 13, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
      mail("ALICE", 36, to, ["results.xlsx"]),
    ]);
    expect(run.fired("ALICE", 36).includes("I-EMAIL-CONFIDENTIAL")).toBe(expected);
  });

  it("does not flag attachments to a known correspondent as new, nor a habitual mass mailer", () => {
    const history = [];
    for (let d = 2; d < 30; d += 3) {
      history.push(mail("BOB", d, "client@customer.com", ["quote.pdf"]));
      history.push(
        ev("BOB", d, 15, {
          kind: "email",
          action: "send",
          recipients: Array.from({ length: 25 }, (_, i) => `p${i}@corp.jp`),
        }),
      );
    }
    const run = runEngine([
      ...normalDays(0, 40),
      ...history,
      mail("BOB", 36, "client@customer.com", ["quote2.pdf"]),
      ev("BOB", 36, 15, {
        kind: "email",
        action: "send",
        recipients: Array.from({ length: 25 }, (_, i) => `p${i}@corp.jp`),
      }),
    ]);
    expect(run.fired("BOB", 36)).not.toContain("I-EMAIL-NEW-RECIPIENT");
    expect(run.fired("BOB", 36)).not.toContain("I-MASS-EMAIL");
  });
});
