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

  it("does not make recruitment of confidential files to an established partner, but does of a new one", () => {
    // Files exchanged with a partner for months (an outside address not approved for the asset).
    const history = [];
    for (let d = 2; d < 40; d += 4) history.push(mail("ALICE", d, "lab@institute-7.org", ["notes.pdf"]));
    const recruiter = ev("ALICE", 100, 11, {
      kind: "email",
      action: "receive",
      recipients: ["alice@corp.jp"],
      sender: "talent@linkedin.com",
    });
    const confTo = (to: string) => [
      ev("ALICE", 110, 13, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
      mail("ALICE", 110, to, ["results.xlsx"]),
    ];
    const established = runEngine([
      ...normalDays(0, 115),
      ...history,
      recruiter,
      ...confTo("lab@institute-7.org"),
    ]);
    expect(established.fired("ALICE", 110)).toContain("I-EMAIL-CONFIDENTIAL");
    expect(established.fired("ALICE", 110)).not.toContain("I-CASE3-RECRUITED-EMAIL");
    const fresh = runEngine([...normalDays(0, 115), ...history, recruiter, ...confTo("lab@rival-9.org")]);
    expect(fresh.fired("ALICE", 110)).toEqual(
      expect.arrayContaining(["I-EMAIL-CONFIDENTIAL", "I-CASE3-RECRUITED-EMAIL"]),
    );
  });

  it("does not make recruitment of the person's own files mailed home after recruiter contact", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("ALICE", 20, 11, {
        kind: "email",
        action: "receive",
        recipients: ["alice@corp.jp"],
        sender: "talent@linkedin.com",
      }),
      mail("ALICE", 36, "alice.home@gmail.com", ["cv.docx"]),
    ]);
    expect(run.fired("ALICE", 36)).toContain("I-EMAIL-PERSONAL");
    expect(run.fired("ALICE", 36)).not.toContain("I-CASE3-RECRUITED-EMAIL");
  });
});
