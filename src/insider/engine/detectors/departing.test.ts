import { describe, expect, it } from "vitest";
import { dayToIso } from "../time.js";
import { ev, normalDays, runEngine, START, testDirectory } from "./test-kit.js";

const iso = (d: number) => dayToIso(START + d);
const usb = (user: string, day: number) => [
  ev(user, day, 15, { kind: "device", action: "connect" }),
  ev(user, day, 15.1, { kind: "file", action: "copy", toRemovable: true, object: "C:\\work\\a.docx" }),
];

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
    const before = runEngine([...normalDays(0, 120), ...mailOut(95)], {}, dir);
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
});
