import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

/** After-hours logons to the confidential server, files opened and copied to USB (day `d`). */
function offHoursExfil(user: string, d: number, copyHour = 22.5) {
  const out = [
    ev(user, d, 22, { kind: "logon", action: "logon" }),
    ev(user, d, 22.1, { kind: "logon", action: "logon", host: "SRV-1" }),
    ev(user, d, copyHour - 0.2, { kind: "device", action: "connect" }),
  ];
  for (let i = 0; i < 6; i++) {
    out.push(ev(user, d, 22.2, { kind: "file", action: "open", object: `\\\\fs01\\p1\\secret-${i}.docx` }));
    out.push(
      ev(user, d, copyHour, {
        kind: "file",
        action: "copy",
        toRemovable: true,
        object: `\\\\fs01\\p1\\secret-${i}.docx`,
      }),
    );
  }
  return out;
}

describe("off-hours detector (case 1)", () => {
  it.each([
    ["an after-hours logon by someone who never works late", false, true],
    ["the same logon by a habitual late worker", true, false],
  ])("%s", (_name, habitual, expected) => {
    const late = [];
    if (habitual)
      for (let d = 0; d < 36; d++) late.push(ev("BOB", d, 21, { kind: "logon", action: "logon" }));
    late.push(ev("BOB", 36, 21.5, { kind: "logon", action: "logon" }));
    const run = runEngine([...normalDays(0, 40), ...late]);
    expect(run.fired("BOB", 36).includes("I-AFTER-HOURS-LOGON")).toBe(expected);
  });

  it("flags weekend activity and after-hours confidential access, not during the warm-up", () => {
    const run = runEngine([
      ...normalDays(0, 40),
      ev("CAROL", 5, 23, { kind: "logon", action: "logon", host: "SRV-1" }),
      ev("CAROL", 33, 11, { kind: "logon", action: "logon" }), // a Saturday
      ev("CAROL", 36, 23, { kind: "logon", action: "logon", host: "SRV-1" }),
    ]);
    expect(run.fired("CAROL", 5)).not.toContain("I-CONF-AFTER-HOURS");
    expect(run.fired("CAROL", 33)).toContain("I-WEEKEND-ACTIVITY");
    expect(run.fired("CAROL", 36)).toContain("I-CONF-AFTER-HOURS");
  });

  it("fires the case when suspicious media use meets off-hours access, not for media in the day", () => {
    const night = runEngine([...normalDays(0, 40), ...offHoursExfil("ALICE", 36)]);
    expect(night.fired("ALICE", 36)).toEqual(
      expect.arrayContaining([
        "I-AFTER-HOURS-LOGON",
        "I-USB-FIRST-USE",
        "I-USB-CONFIDENTIAL",
        "I-CASE1-OFFHOURS-EXFIL",
      ]),
    );
    const day = runEngine([
      ...normalDays(0, 40),
      ev("ALICE", 36, 14, { kind: "device", action: "connect" }),
      ev("ALICE", 36, 14.1, { kind: "file", action: "copy", toRemovable: true, object: "C:\\a\\x.docx" }),
    ]);
    expect(day.fired("ALICE", 36)).toContain("I-USB-FIRST-USE");
    expect(day.fired("ALICE", 36)).not.toContain("I-CASE1-OFFHOURS-EXFIL");
  });
});
