import { describe, expect, it } from "vitest";
import { ev, normalDays, runEngine } from "./test-kit.js";

describe("tool-plant detector (case 6)", () => {
  it.each([
    ["after a keylogger download", true],
    ["without a tool download", false],
  ])("an executable carried from USB to the supervisor's PC %s", (_n, fetched) => {
    const fetch = fetched
      ? [
          ev("BOB", 34, 13, {
            kind: "http",
            action: "visit",
            object: "http://www.keylogger.com/download/setup.exe",
          }),
        ]
      : [];
    const run = runEngine([
      ...normalDays(0, 40),
      ...fetch,
      ev("BOB", 36, 19.5, { kind: "logon", action: "logon", host: "PC-0" }),
      ev("BOB", 36, 19.6, {
        kind: "file",
        action: "write",
        host: "PC-0",
        object: "C:\\Windows\\Temp\\svchost32.exe",
        fromRemovable: true,
      }),
    ]);
    expect(run.fired("BOB", 36)).toContain("I-TOOL-TRANSFER");
    expect(run.fired("BOB", 36).includes("I-CASE6-TOOL-PLANT")).toBe(fetched);
    if (fetched) expect(run.fired("BOB", 34)).toContain("I-HACK-TOOL");
  });
});
