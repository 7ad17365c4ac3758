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

  it.each([
    ["job-site browsing on two days, then a first USB use", [20, 30], true],
    ["one job-site visit only", [30], false],
  ])("%s → case 2: %s", (_name, jobDays, expected) => {
    const job = jobDays.map((d) =>
      ev("BOB", d, 12, { kind: "http", action: "visit", object: "http://www.indeed.com/jobs" }),
    );
    const run = runEngine([...normalDays(0, 40), ...job, ...usb("BOB", 36)]);
    expect(run.fired("BOB", 36).includes("I-CASE2-DEPARTING-EXFIL")).toBe(expected);
  });

  it("takes a departing person's outside personal mail with attachments as exfiltration", () => {
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
    expect(run.fired("BOB", 36)).toEqual(
      expect.arrayContaining(["I-EMAIL-PERSONAL", "I-CASE2-DEPARTING-EXFIL"]),
    );
  });
});
