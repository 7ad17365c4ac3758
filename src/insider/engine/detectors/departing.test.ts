import { describe, expect, it } from "vitest";
import { dayToIso } from "../time.js";
import { ev, normalDays, runEngine, START, testDirectory } from "./test-kit.js";

const iso = (d: number) => dayToIso(START + d);

describe("departing detector (case 2)", () => {
  it("puts a person with an HR notice date on the departing watchlist until the end date", () => {
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(30), end_date: iso(45) }]);
    const run = runEngine(normalDays(0, 50), {}, dir);
    expect(run.fired("BOB", 29)).not.toContain("I-DEPARTING");
    expect(run.fired("BOB", 31)).toContain("I-DEPARTING");
    expect(run.fired("BOB", 46)).toContain("I-POST-DEPARTURE");
  });

  const visit = (d: number) =>
    ev("BOB", d, 12, { kind: "http", action: "visit", object: "http://www.indeed.com/jobs" });
  /** A confidential file (opened from a registered location) mailed to a personal address. */
  const mailOut = (d: number) => [
    ev("BOB", d, 14.9, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
    ev("BOB", d, 15, {
      kind: "email",
      action: "send",
      recipients: ["bob.private@gmail.com"],
      attachments: ["results.xlsx"],
      attachmentCount: 1,
    }),
  ];
  /** The person's own files (no confidential one) mailed to a personal address. */
  const mailOwnFiles = (d: number) =>
    ev("BOB", d, 15, {
      kind: "email",
      action: "send",
      recipients: ["bob.private@gmail.com"],
      attachments: ["cv.docx"],
      attachmentCount: 1,
    });
  it.each([
    // Weeks of low-grade job hunting after months without any, then files to a personal address.
    ["job sites on 4 days over 4 weeks after 14 quiet weeks", [100, 107, 114, 121], true],
    ["job sites on two days of one week only", [120, 121], false],
    ["one job-site visit only", [121], false],
    // Someone who always browses job sites is not "leaving" because they still do.
    [
      "job sites every week for months",
      [2, 9, 16, 23, 30, 37, 44, 51, 58, 65, 72, 79, 86, 93, 100, 107, 114, 121],
      false,
    ],
  ])("%s → case 2: %s", (_name, jobDays, expected) => {
    const run = runEngine([...normalDays(0, 130), ...jobDays.map(visit), ...mailOut(125)]);
    expect(run.fired("BOB", 125)).toContain("I-EMAIL-CONFIDENTIAL");
    expect(run.fired("BOB", 125).includes("I-JOB-HUNT")).toBe(expected);
    expect(run.fired("BOB", 125).includes("I-CASE2-DEPARTING-EXFIL")).toBe(expected);
  });

  it("looks back 8 weeks when a departure becomes known, and alerts on data moved before it", () => {
    const dir = testDirectory([{ user_id: "BOB", end_date: iso(110) }]);
    const before = runEngine([...normalDays(0, 120), ...mailOut(95), ...mailOut(99)], {}, dir);
    expect(before.fired("BOB", 95)).not.toContain("I-CASE2-DEPARTING-EXFIL");
    const alerts = before.alerts.filter((a) => a.user === "BOB");
    expect(alerts.length).toBeGreaterThan(0);
    expect(JSON.stringify(alerts)).toContain("I-CASE2-LOOKBACK");
    // Nothing moved out in the 8 weeks before (only long before): no look-back alert.
    const old = runEngine([...normalDays(0, 120), ...mailOut(30)], {}, dir);
    expect(JSON.stringify(old.alerts.filter((a) => a.user === "BOB"))).not.toContain("I-CASE2-LOOKBACK");
    // Only the person's own files mailed home before leaving: no look-back alert either.
    const own = runEngine([...normalDays(0, 120), mailOwnFiles(95)], {}, dir);
    expect(own.fired("BOB", 95)).toContain("I-EMAIL-PERSONAL");
    expect(JSON.stringify(own.alerts.filter((a) => a.user === "BOB"))).not.toContain("I-CASE2-LOOKBACK");
  });

  it("takes confidential files to personal mail as exfiltration, but not the person's own files", () => {
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(30), end_date: iso(60) }]);
    const run = runEngine(
      [
        ...normalDays(0, 40),
        ev("BOB", 36, 15, {
          kind: "email",
          action: "send",
          recipients: ["bob.private@gmail.com"],
          attachments: ["a.docx"],
          attachmentCount: 1,
        }),
      ],
      {},
      dir,
    );
    expect(run.fired("BOB", 36)).toContain("I-EMAIL-PERSONAL");
    expect(run.fired("BOB", 36)).not.toContain("I-CASE2-DEPARTING-EXFIL");
    const conf = runEngine([...normalDays(0, 40), ...mailOut(36)], {}, dir);
    expect(conf.fired("BOB", 36)).toEqual(
      expect.arrayContaining(["I-EMAIL-CONFIDENTIAL", "I-CASE2-DEPARTING-EXFIL"]),
    );
  });

  /** Files from the registered confidential share copied to removable media. */
  const confToUsb = (user: string, day: number, files: number) => [
    ev(user, day, 15, { kind: "device", action: "connect" }),
    ...Array.from({ length: files }, (_, i) =>
      ev(user, day, 15.05 + i * 0.01, {
        kind: "file",
        action: "copy",
        toRemovable: true,
        object: `\\\\fs01\\p1\\spec-${i}.docx`,
      }),
    ),
    ev(user, day, 16, { kind: "device", action: "disconnect" }),
  ];
  it.each([
    // Leaving only amplifies a rise: one confidential file (a hand-over, the odd copy) is scored
    // as a behaviour but is not the departing-insider pattern; many of them, far above the
    // person's own level and their department's, are.
    ["one confidential file", 1, false],
    ["two confidential files", 2, false],
    ["eight confidential files", 8, true],
  ])("a leaver copying %s to media → case 2: %s", (_n, files, expected) => {
    // Enough weeks for the department's distribution (200 user-days) to be known.
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(70), end_date: iso(100) }]);
    const run = runEngine([...normalDays(0, 80), ...confToUsb("BOB", 78, files)], {}, dir);
    expect(run.fired("BOB", 78)).toContain("I-USB-CONFIDENTIAL");
    expect(run.fired("BOB", 78)).toContain("I-DEPARTING");
    expect(run.fired("BOB", 78).includes("I-CASE2-DEPARTING-EXFIL")).toBe(expected);
    if (expected)
      expect(
        run.dayOf("BOB", 78)!.indicators.find((i) => i.id === "I-CASE2-DEPARTING-EXFIL")?.detail?.en,
      ).toMatch(/8 confidential files to media/);
  });

  it("does not count a hand-over: confidential files mailed to a colleague inside the organisation", () => {
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(30), end_date: iso(60) }]);
    const run = runEngine(
      [
        ...normalDays(0, 40),
        ev("BOB", 36, 14.9, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
        ev("BOB", 36, 15, {
          kind: "email",
          action: "send",
          recipients: ["carol@corp.jp"],
          attachments: ["results.xlsx"],
          attachmentCount: 1,
        }),
      ],
      {},
      dir,
    );
    expect(run.fired("BOB", 36)).toContain("I-DEPARTING");
    expect(run.fired("BOB", 36)).not.toContain("I-EMAIL-CONFIDENTIAL");
    expect(run.fired("BOB", 36)).not.toContain("I-CASE2-DEPARTING-EXFIL");
  });

  it("does not look back on a single confidential copy, but does on a rise", () => {
    const dir = testDirectory([{ user_id: "BOB", end_date: iso(110) }]);
    const one = runEngine([...normalDays(0, 120), ...confToUsb("BOB", 95, 1)], {}, dir);
    expect(one.fired("BOB", 95)).toContain("I-USB-CONFIDENTIAL");
    expect(JSON.stringify(one.alerts.filter((a) => a.user === "BOB"))).not.toContain("I-CASE2-LOOKBACK");
    // One day over the line in eight weeks is ordinary variation; two days are a pattern.
    const once = runEngine([...normalDays(0, 120), ...confToUsb("BOB", 95, 8)], {}, dir);
    expect(JSON.stringify(once.alerts.filter((a) => a.user === "BOB"))).not.toContain("I-CASE2-LOOKBACK");
    const many = runEngine(
      [...normalDays(0, 120), ...confToUsb("BOB", 95, 8), ...confToUsb("BOB", 99, 20)],
      {},
      dir,
    );
    expect(JSON.stringify(many.alerts.filter((a) => a.user === "BOB"))).toContain("I-CASE2-LOOKBACK");
  });

  it("does not count confidential files mailed to an established outside partner (as case 3)", () => {
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(70), end_date: iso(100) }]);
    const partner = (d: number, attachments: string[]) =>
      ev("BOB", d, 11.5, {
        kind: "email",
        action: "send",
        recipients: ["sato@client.co.jp"],
        attachments,
        attachmentCount: attachments.length,
      });
    const weekly = Array.from({ length: 10 }, (_, w) => partner(1 + w * 7, ["minutes.docx"]));
    const run = runEngine(
      [
        ...normalDays(0, 80),
        ...weekly,
        ev("BOB", 78, 11, { kind: "file", action: "open", object: "\\\\fs01\\p1\\results.xlsx" }),
        partner(78, ["results.xlsx"]),
      ],
      {},
      dir,
    );
    expect(run.fired("BOB", 78)).toEqual(expect.arrayContaining(["I-EMAIL-CONFIDENTIAL", "I-DEPARTING"]));
    expect(run.fired("BOB", 78)).not.toContain("I-CASE2-DEPARTING-EXFIL");
  });

  it("never alerts on job hunting or a known departure alone", () => {
    const dir = testDirectory([{ user_id: "BOB", notice_date: iso(100), end_date: iso(125) }]);
    const run = runEngine([...normalDays(0, 130), ...[100, 107, 114, 121].map(visit)], {}, dir);
    expect(run.fired("BOB", 121)).toEqual(expect.arrayContaining(["I-JOB-HUNT", "I-DEPARTING"]));
    expect(run.alerts.filter((a) => a.user === "BOB")).toEqual([]);
  });
});
