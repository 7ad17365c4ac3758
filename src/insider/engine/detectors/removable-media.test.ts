import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

const copies = (user: string, day: number, n: number, hour = 14, folder = "C:\\work\\") => [
  ev(user, day, hour, { kind: "device", action: "connect" }),
  ...Array.from({ length: n }, (_, i) =>
    ev(user, day, hour + 0.1, {
      kind: "file",
      action: "copy",
      toRemovable: true,
      object: `${folder}f${i}.docx`,
    }),
  ),
];

describe("removable-media detector", () => {
  it("flags first use only for someone without media history, after the warm-up", () => {
    const daily = [];
    for (let d = 0; d < 36; d++) daily.push(...copies("BOB", d, 2));
    const run = runEngine([
      ...normalDays(0, 40),
      ...daily,
      ...copies("BOB", 36, 2),
      ...copies("CAROL", 36, 2),
      ...copies("ALICE", 3, 2),
    ]);
    expect(run.fired("CAROL", 36)).toContain("I-USB-FIRST-USE");
    expect(run.fired("BOB", 36)).not.toContain("I-USB-FIRST-USE");
    expect(run.fired("ALICE", 3)).not.toContain("I-USB-FIRST-USE");
  });

  it.each([
    [4, false],
    [30, true],
  ])("a day of %i copies by someone who usually copies 2–3 flags volume: %s", (n, expected) => {
    const daily = [];
    for (let d = 0; d < 36; d++) if (d % 7 < 5) daily.push(...copies("BOB", d, 2 + (d % 2)));
    const run = runEngine([...normalDays(0, 40), ...daily, ...copies("BOB", 36, n)]);
    expect(run.fired("BOB", 36).includes("I-USB-VOLUME")).toBe(expected);
  });

  it("flags confidential files copied to media, including files opened earlier from a registered share", () => {
    const run = runEngine(
      [
        ...normalDays(0, 40),
        ev("ALICE", 36, 10, { kind: "file", action: "open", object: "\\\\fs01\\p1\\plan.xlsx" }),
        ev("ALICE", 36, 15, { kind: "device", action: "connect" }),
        ev("ALICE", 36, 15.1, { kind: "file", action: "copy", toRemovable: true, object: "E:\\plan.xlsx" }),
      ],
      { budget: { mode: "fixed", threshold: 20 } },
    );
    expect(run.fired("ALICE", 36)).toContain("I-USB-CONFIDENTIAL");
    const alert = run.alerts.find((a) => a.user === "ALICE")!;
    expect(alert.evidence.find((e) => e.object === "E:\\plan.xlsx")!.assetId).toBe("A-FS");
  });

  it("scores a first media use once: no volume signal the same day, but on a later large day", () => {
    const run = runEngine([...normalDays(0, 50), ...copies("CAROL", 36, 25), ...copies("CAROL", 45, 25)]);
    expect(run.fired("CAROL", 36)).toContain("I-USB-FIRST-USE");
    expect(run.fired("CAROL", 36)).not.toContain("I-USB-VOLUME");
    expect(run.fired("CAROL", 45)).not.toContain("I-USB-FIRST-USE");
    expect(run.fired("CAROL", 45)).toContain("I-USB-VOLUME");
  });
});
